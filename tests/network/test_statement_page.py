"""A statement shows where it came from, in the reader's language."""

import datetime

import pytest

from tests import factories
from tests.conftest import translate_page


@pytest.fixture
def statement(site_tree):
    rsd = factories.OrganisationFactory(
        name="Russian Socialist Movement",
        short_name="RSD",
        native_name="Российское социалистическое движение",
        languages="ru, en",
    )
    posle = factories.OrganisationFactory(name="Posle Media", short_name="Posle")
    essf = factories.OrganisationFactory(name="Europe Solidaire Sans Frontières", short_name="ESSF")
    page = factories.StatementPageFactory(
        parent=site_tree.statements,
        slug="solidarity",
        title="Why solidarity matters",
        publisher=rsd,
        shares_view_of=posle,
        first_published_on=datetime.date(2023, 7, 31),
        original_url="https://rsd.example.org/2023/07/solidarity/",
        original_language="en",
        countries=["RU"],
    )
    factories.StatementRepublicationFactory(
        statement=page,
        organisation=essf,
        republished_on=datetime.date(2023, 8, 1),
        url="https://essf.example.org/spip.php?article67801",
    )
    factories.StatementTopicFactory(statement=page, topic__name="Political prisoners")
    return page


def test_attribution_line_and_link_to_the_original(client, statement):
    html = client.get("/en/statements/solidarity/").content.decode()
    assert "by RSD (Date first published: 31 July 2023)" in html
    assert 'href="https://rsd.example.org/2023/07/solidarity/"' in html
    assert "Posle Media" in html
    assert 'href="https://essf.example.org/spip.php?article67801"' in html
    assert "Political prisoners" in html
    assert "Russia" in html


@pytest.mark.parametrize(
    ("language", "attribution"),
    [
        ("fr", "par RSD (Date de première publication : 31 juillet 2023)"),
        ("ru", "RSD (дата первой публикации: 31 июля 2023 г.)"),
    ],
)
def test_attribution_line_is_in_the_readers_language(
    client, statement, site_tree, language, attribution
):
    from wagtail.models import Locale

    locale = Locale.objects.get(language_code=language)
    translate_page(site_tree.home, locale)
    translate_page(site_tree.statements, locale)
    translate_page(statement, locale)
    response = client.get(f"/{language}/statements/solidarity/")
    assert response.status_code == 200
    assert attribution in response.content.decode()


def test_statement_lists_prisoners_and_campaigns_it_is_linked_to(client, statement, site_tree):
    prisoner = factories.PrisonerPageFactory(parent=site_tree.prisoners, title="Jane Example")
    campaign = factories.CampaignPageFactory(parent=site_tree.campaigns, title="Free Jane")
    factories.StatementPrisonerLinkFactory(statement=statement, prisoner=prisoner)
    factories.StatementCampaignLinkFactory(statement=statement, campaign=campaign)
    html = client.get("/en/statements/solidarity/").content.decode()
    assert f'href="{prisoner.url}"' in html and "Jane Example" in html
    assert f'href="{campaign.url}"' in html and "Free Jane" in html


def test_a_french_statement_links_the_french_prisoner(client, statement, site_tree, french):
    prisoner = factories.PrisonerPageFactory(parent=site_tree.prisoners, slug="jane")
    factories.StatementPrisonerLinkFactory(statement=statement, prisoner=prisoner)
    for page in (site_tree.home, site_tree.statements, site_tree.prisoners, prisoner):
        translate_page(page, french)
    translate_page(statement, french)
    html = client.get("/fr/statements/solidarity/").content.decode()
    assert 'href="/fr/prisoners/jane/"' in html
    assert 'href="/en/prisoners/jane/"' not in html
