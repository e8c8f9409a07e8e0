"""Handout pages on the website: tree rules, listing, restricted handouts."""

from documents import pipeline
from documents.models import HandoutIndexPage, HandoutPage, RenderJob


def test_tree_rules(home_page, handout_index):
    assert HandoutPage.can_create_at(handout_index)
    assert not HandoutPage.can_create_at(home_page)
    assert not HandoutIndexPage.can_create_at(home_page)  # max_count: one index exists
    assert HandoutPage().wants_pdf()


def test_index_lists_only_what_the_visitor_may_read(client, make_handout, partner_staff_user):
    public = make_handout("Für alle sichtbar")
    make_handout("Nur intern", only_for_partner_staff=True)
    index = public.get_parent()
    anonymous = client.get(index.url).text
    assert "Für alle sichtbar" in anonymous and "Nur intern" not in anonymous
    client.force_login(partner_staff_user)
    assert "Nur intern" in client.get(index.url).text


def test_handout_page_links_its_pdf(client, make_handout):
    page = make_handout("Mit Download")
    assert "als PDF herunterladen" not in client.get(page.url).text
    pipeline.run_job(RenderJob.objects.get(page=page).pk)
    response = client.get(page.url)
    assert response.status_code == 200
    assert f'href="/pdf/{page.pk}/"' in response.text
    assert "Hören Sie zu." in response.text
