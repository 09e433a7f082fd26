"""Readers filter the prisoner and campaign lists with plain GET parameters: shareable
URLs that work without JavaScript, and a message (never an error page) for a
parameter that cannot be used."""

import re

import pytest

from campaigns.filters import filter_campaigns, filter_prisoners
from campaigns.models import PrisonerPage
from tests import factories
from tests.conftest import count_queries, translate_page
from tests.factories import timeline_event

SMALL, LARGE = 2, 20


def titles(response):
    """The titles of the cards listed, in order."""
    return re.findall(r'class="card__title"><a href="[^"]*">([^<]*)</a>', response.content.decode())


def options(response, name):
    """The (value, label) pairs a select offers."""
    html = response.content.decode()
    select = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', html, re.S)
    assert select, f"no select named {name}"
    return re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)</option>', select.group(1))


def released(**kwargs):
    return factories.PrisonerPageFactory(
        timeline=[
            timeline_event("2022-01-10", "detention", "Detained."),
            timeline_event("2024-05-01", "release", "Released."),
        ],
        **kwargs,
    )


@pytest.fixture
def prisoners(site_tree):
    """Two people held in Russia (one since released), one in Belarus, one in Turkey;
    RSD endorses a campaign for the Belarusian, ZAB published a statement about the
    Turkish one, and an organisation linked to nobody."""
    parent = site_tree.prisoners
    people = {
        "anna": factories.PrisonerPageFactory(parent=parent, title="Anna", country="RU"),
        "boris": released(parent=parent, title="Boris", country="RU"),
        "vera": factories.PrisonerPageFactory(parent=parent, title="Vera", country="BY"),
        "kemal": factories.PrisonerPageFactory(parent=parent, title="Kemal", country="TR"),
    }
    rsd = factories.OrganisationFactory(name="Russian Socialist Movement", short_name="RSD")
    zab = factories.OrganisationFactory(name="Zabastovka", short_name="")
    factories.OrganisationFactory(name="Nobody's friends", short_name="")
    campaign = factories.CampaignPageFactory(parent=site_tree.campaigns, countries=["BY"])
    factories.CampaignPrisonerFactory(campaign=campaign, prisoner=people["vera"])
    factories.CampaignEndorsementFactory(campaign=campaign, organisation=rsd)
    statement = factories.StatementPageFactory(parent=site_tree.statements, publisher=zab)
    factories.StatementPrisonerLinkFactory(statement=statement, prisoner=people["kemal"])
    return {**people, "rsd": rsd, "zab": zab, "index": parent}


def get(client, page, query=""):
    response = client.get(f"{page.url}?{query}" if query else page.url)
    print(f"GET ?{query} -> {response.status_code} {titles(response)}")
    return response


# Prisoners -----------------------------------------------------------------------------


def test_form_offers_only_the_values_the_list_holds_with_labels_and_a_button(client, prisoners):
    response = get(client, prisoners["index"])
    html = response.content.decode()
    assert titles(response) == ["Anna", "Boris", "Kemal", "Vera"]
    assert options(response, "country") == [
        ("", "All countries"),
        ("BY", "Belarus"),
        ("RU", "Russia"),
        ("TR", "Türkiye"),
    ]
    assert options(response, "status") == [
        ("", "Any status"),
        ("detained", "In detention"),
        ("released", "Released"),
    ]
    assert options(response, "organisation") == [
        ("", "All organisations"),
        (str(prisoners["rsd"].pk), "Russian Socialist Movement (RSD)"),
        (str(prisoners["zab"].pk), "Zabastovka"),
    ]
    for name in ("country", "status", "organisation"):
        assert f'<label for="filter-{name}">' in html
    assert '<form class="filters" method="get"' in html
    assert '<button type="submit">' in html
    assert "Clear filters" not in html
    assert "4 people" in html


def test_filter_by_country(client, prisoners):
    response = get(client, prisoners["index"], "country=RU")
    assert titles(response) == ["Anna", "Boris"]
    assert "2 people" in response.content.decode()
    assert '<option value="RU" selected>' in response.content.decode()
    # Lower case works too: people type URLs.
    assert titles(get(client, prisoners["index"], "country=by")) == ["Vera"]


def test_filter_by_status(client, prisoners):
    assert titles(get(client, prisoners["index"], "status=released")) == ["Boris"]
    assert titles(get(client, prisoners["index"], "status=detained")) == ["Anna", "Kemal", "Vera"]


