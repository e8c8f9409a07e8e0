"""The access matrix: every role against every place a restricted handout could show up.

Roles: anonymous, staff of partner A, staff of partner B, editor (Wagtail's
"Redaktion" group), superuser. Restricted handouts are for all partner staff of
the network and the editors; anonymous visitors get the login for the page and
404 for every PDF URL, and find the handout nowhere. The sitemap and the iCal
feed never list it, whoever asks. Images and documents in the collection
"Partner-Mitarbeitende", a news item with the same page privacy made the
featured news, and the render jobs of restricted pages follow the same rule. A
partner's own entry at /konto/eintrag/ is reachable by that partner's staff only.
Editing and approving in the admin follow the policy fields (moderation.rules).
"""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import APIToken, PageViewRestriction, TaskState

from tests.factories import CoordinatorFactory, HandoutPageFactory, PdfVersionFactory
from tests.fixtures.scenarios import (
    PUBLIC_DOCUMENT,
    PUBLIC_IMAGE,
    PUBLIC_TITLE,
    RESTRICTED_DOCUMENT,
    RESTRICTED_IMAGE,
    RESTRICTED_NEWS,
    RESTRICTED_TITLE,
    publish,
)
from tests.fixtures.workflow import act, edit_url, submit

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "staff_a", "staff_b", "editor", "superuser"]
AUTHORISED = {"anonymous": False, "staff_a": True, "staff_b": True, "editor": True}
AUTHORISED["superuser"] = True


def client_for(client, users, role):
    if users[role] is not None:
        client.force_login(users[role])
    return client


def bearer(user) -> dict:
    if user is None:
        return {}
    _, plaintext = APIToken.create_token(user=user, name="matrix")
    return {"HTTP_AUTHORIZATION": f"Bearer {plaintext}"}


def assert_private_file_or_404(response, role):
    """Files of restricted material: sent privately to those who may read them, else 404."""
    if AUTHORISED[role]:
        assert response.status_code == 200
        assert response["Cache-Control"].startswith("private")
    else:
        assert response.status_code == 404


@pytest.mark.parametrize("role", ROLES)
def test_handout_page(client, users, handouts, role):
    page = handouts["restricted"]
    response = client_for(client, users, role).get(page.url)
    if AUTHORISED[role]:
        assert response.status_code == 200
        assert RESTRICTED_TITLE in response.text
        assert "no-cache" in response["Cache-Control"]
    else:
        assert response.status_code == 302
        assert response["Location"] == f"/konto/anmelden/?next={page.url}"


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("suffix", ["", "v1/", "v2/"])
def test_each_pdf_version_url(client, users, handouts, role, suffix):
    page = handouts["restricted"]
    response = client_for(client, users, role).get(f"/pdf/{page.pk}/{suffix}")
    assert_private_file_or_404(response, role)
    if AUTHORISED[role]:
        assert response["Content-Type"] == "application/pdf"


@pytest.mark.parametrize("role", ROLES)
def test_unknown_version_looks_like_a_restricted_one(client, users, handouts, role):
    """v99 does not exist: the same 404 as a restricted v1 for anonymous visitors."""
    page = handouts["restricted"]
    client = client_for(client, users, role)
    missing = client.get(f"/pdf/{page.pk}/v99/")
    assert missing.status_code == 404
    if not AUTHORISED[role]:
        existing = client.get(f"/pdf/{page.pk}/v1/")
        assert existing.status_code == 404
        assert existing.content == missing.content
        assert client.get("/pdf/999999/v1/").content == missing.content


@pytest.mark.parametrize("role", ROLES)
def test_handouts_listing(client, users, handouts, role):
    response = client_for(client, users, role).get(handouts["index"].url)
    assert response.status_code == 200
    assert PUBLIC_TITLE in response.text
    assert (RESTRICTED_TITLE in response.text) is AUTHORISED[role]


@pytest.mark.parametrize("role", ROLES)
def test_handouts_area(client, users, handouts, role):
    response = client_for(client, users, role).get("/konto/handlungsanleitungen/")
    if AUTHORISED[role]:
        assert response.status_code == 200
        assert RESTRICTED_TITLE in response.text
        assert PUBLIC_TITLE in response.text
    else:
        assert response.status_code == 302
        assert response["Location"].startswith("/konto/anmelden/")


@pytest.mark.parametrize("role", ROLES)
def test_site_search(client, users, indexed, handouts, role):
    indexed.clear()
    response = client_for(client, users, role).get("/suche/", {"q": "Zitronenfalter"})
    assert response.status_code == 200
    assert PUBLIC_TITLE in response.text
    assert (RESTRICTED_TITLE in response.text) is AUTHORISED[role]


@pytest.mark.parametrize("role", ROLES)
def test_sitemap_never_lists_it(client, users, handouts, role):
    response = client_for(client, users, role).get("/sitemap.xml")
    assert response.status_code == 200
    text = response.content.decode()
    assert handouts["public"].url in text
    assert handouts["restricted"].url not in text


