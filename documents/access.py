"""Who may read a page, download its PDFs or fetch an image or document: the one place.

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
* :func:`can_list_page` for one chosen page shown on another (featured news,
  footer links, page links in blocks),
* :func:`visible_pages` to filter a page queryset for a user (listings, site
  search, API).

The checkbox is also checked directly, so a handout whose restriction row is
missing (e.g. written with ``QuerySet.update``) still stays hidden, and the
admin's privacy dialog cannot lift the restriction of a flagged handout
(:func:`privacy_change_error`); a restriction row deleted any other way is
re-created on commit (:func:`on_page_restriction_deleted`).

Images and documents follow Wagtail's collection privacy
(``CollectionViewRestriction``), with the same acceptance rule as pages. The
collection "Partner-Mitarbeitende" (created by a migration) carries a groups
restriction for partner staff plus the editor groups, kept in step like the
handouts' one. :func:`can_view_image`, :func:`can_view_document`,
:func:`visible_images` and :func:`visible_documents` answer for the file
serving views (``cms.media``, Wagtail's document view) and the API.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    BaseViewRestriction,
    Collection,
    CollectionViewRestriction,
    Page,
    PageViewRestriction,
    ReferenceIndex,
)

if TYPE_CHECKING:
    from django.http import HttpRequest

PARTNER_STAFF_GROUP = "Partner-Mitarbeitende"
#: Name of the collection for partner-staff images and documents (see the migration).
PARTNER_STAFF_COLLECTION = "Partner-Mitarbeitende"
#: Files anyone may read today (numbered PDF versions, documents, image renditions): shared
#: caches keep them five minutes, then revalidate, so a later restriction soon takes effect.
PUBLIC_FILE_CACHE_CONTROL = "public, max-age=300, must-revalidate"


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
    """Groups whose members may use the Wagtail admin ("Redaktion", "Moderation", …)."""
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
    sync_partner_staff_collections()


def sync_partner_staff_collections() -> None:
    """Collections restricted to partner staff admit exactly partner staff and the editors."""
    restrictions = CollectionViewRestriction.objects.filter(
        restriction_type=BaseViewRestriction.GROUPS, groups__name=PARTNER_STAFF_GROUP
    ).distinct()
    groups = {partner_staff_group(), *editor_groups()}
    for restriction in restrictions:
        if set(restriction.groups.all()) != groups:
            restriction.groups.set(groups)


def privacy_change_error(page: Page, restriction_type: str, groups) -> str | None:
    """Why the admin's privacy dialog may not set this privacy on ``page``, or None.

    A handout marked "nur für Partner-Mitarbeitende" has exactly the privacy the
    checkbox gives it; the dialog must not make the two disagree.
    """
    from documents.models import HandoutPage

    if not HandoutPage.objects.filter(pk=page.pk, only_for_partner_staff=True).exists():
        return None
    wanted = {partner_staff_group(), *editor_groups()}
    if restriction_type == BaseViewRestriction.GROUPS and set(groups or ()) == wanted:
        return None
    return _(
        "Diese Handlungsanleitung ist „nur für Partner-Mitarbeitende“; ihre Sichtbarkeit "
        "folgt diesem Häkchen. Um sie zu ändern, entfernen Sie das Häkchen im Reiter "
        "„Inhalt“ und veröffentlichen Sie die Seite."
    )


def on_page_restriction_deleted(sender, instance: PageViewRestriction, **kwargs) -> None:
    """A handout's restriction row was deleted: the stored checkbox decides again on commit.

    On commit, because the row may be going with its page (cascade), and a
    deleted page needs no restriction.
    """
    page_id = instance.page_id

    def resync() -> None:
        from documents.models import HandoutPage

        page = HandoutPage.objects.filter(pk=page_id).only("pk").first()
        if page is not None:
            sync_partner_staff_restriction(page)

    transaction.on_commit(resync)


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
    from django.db.models.signals import m2m_changed, post_delete

    m2m_changed.connect(
        on_group_permissions_changed,
        sender=Group.permissions.through,
        dispatch_uid="documents_access_group_permissions",
    )
    post_delete.connect(
        on_page_restriction_deleted,
        sender=PageViewRestriction,
        dispatch_uid="documents_access_page_restriction_deleted",
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


def can_list_page(user, page: Page | None, request: HttpRequest | None = None) -> bool:
    """May a link to or teaser of ``page`` be shown to ``user`` (menus, featured news, blocks)?

    Only live pages the user may read; editors see drafts in the admin, not on the site.
    """
    return page is not None and page.live and can_view_page(user, page, request)


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


# --- images and documents: Wagtail's collection privacy -----------------------------


def can_view_collection(user, collection: Collection, request: HttpRequest | None = None) -> bool:
    """True if every restriction on ``collection`` and its ancestors accepts ``user``."""
    restrictions = collection.get_view_restrictions().prefetch_related("groups")
    return all(_accepts(r, user, request) for r in restrictions)


def can_view_image(user, image, request: HttpRequest | None = None) -> bool:
    """Originals and renditions of ``image`` (and its title in listings) for ``user``?"""
    return can_view_collection(user, image.collection, request)


def can_view_document(user, document, request: HttpRequest | None = None) -> bool:
    return can_view_collection(user, document.collection, request)


def hidden_collections_q(user, request: HttpRequest | None = None) -> Q:
    """Images or documents in collections ``user`` may not see; matches nothing otherwise."""
    q = Q(pk__in=[])
    restrictions = CollectionViewRestriction.objects.select_related("collection")
    group_ids = set(user.groups.values_list("pk", flat=True)) if _active(user) else set()
    for restriction in restrictions.prefetch_related("groups"):
        if not _accepts(restriction, user, request, group_ids):
            q |= Q(collection__path__startswith=restriction.collection.path)
    return q


def visible_images(user, queryset: QuerySet | None = None, request=None) -> QuerySet:
    """``queryset`` (default: all images) without those ``user`` may not see."""
    queryset = get_image_model().objects.all() if queryset is None else queryset
    return queryset.exclude(hidden_collections_q(user, request))


def visible_documents(user, queryset: QuerySet | None = None, request=None) -> QuerySet:
    """``queryset`` (default: all documents) without those ``user`` may not see."""
    queryset = get_document_model().objects.all() if queryset is None else queryset
    return queryset.exclude(hidden_collections_q(user, request))


# --- files a page uses ------------------------------------------------------------------


def is_public_page(page: Page) -> bool:
    """Would anonymous visitors read ``page`` once live? Counts the instance's draft values."""
    if page.pk and page.get_view_restrictions().exists():
        return False
    return not getattr(page, "only_for_partner_staff", False)


