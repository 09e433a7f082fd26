"""Campaign and country pages show who and what they are about."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Locale

from campaigns.models import CountryPage
from tests import factories
from tests.conftest import translate_page


def test_campaign_shows_its_prisoners_endorsers_and_updates(client, site_tree):
    campaign = factories.CampaignPageFactory(
        parent=site_tree.campaigns, title="Free them", petition_text="Release them now."
    )
    prisoner = factories.PrisonerPageFactory(parent=site_tree.prisoners, title="Jane Example")
    factories.CampaignPrisonerFactory(campaign=campaign, prisoner=prisoner)
    factories.CampaignEndorsementFactory(
        campaign=campaign, organisation__name="Posle Media", organisation__short_name="Posle"
    )
    statement = factories.StatementPageFactory(parent=site_tree.statements, title="An update")
    factories.StatementCampaignLinkFactory(statement=statement, campaign=campaign)
    html = client.get(campaign.url).content.decode()
    assert "Jane Example" in html and f'href="{prisoner.url}"' in html
    assert "Posle Media" in html
    assert "An update" in html
    assert "Release them now." in html


def test_campaign_cannot_end_before_it_starts(site_tree):
    campaign = factories.CampaignPageFactory(parent=site_tree.campaigns)
    campaign.ended_on = campaign.started_on.replace(year=campaign.started_on.year - 1)
    with pytest.raises(ValidationError) as error:
        campaign.full_clean()
    assert "ended_on" in error.value.message_dict


def test_country_page_address_and_title_come_from_the_iso_code(client, site_tree):
    page = factories.CountryPageFactory(parent=site_tree.countries, country="RU", slug="x")
    assert page.slug == "ru"
    assert page.title == "Russia"
    assert page.url == "/en/countries/ru/"
    assert client.get("/en/countries/ru/").status_code == 200


def test_country_name_is_in_the_pages_language(site_tree, french):
    page = factories.CountryPageFactory(parent=site_tree.countries, country="DE")
    translate_page(site_tree.home, french)
    translate_page(site_tree.countries, french)
    assert translate_page(page, french).title == "Allemagne"
    russian = Locale.objects.get(language_code="ru")
    translate_page(site_tree.home, russian)
    translate_page(site_tree.countries, russian)
    assert translate_page(page, russian).title == "Германия"


def test_a_country_has_one_page_per_language(site_tree):
    factories.CountryPageFactory(parent=site_tree.countries, country="BY")
    duplicate = CountryPage(country="BY", title="Belarus again", slug="belarus-again")
    duplicate.locale = site_tree.countries.locale
    with pytest.raises(ValidationError):
        site_tree.countries.add_child(instance=duplicate)


def test_country_page_lists_its_campaigns_prisoners_and_statements(client, site_tree):
    factories.CountryPageFactory(parent=site_tree.countries, country="BY")
    factories.CampaignPageFactory(
        parent=site_tree.campaigns, title="Belarus campaign", countries=["BY"]
    )
    factories.CampaignPageFactory(parent=site_tree.campaigns, title="Elsewhere", countries=["TR"])
    factories.PrisonerPageFactory(
        parent=site_tree.prisoners, title="Belarus prisoner", country="BY"
    )
    factories.StatementPageFactory(
        parent=site_tree.statements, title="Belarus statement", countries=["BY", "RU"]
    )
    html = client.get("/en/countries/by/").content.decode()
    assert "Belarus campaign" in html and "Elsewhere" not in html
    assert "Belarus prisoner" in html
    assert "Belarus statement" in html
