"""The choice at /konto/benachrichtigungen/: one of three frequencies per policy field."""

from __future__ import annotations

from django import forms

from notifications.models import Frequency
from partners.models import PolicyField


class PreferencesForm(forms.Form):
    """One radio group per policy field, named ``field-<id>``, set to the current choice."""

    def __init__(self, *args, choices: dict[int, str], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.policy_fields = list(PolicyField.objects.order_by("sort_order", "name"))
        for policy_field in self.policy_fields:
            self.fields[self.key(policy_field)] = forms.ChoiceField(
                label=policy_field.name,
                choices=Frequency.choices,
                initial=choices.get(policy_field.pk, Frequency.NONE),
                widget=forms.RadioSelect,
            )

    @staticmethod
    def key(policy_field: PolicyField) -> str:
        return f"field-{policy_field.pk}"

    def chosen(self) -> dict[int, str]:
        """policy field id → frequency, from the submitted form."""
        return {field.pk: self.cleaned_data[self.key(field)] for field in self.policy_fields}
