"""The forms of the self-service entry: the organisation, its opening hours, its contact persons.

Address, phone, e-mail and website are model fields of ``Partner``, and contact
persons are ``PartnerContactPerson`` model forms, so the model validators and the
consent rule in ``ContactPersonBase.clean`` give the same German messages as the
admin snippet.
"""

from __future__ import annotations

from django import forms
from django.forms.formsets import DELETION_FIELD_NAME
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from taggit.utils import edit_string_for_tags, parse_tags

from partners.entry.text import has_formatting, plain_to_richtext, richtext_to_plain
from partners.models import Partner, PartnerContactPerson

MAX_OPENING_HOURS = 14
MAX_CONTACT_PERSONS = 20
DESCRIPTION_MAX_LENGTH = 5000
MAX_TOPICS = 30
TOPIC_MAX_LENGTH = 100  # taggit's Tag.name


class HttpsURLField(forms.URLField):
    """Addresses typed without a scheme are taken as https, as Django 6 will do."""

    default_error_messages = {
        "invalid": _("Bitte eine vollständige Web-Adresse angeben, z. B. https://www.beispiel.de.")
    }

    def __init__(self, **kwargs) -> None:
        super().__init__(assume_scheme="https", **kwargs)


DESCRIPTION_HELP = _(
    "Absätze durch eine Leerzeile trennen; Zeilen, die mit „- “ beginnen, werden zur Aufzählung."
)
FORMATTING_HINT = format_lazy(
    "{} {}",
    DESCRIPTION_HELP,
    _(
        "Die Redaktion hat den Text mit Links oder Hervorhebungen gestaltet; sie bleiben "
        "erhalten, solange Sie die Beschreibung nicht ändern."
    ),
)


class EntryForm(forms.ModelForm):
    """The organisation's own details; ``instance`` is the editable copy, never the live row."""

    partner = forms.IntegerField(widget=forms.HiddenInput)
    description = forms.CharField(
        label=_("Beschreibung"),
        required=False,
        max_length=DESCRIPTION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=DESCRIPTION_HELP,
    )
    topics = forms.CharField(
        label=_("Angebote und Zuständigkeiten"),
        required=False,
        max_length=1000,
        help_text=_("Begriffe mit Komma trennen, z. B. Beratung, Kinderbetreuung, Ausbildung."),
    )

    class Meta:
        model = Partner
        fields = ["street", "postcode", "town", "phone", "email", "website"]
        field_classes = {"website": HttpsURLField}
        widgets = {
            "postcode": forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
            "phone": forms.TextInput(attrs={"inputmode": "tel"}),
            "email": forms.EmailInput(),
            "website": forms.URLInput(attrs={"placeholder": "https://"}),
        }

    def __init__(self, *args, instance: Partner, **kwargs):
        initial = {
            "partner": instance.pk,
            "description": richtext_to_plain(instance.description),
            "topics": edit_string_for_tags(list(instance.topics.all())),
        }
        super().__init__(*args, instance=instance, initial=initial, **kwargs)
        self.source_description = instance.description
        if has_formatting(instance.description):
            self.fields["description"].help_text = FORMATTING_HINT

    def description_html(self) -> str:
        """The rich text to store: the source's own if the text was left as shown."""
        text = self.cleaned_data["description"]
        if text.strip() == richtext_to_plain(self.source_description):
            return self.source_description
        return plain_to_richtext(text)

    def clean_topics(self) -> str:
        names = parse_tags(self.cleaned_data["topics"])
        if len(names) > MAX_TOPICS:
            raise forms.ValidationError(
                _("Bitte höchstens %(count)d Begriffe angeben.") % {"count": MAX_TOPICS}
            )
        if any(len(name) > TOPIC_MAX_LENGTH for name in names):
            raise forms.ValidationError(
                _("Ein Begriff darf höchstens %(count)d Zeichen lang sein.")
                % {"count": TOPIC_MAX_LENGTH}
            )
        return self.cleaned_data["topics"]

    def topic_names(self) -> list[str]:
        return parse_tags(self.cleaned_data["topics"])


class RowsFormSet(forms.BaseFormSet):
    """A formset whose rows are removed with a checkbox that says so."""

    deletion_label = _("Diese Zeile entfernen")

    def add_fields(self, form, index) -> None:
        super().add_fields(form, index)
        if DELETION_FIELD_NAME in form.fields:
            form.fields[DELETION_FIELD_NAME].label = self.deletion_label


class ContactPersonRows(RowsFormSet):
    deletion_label = _("Diese Person entfernen")


