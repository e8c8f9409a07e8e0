"""One rule per kind of admin screen: snippets for content, LedgerAdmin for ledgers."""

import pytest
from wagtail.admin.viewsets import viewsets
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from cms.security.ledgers import LedgerAdmin, ReadOnlyPermissionHelper
from cms.security.views import LockoutAdmin
from documents.admin import DownloadAuditAdmin, PdfVersionAdmin, RenderJobAdmin

PROJECT_APPS = ("cms", "home", "documents", "partners", "worker")


def _subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def test_every_ledger_uses_the_one_read_only_rule():
    ledgers = set(_subclasses(LedgerAdmin))
    assert {RenderJobAdmin, PdfVersionAdmin, DownloadAuditAdmin, LockoutAdmin} <= ledgers
    for ledger in ledgers:
        assert issubclass(ledger.permission_helper_class, ReadOnlyPermissionHelper), ledger


def test_project_viewsets_are_snippets_or_page_views():
    """Editable content is a snippet; a ModelViewSet of the project would be a third system."""
    own = [v for v in viewsets.viewsets if type(v).__module__.split(".")[0] in PROJECT_APPS]
    assert own
    for viewset in own:
        assert isinstance(viewset, SnippetViewSet | SnippetViewSetGroup | PageViewSet), viewset


@pytest.mark.django_db
def test_superuser_may_look_and_lift_but_never_add_or_edit(admin_user):
    for ledger in (RenderJobAdmin, PdfVersionAdmin, DownloadAuditAdmin, LockoutAdmin):
        helper = ledger().permission_helper
        assert helper.user_can_list(admin_user)
        assert not helper.user_can_create(admin_user)
        assert not helper.user_can_edit_obj(admin_user, None)
        assert helper.user_can_delete_obj(admin_user, None) == (ledger is LockoutAdmin)