def test_filter_by_organisation_through_campaigns_and_statements(client, prisoners):
    rsd, zab = prisoners["rsd"].pk, prisoners["zab"].pk
    assert titles(get(client, prisoners["index"], f"organisation={rsd}")) == ["Vera"]
    assert titles(get(client, prisoners["index"], f"organisation={zab}")) == ["Kemal"]


def test_filters_combine_and_an_empty_result_says_so(client, prisoners):
    response = get(client, prisoners["index"], "country=RU&status=released")
    assert titles(response) == ["Boris"]
    response = get(client, prisoners["index"], "country=BY&status=released")
    html = response.content.decode()
    assert response.status_code == 200
    assert titles(response) == []
    assert "0 people" in html
    assert "No one in this list matches these filters." in html
    assert f'<a href="{prisoners["index"].url}">Clear filters</a>' in html


@pytest.mark.parametrize(
    "query, message",
    [
        ("country=XX", "Country: “XX” is not one of the choices; it was ignored."),
        ("country=DE", "Country: “DE” is not one of the choices; it was ignored."),
        ("status=jailed", "Status: “jailed” is not one of the choices; it was ignored."),
        ("organisation=abc", "Organisation: “abc” is not one of the choices; it was ignored."),
        ("organisation=999999", "Organisation: “999999” is not one of the choices"),
        ("country=RU&country=BY", "Country: Choose only one; this filter was ignored."),
        ("page=999", "There is no page 999; showing page 1."),
        ("page=abc", "“abc” is not a page number; showing page 1."),
        ("page=0", "“0” is not a page number; showing page 1."),
        ("page=1&page=2", "Choose only one page; showing page 1."),
        ("country=" + "A" * 5000, "Country: “" + "A" * 39 + "…” is not one of the choices"),
        ("status=%00", "Status: “\x00” is not one of the choices"),
    ],
)
def test_a_parameter_that_cannot_be_used_is_named_and_the_list_shown(
    client, prisoners, query, message
):
    response = get(client, prisoners["index"], query)
    html = response.content.decode()
    assert response.status_code == 200
    assert message.replace("\x00", "\ufffd") in html or message in html, html
    assert titles(response) == ["Anna", "Boris", "Kemal", "Vera"]
    assert "Clear filters" in html


def test_an_invalid_parameter_leaves_the_valid_ones_applied(client, prisoners):
    response = get(client, prisoners["index"], "country=RU&status=jailed")
    html = response.content.decode()
    assert titles(response) == ["Anna", "Boris"]
    assert 'aria-describedby="filter-status-error"' in html
    assert 'id="filter-status-error"' in html
    assert "Status: “jailed” is not one of the choices" in html


def test_pages_keep_the_filters(client, site_tree):
    for number in range(30):
        factories.PrisonerPageFactory(
            parent=site_tree.prisoners, title=f"P{number:02}", country="BY"
        )
    factories.PrisonerPageFactory(parent=site_tree.prisoners, title="Elsewhere", country="RU")
    first = get(client, site_tree.prisoners, "country=BY")
    html = first.content.decode()
    assert "30 people" in html
    assert len(titles(first)) == 24
    assert 'href="?country=BY&amp;page=2"' in html
    second = get(client, site_tree.prisoners, "country=BY&page=2")
    assert titles(second) == [f"P{number:02}" for number in range(24, 30)]
    assert 'href="?country=BY&amp;page=1"' in second.content.decode()


def test_french_page_names_filters_and_countries_in_french(client, prisoners, french_tree, french):
    french_index = french_tree.prisoners
    for name in ("anna", "vera"):
        translate_page(prisoners[name], french)
    # The organisation's French name is shown, though the link points at the English one.
    french_rsd = prisoners["rsd"].copy_for_translation(french)
    french_rsd.name = "Mouvement socialiste russe"
    french_rsd.save()
    campaign = translate_page(prisoners["vera"].campaign_links.get().campaign, french)
    assert campaign.endorsements.get().organisation == prisoners["rsd"]

    response = get(client, french_index, "status=jailed")
    html = response.content.decode()
    assert '<html lang="fr"' in html
    assert '<label for="filter-country">Pays</label>' in html
    assert '<label for="filter-status">Statut</label>' in html
    assert ("BY", "Biélorussie") in options(response, "country")
    assert ("detained", "En détention") in options(response, "status")
    assert options(response, "organisation")[1:] == [
        (str(french_rsd.pk), "Mouvement socialiste russe (RSD)")
    ]
    assert "Effacer les filtres" in html
    response = get(client, french_index, f"organisation={french_rsd.pk}")
    assert titles(response) == ["Vera"]


