"""Editors manage organisations and topics as snippets, and edit every page type."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.test.utils.form_data import nested_form_data, rich_text

from campaigns.models import CountryPage
from tests import factories


@pytest.fixture
def editor_client(client, db):
    user = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(user)
    return client


def test_organisations_are_listed_and_editable_in_the_admin(editor_client):
    organisation = factories.OrganisationFactory(name="Posle Media", short_name="Posle")
    listing = editor_client.get("/admin/snippets/network/organisation/")
    assert listing.status_code == 200
    assert "Posle Media" in listing.content.decode()
    edit = editor_client.get(f"/admin/snippets/network/organisation/edit/{organisation.pk}/")
    assert edit.status_code == 200


def test_topics_have_their_own_listing(editor_client):
    factories.TopicFactory(name="Repression")
    response = editor_client.get("/admin/snippets/network/topic/")
    assert "Repression" in response.content.decode()


def test_every_page_type_opens_in_the_editor(editor_client, site_tree):
    pages = [
        site_tree.home,
        site_tree.campaigns,
        site_tree.prisoners,
        site_tree.statements,
        site_tree.countries,
        factories.CampaignPageFactory(parent=site_tree.campaigns),
        factories.PrisonerPageFactory(parent=site_tree.prisoners),
        factories.StatementPageFactory(parent=site_tree.statements),
        factories.CountryPageFactory(parent=site_tree.countries),
    ]
    for page in pages:
        response = editor_client.get(f"/admin/pages/{page.pk}/edit/")
        assert response.status_code == 200, type(page).__name__


def test_editor_creates_a_country_page_from_the_code_alone(editor_client, site_tree):
    url = f"/admin/pages/add/campaigns/countrypage/{site_tree.countries.pk}/"
    form = editor_client.get(url)
    assert form.status_code == 200
    response = editor_client.post(
        url,
        nested_form_data(
            {
                "country": "BY",
                "intro": rich_text("<p>About Belarus.</p>"),
                "search_description": "",
                "listing_summary": "",
            }
        ),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    page = CountryPage.objects.child_of(site_tree.countries).get()
    assert (page.slug, page.title) == ("by", "Belarus")