class OpeningHoursForm(forms.Form):
    """One row of opening hours; a row left empty is dropped."""

    days = forms.CharField(label=_("Tage"), max_length=80, required=False)
    hours = forms.CharField(label=_("Zeiten"), max_length=120, required=False)

    def clean(self):
        data = super().clean()
        days, hours = data.get("days"), data.get("hours")
        if days and not hours:
            self.add_error("hours", _("Bitte die Zeiten zu diesen Tagen angeben."))
        if hours and not days:
            self.add_error("days", _("Bitte die Tage zu diesen Zeiten angeben."))
        return data

    @property
    def row(self) -> dict[str, str] | None:
        data = self.cleaned_data
        if not data or data.get("DELETE") or not (data.get("days") and data.get("hours")):
            return None
        return {"days": data["days"], "hours": data["hours"]}


OpeningHoursFormSet = forms.formset_factory(
    OpeningHoursForm,
    formset=RowsFormSet,
    extra=2,
    can_delete=True,
    max_num=MAX_OPENING_HOURS,
    validate_max=True,
)


class ContactPersonForm(forms.ModelForm):
    """A contact person; ``person`` is the id of an existing person of this entry, if any."""

    person = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = PartnerContactPerson
        fields = ["name", "role", "phone", "email", "is_public", "consent_given_on"]
        widgets = {
            "phone": forms.TextInput(attrs={"inputmode": "tel"}),
            "consent_given_on": forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
        }

    def person_instance(self, sort_order: int) -> PartnerContactPerson:
        """The unsaved person with the form's values, keeping the id of an existing one."""
        person = self.instance
        person.pk = self.cleaned_data.get("person") or None
        person.sort_order = sort_order
        return person


ContactPersonFormSet = forms.formset_factory(
    ContactPersonForm,
    formset=ContactPersonRows,
    extra=1,
    can_delete=True,
    max_num=MAX_CONTACT_PERSONS,
    validate_max=True,
)


def opening_hours_initial(partner: Partner) -> list[dict[str, str]]:
    return [
        {"days": block.value["days"], "hours": block.value["hours"]}
        for block in partner.opening_hours
        if block.block_type == "row"
    ]


def contact_persons_initial(partner: Partner) -> list[dict]:
    fields = ContactPersonForm._meta.fields
    return [
        {"person": person.pk, **{name: getattr(person, name) for name in fields}}
        for person in partner.contact_persons.all()
    ]


class EntryForms:
    """The three parts of the page, bound or unbound together."""

    def __init__(self, source: Partner, data=None):
        self.source = source
        self.entry = EntryForm(data, instance=source, prefix="eintrag")
        self.hours = OpeningHoursFormSet(
            data, initial=opening_hours_initial(source), prefix="zeiten"
        )
        self.persons = ContactPersonFormSet(
            data, initial=contact_persons_initial(source), prefix="personen"
        )

    def is_valid(self) -> bool:
        return all([self.entry.is_valid(), self.hours.is_valid(), self.persons.is_valid()])

    @property
    def has_errors(self) -> bool:
        return bool(
            self.entry.errors or self.hours.total_error_count() or self.persons.total_error_count()
        )

    def posted_ids(self) -> tuple[str, list[str]]:
        """The raw partner id and person ids of the POST, to check before anything else."""
        persons = [str(form["person"].value() or "") for form in self.persons.forms]
        return str(self.entry["partner"].value() or ""), [pid for pid in persons if pid]

    def kept_persons(self) -> list[PartnerContactPerson]:
        """Existing and newly filled-in persons, without those ticked for removal."""
        persons = self.persons
        kept = [
            form
            for form in persons.forms
            if (form in persons.initial_forms or form.has_changed())
            and form not in persons.deleted_forms
        ]
        return [form.person_instance(index) for index, form in enumerate(kept)]

    def rows(self) -> list[dict[str, str]]:
        return [row for form in self.hours.forms if (row := form.row)]

    def error_summary(self) -> list[tuple[str, str]]:
        """(id of the field, message) of every error, for the summary above the form."""
        summary = [("", str(error)) for error in self.entry.non_field_errors()]
        summary += [
            (field.id_for_label, f"{field.label}: {error}")
            for field in self.entry
            for error in field.errors
        ]
        parts = ((_("Öffnungszeit"), self.hours), (_("Ansprechperson"), self.persons))
        for title, formset in parts:
            summary += [("", f"{title}: {error}") for error in formset.non_form_errors()]
            for number, form in enumerate(formset.forms, 1):
                if form in formset.deleted_forms:
                    continue
                summary += [("", f"{title} {number}: {error}") for error in form.non_field_errors()]
                summary += [
                    (field.id_for_label, f"{title} {number} – {field.label}: {error}")
                    for field in form
                    for error in field.errors
                ]
        return summary
