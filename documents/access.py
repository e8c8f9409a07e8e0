"""Who may read a page and download its PDFs: the one place that decides.

The mechanism underneath is Wagtail's page privacy (``PageViewRestriction``):

* A handout marked "nur für Partner-Mitarbeitende" gets a *groups* restriction
  for the group "Partner-Mitarbeitende" plus every group with access to the
  Wagtail admin (the editors). ``HandoutPage.save()`` calls
  :func:`sync_partner_staff_restriction`, which derives the restriction from
  the stored (live) value of the checkbox, so a draft never loosens it; a
  change of a group's admin permission re-syncs all of them
  (:func:`on_group_permissions_changed`).
* Editors may also set page privacy on any page in the admin; those
  restrictions follow exactly the same rule.

Because it is Wagtail's own mechanism, Wagtail's page serving (login redirect),
its ``.public()`` querysets (sitemap, menus) and the API's public tier honour
it without further code. Everything else that lists pages asks this module:

* :func:`can_view_page` / :func:`can_download` for one page (HTML and PDFs
  follow the same rule; callers answer PDFs with 404, never 403),
* :func:`visible_pages` to filter a page queryset for a user (listings, site
  search, API).

The checkbox is also checked directly, so a handout whose restriction row is
missing (e.g. written with ``QuerySet.update``) still stays hidden.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib.auth.models import Group, Permission
from django.db.models import Q, QuerySet
from wagtail.models import BaseViewRestriction, Page, PageViewRestriction

if TYPE_CHECKING:
    from django.http import HttpRequest

PARTNER_STAFF_GROUP = "Partner-Mitarbeitende"


# --- who is who ---------------------------------------------------------------------


def _active(user) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active)


def is_editor(user) -> bool:
    """Users with access to the Wagtail admin (and superusers)."""
    if not _active(user):
        return False
    return user.is_superuser or user.has_perm("wagtailadmin.access_admin")


def is_partner_staff(user) -> bool:
    """Members of the group "Partner-Mitarbeitende" (see partners.staff for memberships)."""
    if not _active(user):
        return False
    return user.groups.filter(name=PARTNER_STAFF_GROUP).exists()


def is_partner_staff_or_editor(user) -> bool:
    return is_editor(user) or is_partner_staff(user)


def partner_staff_group() -> Group:
    return Group.objects.get_or_create(name=PARTNER_STAFF_GROUP)[0]


def editor_groups() -> QuerySet[Group]:
    """Groups whose members may use the Wagtail admin ("Editors", "Moderators", …)."""
    return Group.objects.filter(
        permissions__codename="access_admin", permissions__content_type__app_label="wagtailadmin"
    ).distinct()


# --- the restriction behind "nur für Partner-Mitarbeitende" --------------------------


def _partner_staff_restrictions(page: Page) -> QuerySet[PageViewRestriction]:
    return PageViewRestriction.objects.filter(
        page_id=page.pk,
        restriction_type=BaseViewRestriction.GROUPS,
        groups__name=PARTNER_STAFF_GROUP,
    ).distinct()


def sync_partner_staff_restriction(page: Page) -> None:
    """Make the page's privacy match its stored ``only_for_partner_staff`` value.

    Reads the value from the database, not from the instance: ``save_revision()``
    saves a page object that carries draft values, and a draft must not lift the
    restriction of the live page.
    """
    from documents.models import HandoutPage

    stored = HandoutPage.objects.filter(pk=page.pk).values_list("only_for_partner_staff", flat=True)
    wanted = bool(stored.first())
    existing = list(_partner_staff_restrictions(page))
    if not wanted:
        for restriction in existing:
            restriction.delete()
        return
    groups = [partner_staff_group(), *editor_groups()]
    if existing:
        restriction = existing[0]
    else:
        restriction = PageViewRestriction.objects.create(
            page_id=page.pk, restriction_type=BaseViewRestriction.GROUPS
        )
    if set(restriction.groups.all()) != set(groups):
        restriction.groups.set(groups)


def sync_all_partner_staff_restrictions() -> None:
    from documents.models import HandoutPage

    for page in HandoutPage.objects.all().only("pk"):
        sync_partner_staff_restriction(page)


def on_group_permissions_changed(sender, instance, action: str, pk_set=None, **kwargs) -> None:
    """A group gained or lost admin access: editors' groups in the restrictions follow."""
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if not isinstance(instance, Group):
        return
    access_admin = Permission.objects.filter(
        codename="access_admin", content_type__app_label="wagtailadmin"
    ).values_list("pk", flat=True)
    if action == "post_clear" or set(pk_set or ()) & set(access_admin):
        sync_all_partner_staff_restrictions()


