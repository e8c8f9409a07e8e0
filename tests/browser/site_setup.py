"""Prepare the demo site for the browser tests and describe it as JSON on stdout.

Run in a subprocess against the migrated browser test database:
``python -m tests.browser.site_setup``. It loads the demo content (``load_demo``),
creates the accounts the journeys log in with (``demo.accounts``, names and
passwords from the environment) and lists every live page with its type, so tests
find pages by what they are instead of by id. Progress goes to stderr.
"""

import json
import os
import secrets
import sys

import django

# The journeys' accounts by role, and the prefix of the environment variables naming them.
ACCOUNTS = {"admin": "ADMIN", "editor": "EDITOR", "partner_staff": "PARTNER"}


def ensure_accounts() -> dict:
    """An administrator, an editor (the groups with admin access) and partner staff."""
    from demo.accounts import Role, ensure_account

    accounts = {}
    for role, prefix in ACCOUNTS.items():
        username = os.environ[f"BROWSER_{prefix}_USERNAME"]
        password = os.environ[f"BROWSER_{prefix}_PASSWORD"]
        ensure_account(username, password, Role(role), first_name=prefix.title())
        accounts[role] = {"username": username, "password": password}
    return accounts


# The cooperation journeys: (role, partner the member works for, its policy field).
COOPERATION = {
    "": ("ibs-cemes", "fort-und-weiterbildung"),
    "_health": ("sanitaetshaus-kroeger", "gesundheit"),
}


def cooperation_accounts() -> dict:
    """Per journey a member of a partner and a coordinator of that partner's only policy
    field, with the public PDF of a handout that names the partner."""
    from demo.accounts import Role, ensure_account, ensure_coordinator, ensure_membership
    from documents.models import HandoutPage
    from partners.models import Partner, PolicyField

    accounts = {}
    for suffix, (partner_slug, field_slug) in COOPERATION.items():
        partner = Partner.objects.get(slug=partner_slug)
        field = PolicyField.objects.get(slug=field_slug)
        member, coordinator = f"browser-mitglied{suffix}", f"browser-koordination{suffix}"
        password = secrets.token_urlsafe(12)
        user, _ = ensure_account(member, password, Role.PARTNER_STAFF, first_name="Mitglied")
        ensure_membership(user, partner_slug, "Beratung")
        handout = next(
            (
                page
                for page in HandoutPage.objects.live().filter(only_for_partner_staff=False)
                if partner.pk in _referenced_partners(page)
            ),
            None,
        )
        accounts[f"member{suffix}"] = {
            "username": member,
            "password": password,
            "partner_slug": partner_slug,
            "partner_name": partner.name,
            "handout_pdf": f"/pdf/{handout.pk}/" if handout else "",
        }
        coordinator_password = secrets.token_urlsafe(12)
        ensure_coordinator(coordinator, coordinator_password, field, "")
        accounts[f"coordinator{suffix}"] = {
            "username": coordinator,
            "password": coordinator_password,
        }
    return accounts


def _referenced_partners(page) -> set[int]:
    from wagtail.models import ReferenceIndex

    from partners.models import Partner

    references = ReferenceIndex.get_references_for_object(page)
    return {
        int(ref.to_object_id) for ref in references if ref.to_content_type.model_class() is Partner
    }


def describe_pages() -> list[dict]:
    """Every live page with type, URL and whether an anonymous visitor may read it."""
    from wagtail.models import Page, PageViewRestriction

    restricted_paths = [r.page.path for r in PageViewRestriction.objects.select_related("page")]
    pages = []
    for page in Page.objects.live().filter(depth__gt=1).specific().order_by("path"):
        url = page.get_url()
        if not url:
            continue
        pages.append(
            {
                "id": page.pk,
                "type": f"{page._meta.app_label}.{type(page).__name__}",
                "slug": page.slug,
                "title": page.title,
                "url": url,
                "public": not any(page.path.startswith(p) for p in restricted_paths)
                and not getattr(page, "only_for_partner_staff", False),
                "offer_pdf": bool(getattr(page, "offer_pdf", False)),
            }
        )
    return pages


def main() -> None:
    from cms.bootstrap import configure

    configure()
    django.setup()
    from django.core.management import call_command

    call_command("load_demo", stdout=sys.stderr)
    accounts = {**ensure_accounts(), **cooperation_accounts()}
    description = {"accounts": accounts, "pages": describe_pages()}
    json.dump(description, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
