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