def test_filter_function_is_usable_on_its_own(prisoners):
    everyone = PrisonerPage.objects.live().order_by("title")
    assert [p.title for p in filter_prisoners(everyone, country="RU", status="released")] == [
        "Boris"
    ]
    rsd_key = prisoners["rsd"].translation_key
    assert [
        p.title
        for p in filter_prisoners(
            everyone, organisation_key=rsd_key, locale_id=prisoners["rsd"].locale_id
        )
    ] == ["Vera"]


# Campaigns -----------------------------------------------------------------------------


@pytest.fixture
def campaigns(site_tree):
    parent = site_tree.campaigns
    return {
        "russia": factories.CampaignPageFactory(parent=parent, title="Russia", countries=["RU"]),
        "both": factories.CampaignPageFactory(
            parent=parent, title="Both", countries=["RU", "BY"], status="won"
        ),
        "turkey": factories.CampaignPageFactory(
            parent=parent, title="Turkey", countries=["TR"], status="ended"
        ),
        "index": parent,
    }


def test_campaign_form_offers_countries_and_statuses_that_exist(client, campaigns):
    response = get(client, campaigns["index"])
    assert options(response, "country") == [
        ("", "All countries"),
        ("BY", "Belarus"),
        ("RU", "Russia"),
        ("TR", "Türkiye"),
    ]
    assert options(response, "status") == [
        ("", "Any status"),
        ("active", "Active"),
        ("won", "Won"),
        ("ended", "Ended"),
    ]
    assert "3 campaigns" in response.content.decode()


def test_campaigns_by_country_and_status(client, campaigns):
    assert sorted(titles(get(client, campaigns["index"], "country=RU"))) == ["Both", "Russia"]
    assert titles(get(client, campaigns["index"], "country=BY")) == ["Both"]
    assert titles(get(client, campaigns["index"], "status=ended")) == ["Turkey"]
    response = get(client, campaigns["index"], "country=TR&status=won")
    assert titles(response) == []
    assert "No campaign matches these filters." in response.content.decode()


@pytest.mark.parametrize(
    "query, message",
    [
        ("country=ZZ", "Country: “ZZ” is not one of the choices"),
        ("status=lost", "Status: “lost” is not one of the choices"),
        ("status=won&status=ended", "Status: Choose only one"),
        ("page=999", "There is no page 999; showing page 1."),
    ],
)
def test_campaign_parameters_that_cannot_be_used(client, campaigns, query, message):
    response = get(client, campaigns["index"], query)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert len(titles(response)) == 3


def test_campaign_filter_function(campaigns):
    from campaigns.models import CampaignPage

    found = filter_campaigns(CampaignPage.objects.live(), country="BY", status="won")
    assert [c.title for c in found] == ["Both"]


# Query budget --------------------------------------------------------------------------


def build_filtered_prisoners(tree, n):
    organisation = factories.OrganisationFactory()
    campaign = factories.CampaignPageFactory(parent=tree.campaigns)
    factories.CampaignEndorsementFactory(campaign=campaign, organisation=organisation)
    for _ in range(n):
        prisoner = factories.PrisonerPageFactory(parent=tree.prisoners, country="BY")
        factories.CampaignPrisonerFactory(campaign=campaign, prisoner=prisoner)
        factories.PrisonerPageFactory(parent=tree.prisoners, country="RU")
    return f"{tree.prisoners.url}?country=BY&status=detained&organisation={organisation.pk}"


def build_filtered_campaigns(tree, n):
    for _ in range(n):
        factories.CampaignPageFactory(parent=tree.campaigns, countries=["BY", "RU"])
        factories.CampaignPageFactory(parent=tree.campaigns, countries=["TR"], status="won")
    return f"{tree.campaigns.url}?country=BY&status=active"


@pytest.mark.parametrize(
    "build, budget", [(build_filtered_prisoners, 10), (build_filtered_campaigns, 9)]
)
def test_filtered_query_count_does_not_grow_with_results(client, site_tree, build, budget):
    counts = {}
    for size in (SMALL, LARGE):
        url = build(site_tree, size)
        response = client.get(url)
        assert len(titles(response)) == size, titles(response)
        counts[size] = count_queries(client, url)
        for index in (site_tree.prisoners, site_tree.campaigns):
            index.get_children().delete()
    print(f"{build.__name__}: {counts[SMALL]} queries with {SMALL}, {counts[LARGE]} with {LARGE}")
    assert counts[SMALL] == counts[LARGE] <= budget, counts
