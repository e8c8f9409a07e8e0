"""Prepare the demo site for the browser tests and describe it as JSON on stdout.

Run in a subprocess against the migrated browser test database:
``python -m tests.browser.site_setup``. It loads the demo content (``load_demo``),
creates the accounts the journeys log in with (passwords from the environment)
and lists every live page with its type, so tests find pages by what they are
instead of by id. Progress goes to stderr.
"""

import json
import os
import sys

import django

PARTNER_STAFF_GROUP = "Partner-Mitarbeitende"


def ensure_accounts() -> dict:
    """An administrator and an editor (the groups Redaktion and Moderation)."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    user_model = get_user_model()
    accounts = {}
    for role, superuser in (("admin", True), ("editor", False)):
        username = os.environ[f"BROWSER_{role.upper()}_USERNAME"]
        password = os.environ[f"BROWSER_{role.upper()}_PASSWORD"]
        user, _ = user_model.objects.get_or_create(
            username=username,
            defaults={"email": f"{username}@example.org", "first_name": role.title()},
        )
        user.is_staff = superuser
        user.is_superuser = superuser
        user.set_password(password)
        user.save()
        if not superuser:
            user.groups.add(*Group.objects.filter(name__in=("Redaktion", "Moderation")))
        accounts[role] = {"username": username, "password": password}
    return accounts


def ensure_partner_staff() -> dict:
    """A member of the group the partner staff restriction admits (no admin access)."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    username = os.environ["BROWSER_PARTNER_USERNAME"]
    password = os.environ["BROWSER_PARTNER_PASSWORD"]
    user, _ = get_user_model().objects.get_or_create(
        username=username, defaults={"email": f"{username}@example.org", "first_name": "Partner"}
    )
    user.set_password(password)
    user.save()
    user.groups.add(Group.objects.get_or_create(name=PARTNER_STAFF_GROUP)[0])
    return {"username": username, "password": password}


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
    accounts = {**ensure_accounts(), "partner_staff": ensure_partner_staff()}
    description = {"accounts": accounts, "pages": describe_pages()}
    json.dump(description, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