def connect() -> None:
    """Called from DocumentsConfig.ready()."""
    from django.db.models.signals import m2m_changed

    m2m_changed.connect(
        on_group_permissions_changed,
        sender=Group.permissions.through,
        dispatch_uid="documents_access_group_permissions",
    )


# --- single pages -------------------------------------------------------------------


def _accepts(
    restriction: BaseViewRestriction,
    user,
    request: HttpRequest | None,
    group_ids: set[int] | None = None,
) -> bool:
    """Wagtail's ``accept_request`` for a user (a request is needed for password restrictions).

    ``group_ids`` (the user's groups) lets a caller checking many restrictions
    look the groups up once instead of once per restriction.
    """
    if restriction.restriction_type == BaseViewRestriction.PASSWORD:
        if request is None or not hasattr(request, "session"):
            return False
        passed = request.session.get(restriction.passed_view_restrictions_session_key, [])
        return restriction.id in passed
    if not _active(user):
        return False
    if restriction.restriction_type == BaseViewRestriction.GROUPS and not user.is_superuser:
        if group_ids is None:
            group_ids = set(user.groups.values_list("pk", flat=True))
        return any(group.pk in group_ids for group in restriction.groups.all())
    return True


def can_view_page(user, page: Page, request: HttpRequest | None = None) -> bool:
    """True if ``user`` may read ``page`` (and therefore download its PDFs).

    Unpublished pages only for editors; restricted pages only for users every
    restriction on the page and its ancestors accepts.
    """
    if not page.live:
        return is_editor(user)
    if not all(_accepts(r, user, request) for r in page.get_view_restrictions()):
        return False
    if getattr(page.specific_deferred, "only_for_partner_staff", False):
        return is_partner_staff_or_editor(user)
    return True


def can_download(user, page: Page, request: HttpRequest | None = None) -> bool:
    """PDFs follow their page: same rule as :func:`can_view_page`."""
    return can_view_page(user, page, request)


# --- querysets ----------------------------------------------------------------------


def _flagged_handout_ids() -> list[int]:
    from documents.models import HandoutPage

    flagged = HandoutPage.objects.filter(only_for_partner_staff=True)
    return list(flagged.values_list("pk", flat=True))


def hidden_q(user, request: HttpRequest | None = None) -> Q:
    """Pages ``user`` may not see; matches nothing when everything is visible."""
    q = Q(id__in=[])
    restrictions = PageViewRestriction.objects.select_related("page").prefetch_related("groups")
    group_ids = set(user.groups.values_list("pk", flat=True)) if _active(user) else set()
    for restriction in restrictions:
        if not _accepts(restriction, user, request, group_ids):
            q |= Page.objects.descendant_of_q(restriction.page, inclusive=True)
    if not is_partner_staff_or_editor(user):
        flagged = _flagged_handout_ids()
        if flagged:
            q |= Q(id__in=flagged)
    return q


def visible_pages(user, queryset: QuerySet, request: HttpRequest | None = None) -> QuerySet:
    """``queryset`` without the pages ``user`` may not see. Does not filter ``live``."""
    return queryset.exclude(hidden_q(user, request))


# --- what a PDF may contain ---------------------------------------------------------


def may_embed_in_pdf(image, page: Page) -> bool:
    """True if ``image`` may be embedded in the PDFs of ``page``.

    The renderer asks this for every image the rendered revision references and
    lets WeasyPrint read only the files of images that pass. The rule: a PDF may
    contain an image only if everyone who may download the PDF may also see the
    image. Every image in the library is currently public, so any image the page
    itself references passes; images the page does not reference never get here.
    """
    return True
