"""Partners can syndicate our statements: RSS and Atom per language, country and
campaign, each item carrying its attribution and a link to the original."""

import datetime

import feedparser
import pytest

from tests import factories


@pytest.fixture
def statement(site_tree):
    rsd = factories.OrganisationFactory(name="Russian Socialist Movement", short_name="RSD")
    return factories.StatementPageFactory(
        parent=site_tree.statements,
        slug="solidarity",
        title="Why solidarity matters",
        summary="A statement of solidarity.",
        publisher=rsd,
        first_published_on=datetime.date(2023, 7, 31),
        original_url="https://rsd.example.org/2023/07/solidarity/",
        countries=["RU"],
    )


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0, feed.get("bozo_exception")
    return response, feed


def test_rss_and_atom_for_statements_in_a_language(client, statement):
    response, rss = parse(client, "/en/statements/feed/")
    assert response["Content-Type"].startswith("application/rss+xml")
    assert rss.version == "rss20"
    (entry,) = rss.entries
    assert entry.title == "Why solidarity matters"
    assert entry.link == "http://testserver/en/statements/solidarity/"
    assert "by RSD (Date first published: 31 July 2023)" in entry.summary
    assert entry.source.href == "https://rsd.example.org/2023/07/solidarity/"
    assert entry.published_parsed[:3] == (2023, 7, 31)

    _response, atom = parse(client, "/en/statements/atom/")
    assert atom.version == "atom10"
    (entry,) = atom.entries
    assert "https://rsd.example.org/2023/07/solidarity/" in [
        link.href for link in entry.links if link.rel == "via"
    ]
    assert entry.author == "Russian Socialist Movement"


def test_feeds_per_country_and_campaign(client, site_tree, statement):
    factories.CountryPageFactory(parent=site_tree.countries, country="RU")
    factories.CountryPageFactory(parent=site_tree.countries, country="BY")
    campaign = factories.CampaignPageFactory(parent=site_tree.campaigns, slug="free-them")
    factories.StatementCampaignLinkFactory(statement=statement, campaign=campaign)
    _r, russia = parse(client, "/en/countries/ru/feed/")
    assert [entry.title for entry in russia.entries] == ["Why solidarity matters"]
    _r, belarus = parse(client, "/en/countries/by/atom/")
    assert belarus.entries == []
    _r, campaign_feed = parse(client, "/en/campaigns/free-them/feed/")
    assert [entry.title for entry in campaign_feed.entries] == ["Why solidarity matters"]


def test_drafts_never_appear_in_feeds(client, site_tree, statement):
    factories.StatementPageFactory(parent=site_tree.statements, title="Draft", live=False)
    _r, rss = parse(client, "/en/statements/feed/")
    assert [entry.title for entry in rss.entries] == ["Why solidarity matters"]


def test_pages_advertise_their_feeds(client, statement):
    html = client.get("/en/statements/").content.decode()
    assert 'type="application/rss+xml"' in html and 'href="/en/statements/feed/"' in html
    assert 'href="/en/statements/atom/"' in html