@pytest.mark.parametrize("role", ROLES)
def test_api_list(client, users, handouts, role):
    response = client.get(
        "/api/v3/pages/?type=documents.HandoutPage&limit=100", **bearer(users[role])
    )
    assert response.status_code == 200
    titles = {item["title"] for item in response.json()["items"]}
    assert PUBLIC_TITLE in titles
    assert (RESTRICTED_TITLE in titles) is AUTHORISED[role]


@pytest.mark.parametrize("role", ROLES)
def test_api_detail_and_versions(client, users, handouts, role):
    page = handouts["restricted"]
    headers = bearer(users[role])
    detail = client.get(f"/api/v3/pages/{page.pk}/", **headers)
    versions = client.get(f"/api/v3/pdf/pages/{page.pk}/versions/", **headers)
    expected = 200 if AUTHORISED[role] else 404
    assert detail.status_code == expected
    assert versions.status_code == expected
    if AUTHORISED[role]:
        assert versions.json()["count"] == 2


@pytest.mark.parametrize("role", ROLES)
def test_ical_feed_never_lists_it(client, users, handouts, role):
    response = client.get("/api/v3/opendata/events.ics", **bearer(users[role]))
    assert response.status_code == 200
    assert RESTRICTED_TITLE.encode() not in response.content


def test_session_login_does_not_open_the_api(client, users, handouts):
    """The API reads tokens only; a site session alone shows what anonymous callers see."""
    client.force_login(users["staff_a"])
    response = client.get(f"/api/v3/pages/{handouts['restricted'].pk}/")
    assert response.status_code == 404


@pytest.fixture
def group_page(handouts, users):
    """A handout an editor restricted with Wagtail's page privacy to one group (team A)."""
    team = Group.objects.create(name="Team Nord")
    users["staff_a"].groups.add(team)
    page = HandoutPageFactory(parent=handouts["index"], title="Nur Team Nord", slug="team-nord")
    PdfVersionFactory(page=page, version=1, revision=publish(page))
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([team])
    return page


GROUP_ALLOWED = {"anonymous": False, "staff_a": True, "staff_b": False, "editor": False}
GROUP_ALLOWED["superuser"] = True


@pytest.mark.parametrize("role", ROLES)
def test_page_privacy_for_one_group(client, users, handouts, group_page, role):
    """Wagtail's page privacy decides: members of the chosen groups and superusers."""
    client = client_for(client, users, role)
    allowed = GROUP_ALLOWED[role]
    page_response = client.get(group_page.url)
    assert page_response.status_code == (200 if allowed else 302)
    assert client.get(f"/pdf/{group_page.pk}/v1/").status_code == (200 if allowed else 404)
    assert ("Nur Team Nord" in client.get(handouts["index"].url).text) is allowed
    area = client.get("/konto/handlungsanleitungen/")
    if area.status_code == 200:
        assert ("Nur Team Nord" in area.text) is allowed


# --- images, documents, featured content, render jobs ---------------------------------


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("kind", ["rendition", "original"])
def test_restricted_image_files(client, users, files, role, kind):
    image = files["restricted_image"]
    url = image.get_rendition("fill-80x60").url if kind == "rendition" else image.file.url
    assert_private_file_or_404(client_for(client, users, role).get(url), role)


@pytest.mark.parametrize("role", ROLES)
def test_public_image_files(client, users, files, role):
    image = files["public_image"]
    client = client_for(client, users, role)
    for url in (image.get_rendition("fill-80x60").url, image.file.url):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Cache-Control"] == "public, max-age=300, must-revalidate"


