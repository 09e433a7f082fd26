"""Search finds pages in the reader's language and copes with odd queries."""

from tests import factories


def test_finds_a_prisoner_by_name(client, site_tree):
    factories.PrisonerPageFactory(parent=site_tree.prisoners, title="Boris Kagarlitsky")
    factories.PrisonerPageFactory(parent=site_tree.prisoners, title="Someone Else")
    html = client.get("/en/search/", {"q": "Kagarlitsky"}).content.decode()
    assert "Boris Kagarlitsky" in html
    assert "Someone Else" not in html
    assert "1 result" in html


def test_empty_and_huge_queries_get_a_friendly_page(client, site_tree):
    assert "Type a name" in client.get("/en/search/").content.decode()
    response = client.get("/en/search/", {"q": "x" * 10_000})
    assert response.status_code == 200
    assert "Nothing matched" in response.content.decode()


def test_editors_picks_come_first_and_searching_writes_nothing(client, site_tree):
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    promoted = factories.CampaignPageFactory(parent=site_tree.campaigns, title="Letters campaign")
    factories.PrisonerPageFactory(parent=site_tree.prisoners, title="Letters from prison")
    query = Query.objects.create(query_string="letters")
    SearchPromotion.objects.create(query=query, page=promoted, sort_order=0)
    html = client.get("/en/search/", {"q": "Letters"}).content.decode()
    assert html.index("Letters campaign") < html.index("Letters from prison")
    assert html.count("Letters campaign</a>") == 1
    client.get("/en/search/", {"q": "something new"})
    assert list(Query.objects.values_list("query_string", flat=True)) == ["letters"]