def files_used_by(page: Page) -> list:
    """Images and documents ``page`` refers to, as the instance holds them (drafts included).

    Wagtail's reference extraction covers foreign keys, StreamField blocks,
    rich text and inline child objects such as gallery images.
    """
    file_models = (get_image_model(), get_document_model())
    models = {ContentType.objects.get_for_model(m).pk: m for m in file_models}
    wanted: dict[type, set[str]] = {model: set() for model in models.values()}
    for content_type_id, object_id, *_paths in ReferenceIndex._extract_references_from_object(page):
        if content_type_id in models:
            wanted[models[content_type_id]].add(object_id)
    found: list = []
    for model, ids in wanted.items():
        if ids:
            found += model.objects.filter(pk__in=ids).select_related("collection").order_by("pk")
    return found


def mismatched_files(page: Page) -> list:
    """Files whose privacy differs from the page's.

    A restricted page gets its public files (anyone with the address can fetch
    them), a public page its restricted ones (visitors see a gap).
    """
    public_page = is_public_page(page)
    files = files_used_by(page)
    return [file for file in files if can_view_collection(None, file.collection) != public_page]


# --- what a PDF may contain ---------------------------------------------------------


def _readers_pass(page_restrictions: list, image_restriction: BaseViewRestriction) -> bool:
    """Does everyone the page's restrictions admit also pass ``image_restriction``?"""
    kind = image_restriction.restriction_type
    if kind == BaseViewRestriction.PASSWORD:
        return False
    if kind == BaseViewRestriction.LOGIN:
        return any(r.restriction_type != BaseViewRestriction.PASSWORD for r in page_restrictions)
    allowed = set(image_restriction.groups.all())
    return any(
        r.restriction_type == BaseViewRestriction.GROUPS and set(r.groups.all()) <= allowed
        for r in page_restrictions
    )


def may_embed_in_pdf(image, page: Page) -> bool:
    """True if ``image`` may be embedded in the PDFs of ``page``.

    The renderer asks this for every image the rendered revision references and
    lets WeasyPrint read only the files of images that pass. The rule: a PDF may
    contain an image only if everyone who may download the PDF may also see the
    image. Public images always pass; an image of a restricted collection passes
    only on a page whose own privacy admits no one the collection would refuse.
    """
    image_restrictions = list(image.collection.get_view_restrictions().prefetch_related("groups"))
    if not image_restrictions:
        return True
    page_restrictions = list(page.get_view_restrictions().prefetch_related("groups"))
    return all(_readers_pass(page_restrictions, r) for r in image_restrictions)
