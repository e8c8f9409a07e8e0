"""Admin screens for ledgers and logs: what the code writes, people only read.

Render jobs, PDF versions, the download audit and the login lockouts are records that
the pipeline, the download view or django-axes keep. They are listed through
wagtail-modeladmin with one permission rule: nobody adds or edits an entry in the
admin, a model's "view" permission opens the listing, and deleting is allowed only
where deleting has a meaning (a lockout entry is deleted to lift the lock).
Editable content is not a ledger: it is a snippet (SnippetViewSet).
"""

from __future__ import annotations

from datetime import datetime

from django.contrib.admin import SimpleListFilter
from django.db import models
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _
from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.options import ModelAdmin
from wagtail_modeladmin.views import IndexView, InspectView

from cms.security.exports import SafeSpreadsheetExportMixin

YES_NO = {True: _("ja"), False: _("nein")}


def local_datetime(value: datetime | None) -> str:
    """A point in time as editors read it: 01.06.2026 12:05, Europe/Berlin."""
    return date_format(localtime(value), "SHORT_DATETIME_FORMAT") if value else "–"


class ReadOnlyPermissionHelper(PermissionHelper):
    """The one permission rule of the ledgers: look, never add or edit.

    ``deletable`` stays False except where deleting an entry is an action in itself.
    """

    deletable = False

    def user_can_create(self, user) -> bool:
        return False

    def user_can_edit_obj(self, user, obj) -> bool:
        return False

    def user_can_delete_obj(self, user, obj) -> bool:
        return self.deletable and super().user_can_delete_obj(user, obj)

    def user_can_copy_obj(self, user, obj) -> bool:
        return False


class DeletablePermissionHelper(ReadOnlyPermissionHelper):
    """The same rule for logs whose entries are lifted by deleting them."""

    deletable = True


class LedgerIndexView(SafeSpreadsheetExportMixin, IndexView):
    """modeladmin's listing; its CSV export never hands a spreadsheet a formula."""


class LedgerInspectView(InspectView):
    """One entry: a heading that names it, local times, "ja"/"nein", readable relations."""

    def get_page_title(self) -> str:
        return self.model_admin.heading(self.instance)

    def get_page_subtitle(self) -> str:
        return ""

    def get_meta_title(self) -> str:
        return self.get_page_title()

    def get_field_label(self, field_name, field=None):
        method = getattr(self.model_admin, field_name, None)
        if callable(method) and hasattr(method, "short_description"):
            return capfirst(method.short_description)
        return capfirst(super().get_field_label(field_name, field))

    def get_field_display_value(self, field_name, field=None):
        method = getattr(self.model_admin, field_name, None)
        if callable(method):
            return method(self.instance)
        value = getattr(self.instance, field_name, None)
        if isinstance(field, models.BooleanField):
            return YES_NO[bool(value)]
        if isinstance(value, datetime):
            return local_datetime(value)
        return super().get_field_display_value(field_name, field)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["back_label"] = self.model_admin.back_label
        return context


class LedgerAdmin(ModelAdmin):
    """Base of every ledger and log screen in the admin (see the module docstring)."""

    permission_helper_class = ReadOnlyPermissionHelper
    index_view_class = LedgerIndexView
    inspect_view_class = LedgerInspectView
    inspect_view_enabled = True
    inspect_template_name = "una_security/ledger_inspect.html"
    index_template_name = "una_security/ledger_index.html"
    list_per_page = 50
    index_view_extra_css = ["una_security/css/ledgers.css"]
    inspect_view_extra_css = ["una_security/css/ledgers.css"]
    back_label = _("Zurück zur Liste")

    def heading(self, obj) -> str:
        """The inspect view's heading; ledgers name their entries in their own words."""
        return f"{capfirst(self.opts.verbose_name)} {obj}"


class RelatedValueFilter(SimpleListFilter):
    """Filter by a foreign key, offering the values the ledger holds.

    Django's RelatedFieldListFilter needs django.contrib.admin, which the project does not
    install; ``parameter_name`` is the foreign key's name.
    """

    limit = 200

    def lookups(self, request, model_admin):
        field = model_admin.model._meta.get_field(self.parameter_name)
        ids = model_admin.model.objects.values_list(field.attname, flat=True).distinct()
        related = field.related_model.objects.filter(pk__in=ids)
        return [(str(obj.pk), str(obj)) for obj in self.order(related)[: self.limit]]

    def order(self, queryset: models.QuerySet) -> models.QuerySet:
        return queryset.order_by("pk")

    def queryset(self, request, queryset):
        value = self.value()
        if value and value.isdigit():
            return queryset.filter(**{f"{self.parameter_name}_id": value})
        return queryset
