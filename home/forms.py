"""Public forms of the website."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from home.models import AccessibilityFeedback, AccessibilityStatementPage


class AccessibilityFeedbackForm(forms.ModelForm):
    """Report a barrier. ``website`` is a honeypot that people never see."""

    website = forms.CharField(
        label=_("Bitte dieses Feld leer lassen"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    class Meta:
        model = AccessibilityFeedback
        fields = ["page_url", "message", "name", "email"]
        labels = {
            "page_url": _("Auf welcher Seite? (Adresse oder Titel, freiwillig)"),
            "message": _("Welche Barriere haben Sie gefunden? (Pflichtfeld)"),
            "name": _("Ihr Name (freiwillig)"),
            "email": _("Ihre E-Mail-Adresse für eine Antwort (freiwillig)"),
        }
        error_messages = {
            "message": {"required": _("Bitte beschreiben Sie die Barriere.")},
            "email": {"invalid": _("Bitte geben Sie eine gültige E-Mail-Adresse ein.")},
            "page_url": {"max_length": _("Die Angabe ist zu lang (höchstens 500 Zeichen).")},
        }
        widgets = {
            "message": forms.Textarea(attrs={"rows": 6}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
        }

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)

    def clean_message(self) -> str:
        message = self.cleaned_data["message"].strip()
        if len(message) < 10:
            raise forms.ValidationError(
                _("Bitte beschreiben Sie die Barriere etwas genauer (mindestens 10 Zeichen).")
            )
        if len(message) > 5000:
            raise forms.ValidationError(_("Bitte fassen Sie sich kürzer (höchstens 5000 Zeichen)."))
        return message

    def is_spam(self) -> bool:
        return bool(self.cleaned_data.get("website"))

    def save_for(self, page: AccessibilityStatementPage) -> AccessibilityFeedback:
        feedback = self.save(commit=False)
        feedback.page = page
        feedback.save()
        return feedback