API_FILES = {
    "images": ("restricted_image", RESTRICTED_IMAGE, PUBLIC_IMAGE),
    "documents": ("restricted_document", RESTRICTED_DOCUMENT, PUBLIC_DOCUMENT),
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("endpoint", API_FILES)
def test_api_images_and_documents(client, users, files, role, endpoint):
    key, restricted_title, public_title = API_FILES[endpoint]
    headers = bearer(users[role])
    listing = client.get(f"/api/v3/{endpoint}/?limit=100", **headers)
    assert listing.status_code == 200
    titles = {item["title"] for item in listing.json()["items"]}
    assert public_title in titles
    assert (restricted_title in titles) is AUTHORISED[role]
    detail = client.get(f"/api/v3/{endpoint}/{files[key].pk}/", **headers)
    assert detail.status_code == (200 if AUTHORISED[role] else 404)


@pytest.mark.parametrize("role", ROLES)
def test_document_serve_view(client, users, files, role):
    document = files["restricted_document"]
    response = client_for(client, users, role).get(document.url)
    if AUTHORISED[role]:
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == b"%PDF-1.7 Checkliste"
        assert response["Cache-Control"].startswith("private")
    else:
        assert response.status_code == 302
        assert response["Location"].startswith("/konto/anmelden/?next=")
    public = client.get(files["public_document"].url)
    assert public.status_code == 200
    assert public["Cache-Control"] == "public, max-age=300, must-revalidate"


@pytest.mark.parametrize("role", ROLES)
def test_featured_news(client, users, restricted_news, role):
    response = client_for(client, users, role).get("/")
    assert response.status_code == 200
    assert (RESTRICTED_NEWS in response.text) is AUTHORISED[role]


@pytest.mark.parametrize("role", ROLES)
def test_render_job_endpoint(client, users, handouts, role):
    """A restricted page's job answers exactly like an id that does not exist."""
    from documents.models import RenderJob

    job = RenderJob.objects.filter(page=handouts["restricted"]).latest("pk")
    headers = bearer(users[role])
    response = client.get(f"/api/v3/pdf/jobs/{job.pk}/", **headers)
    if AUTHORISED[role]:
        assert response.status_code == 200
        assert response.json()["page_id"] == handouts["restricted"].pk
    else:
        unknown = client.get(f"/api/v3/pdf/jobs/{job.pk + 1000}/", **headers)
        assert response.status_code == unknown.status_code == 404
        assert response.content == unknown.content
        assert response["Content-Type"] == unknown["Content-Type"]


# --- the partner's own entry (/konto/eintrag/) -----------------------------------------

#: Only partner A's staff reach A's entry; staff of B get the same 404 as for an unknown id,
#: accounts without a membership (editors use the admin) the German refusal. A's staff
#: posting an incomplete form get it back (400); nothing is saved by anyone.
ENTRY_STATUS = {"anonymous": 302, "staff_a": 200, "staff_b": 404, "editor": 403, "superuser": 403}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("method", ["get", "post"])
def test_partner_entry(client, users, partner_a, role, method):
    url = f"/konto/eintrag/{partner_a.pk}/"
    client = client_for(client, users, role)
    if method == "get":
        response = client.get(url)
    else:
        response = client.post(url, {"eintrag-partner": partner_a.pk, "eintrag-phone": "0"})
    expected = ENTRY_STATUS[role]
    assert response.status_code == (400 if (role, method) == ("staff_a", "post") else expected)
    if role == "anonymous":
        assert response["Location"] == f"/konto/anmelden/?next={url}"
    if role == "staff_b":
        assert response.content == client.get("/konto/eintrag/999999/").content
    partner_a.refresh_from_db()
    assert partner_a.latest_revision is None


# Moderation by policy field: who may edit and approve a change to the restricted handout
# and to a partner entry of its field ("Gesundheit (Test)") in the admin. "coordinator_a"
# coordinates another field, "coordinator_own" this one. The editorial team edits every entry.
MODERATION_ROLES = ["staff_a", "coordinator_a", "coordinator_own", "editor", "superuser"]
MAY_EDIT = {
    "handout": {"coordinator_own", "editor", "superuser"},
    "partner": {"coordinator_own", "editor", "superuser"},
}
MAY_APPROVE = {"coordinator_own", "editor", "superuser"}


@pytest.fixture
def moderated(handouts, users, partner_b, coordinator_user) -> dict:
    partner_b.policy_fields.set([handouts["field"]])
    partner_b.save()
    own = CoordinatorFactory(username="koordination-gesundheit", field=handouts["field"])
    return {
        "objects": {"handout": handouts["restricted"], "partner": partner_b},
        "users": {**users, "coordinator_a": coordinator_user, "coordinator_own": own},
    }


@pytest.mark.parametrize("role", MODERATION_ROLES)
@pytest.mark.parametrize("kind", ["handout", "partner"])
def test_admin_edit_by_policy_field(client, moderated, role, kind):
    obj = moderated["objects"][kind]
    client.force_login(moderated["users"][role])
    response = client.get(edit_url(obj))
    if role in MAY_EDIT[kind]:
        assert response.status_code == 200
    elif role == "coordinator_a":
        assert response.status_code == 403
        assert "Nicht Ihr Politikfeld" in response.text
    elif role == "staff_a":
        assert response.status_code == 302 and "/admin/login/" in response["Location"]
    else:
        assert (response.status_code, response["Location"]) == (302, "/admin/")


@pytest.mark.parametrize("role", MODERATION_ROLES)
@pytest.mark.parametrize("kind", ["handout", "partner"])
def test_approve_by_policy_field(client, moderated, role, kind):
    obj = moderated["objects"][kind]
    state = submit(obj, moderated["users"]["staff_b"])
    response = act(client, moderated["users"][role], obj, state)
    state.refresh_from_db()
    assert response.status_code == 302
    if role in MAY_APPROVE:
        assert state.status == TaskState.STATUS_APPROVED
    else:
        assert state.status == TaskState.STATUS_IN_PROGRESS
