"""Partner sites read published pages through the read-only Wagtail API v2; drafts,
private pages and anything naming a user never appear."""

import pytest
from wagtail.models import PageViewRestriction

from tests import factories


@pytest.fixture
def pages(site_tree):
    published = factories.PrisonerPageFactory(
        parent=site_tree.prisoners, title="Boris Kagarlitsky", native_name="Борис Кагарлицкий"
    )
    factories.PrisonerChargeFactory(prisoner=published, article="Article 205.2")
    draft = factories.PrisonerPageFactory(
        parent=site_tree.prisoners, title="Draft Person", live=False
    )
    private = factories.PrisonerPageFactory(parent=site_tree.prisoners, title="Private Person")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    private_section = factories.CampaignPageFactory(parent=site_tree.campaigns)
    PageViewRestriction.objects.create(
        page=site_tree.campaigns, restriction_type="password", password="x"
    )
    return published, draft, private, private_section


def listed_titles(client, query=""):
    response = client.get(f"/api/v2/pages/?limit=20{query}")
    assert response.status_code == 200, response.content[:300]
    return {item["title"] for item in response.json()["items"]}


def test_api_lists_live_public_pages_only(client, pages):
    published, draft, private, private_campaign = pages
    titles = listed_titles(client)

    assert {"Prisoners", "Boris Kagarlitsky"} <= titles
    assert "Draft Person" not in titles
    assert "Private Person" not in titles
    assert private_campaign.title not in titles  # under a restricted section


def test_api_detail_of_draft_or_private_page_is_not_found(client, pages):
    published, draft, private, private_campaign = pages
    assert client.get(f"/api/v2/pages/{published.pk}/").status_code == 200
    for page in (draft, private, private_campaign):
        # The API's own JSON 404, not a redirect to an HTML page under /en/.
        response = client.get(f"/api/v2/pages/{page.pk}/")
        assert response.status_code == 404
        assert response["Content-Type"].startswith("application/json")
        assert page.title not in response.content.decode()


def test_api_gives_prisoner_fields_partners_need(client, pages):
    response = client.get("/api/v2/pages/?type=campaigns.PrisonerPage&fields=*")
    assert response.status_code == 200
    items = response.json()["items"]
    assert [item["title"] for item in items] == ["Boris Kagarlitsky"]
    prisoner = items[0]
    assert prisoner["native_name"] == "Борис Кагарлицкий"
    assert prisoner["country"] == "RU"
    assert prisoner["status"] == "detained"
    assert prisoner["detained_on"] == "2023-07-26"
    assert prisoner["charges"][0]["article"] == "Article 205.2"
    assert prisoner["timeline"][0]["value"]["kind"] == "detention"
    assert prisoner["meta"]["html_url"].startswith("http://testserver/en/prisoners/")
    assert "photo" not in prisoner  # an editor may hide it at the family's request


def test_api_names_no_user(client, pages, django_user_model):
    published = pages[0]
    editor = django_user_model.objects.create_superuser(
        "editor", email="editor@example.org", password="x", first_name="Eddie"
    )
    published.owner = editor
    published.save_revision(user=editor).publish(user=editor)

    for url in (
        "/api/v2/pages/?fields=*",
        "/api/v2/pages/?type=campaigns.PrisonerPage&fields=*",
        f"/api/v2/pages/{published.pk}/",
    ):
        text = client.get(url).content.decode()
        assert "editor@example.org" not in text and "Eddie" not in text
        assert '"owner"' not in text and '"latest_revision' not in text
    assert client.get("/api/v2/pages/?fields=owner").status_code == 400


def test_api_is_read_only(client, pages):
    assert client.post("/api/v2/pages/", {"title": "x"}).status_code == 405


def test_api_filters_by_locale(client, pages, french):
    assert "Boris Kagarlitsky" not in listed_titles(client, "&locale=fr")
    assert "Boris Kagarlitsky" in listed_titles(client, "&locale=en")
