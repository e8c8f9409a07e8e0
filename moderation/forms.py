"""The admin form base of pages with policy fields (handouts use it)."""

from wagtail.admin.forms import WagtailAdminPageForm

from moderation import rules


class PolicyFieldsPageForm(WagtailAdminPageForm):
    """A coordinator saves a page only with one of their own fields (moderation.rules)."""

    def clean(self):
        cleaned_data = super().clean()
        if "policy_fields" in self.fields and self.for_user is not None:
            error = rules.field_choice_error(self.for_user, cleaned_data.get("policy_fields"))
            if error:
                self.add_error("policy_fields", error)
        return cleaned_data
