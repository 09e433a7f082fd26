"""Every page type renders in English and French, and its query count does not grow
with the number of related items (tested at 2 and 20)."""

import datetime

import pytest

from tests import factories
from tests.conftest import count_queries, translate_page
from tests.factories import timeline_event

SMALL, LARGE = 2, 20


def build_home(tree, n):
    for _ in range(n):
        factories.CampaignPageFactory(parent=tree.campaigns)
        factories.PrisonerPageFactory(parent=tree.prisoners)
        factories.StatementPageFactory(parent=tree.statements)
    return tree.home


def build_campaign_index(tree, n):
    for _ in range(n):
        factories.CampaignPageFactory(parent=tree.campaigns)
    return tree.campaigns


def build_prisoner_index(tree, n):
    for _ in range(n):
        factories.PrisonerPageFactory(parent=tree.prisoners)
    return tree.prisoners


def build_statement_index(tree, n):
    publisher = factories.OrganisationFactory()
    for _ in range(n):
        factories.StatementPageFactory(parent=tree.statements, publisher=publisher)
    return tree.statements


def build_country_index(tree, n):
    for code in [
        "RU",
        "BY",
        "TR",
        "IR",
        "AZ",
        "GE",
        "KZ",
        "UZ",
        "TJ",
        "KG",
        "AM",
        "UA",
        "MD",
        "RS",
        "HU",
        "PL",
        "CN",
        "HK",
        "EG",
        "SA",
    ][:n]:
        factories.CountryPageFactory(parent=tree.countries, country=code)
    return tree.countries


def build_country(tree, n):
    page = factories.CountryPageFactory(parent=tree.countries, country="RU")
    for _ in range(n):
        factories.CampaignPageFactory(parent=tree.campaigns, countries=["RU"])
        factories.PrisonerPageFactory(parent=tree.prisoners, country="RU")
        factories.StatementPageFactory(parent=tree.statements, countries=["RU"])
    return page


def build_campaign(tree, n):
    campaign = factories.CampaignPageFactory(parent=tree.campaigns)
    for _ in range(n):
        prisoner = factories.PrisonerPageFactory(parent=tree.prisoners)
        factories.CampaignPrisonerFactory(campaign=campaign, prisoner=prisoner)
        factories.CampaignEndorsementFactory(campaign=campaign)
        statement = factories.StatementPageFactory(parent=tree.statements)
        factories.StatementCampaignLinkFactory(statement=statement, campaign=campaign)
    return campaign


def build_prisoner(tree, n):
    start = datetime.date(2023, 1, 1)
    prisoner = factories.PrisonerPageFactory(
        parent=tree.prisoners,
        photo=factories.ImageFactory(),
        timeline=[
            timeline_event(start + datetime.timedelta(days=10 * i), kind, f"Event {i}")
            for i, kind in enumerate(["detention"] + ["hearing"] * (n - 1))
        ],
    )
    for _ in range(n):
        factories.PrisonerChargeFactory(prisoner=prisoner)
        campaign = factories.CampaignPageFactory(parent=tree.campaigns)
        factories.CampaignPrisonerFactory(campaign=campaign, prisoner=prisoner)
        statement = factories.StatementPageFactory(parent=tree.statements)
        factories.StatementPrisonerLinkFactory(statement=statement, prisoner=prisoner)
    return prisoner


def build_statement(tree, n):
    statement = factories.StatementPageFactory(
        parent=tree.statements, shares_view_of=factories.OrganisationFactory()
    )
    for _ in range(n):
        factories.StatementCoSignerFactory(statement=statement)
        factories.StatementRepublicationFactory(statement=statement)
        factories.StatementTopicFactory(statement=statement)
        prisoner = factories.PrisonerPageFactory(parent=tree.prisoners)
        factories.StatementPrisonerLinkFactory(statement=statement, prisoner=prisoner)
        campaign = factories.CampaignPageFactory(parent=tree.campaigns)
        factories.StatementCampaignLinkFactory(statement=statement, campaign=campaign)
    return statement


# page builder, query budget once site and caches are warm
PAGE_TYPES = {
    "home": (build_home, 8),
    "campaign index": (build_campaign_index, 9),
    "prisoner index": (build_prisoner_index, 10),  # filter choices: 2 queries
    "statement index": (build_statement_index, 10),  # filter choices: 2 queries
    "country index": (build_country_index, 8),
    "country": (build_country, 10),
    "campaign": (build_campaign, 10),
    "prisoner": (build_prisoner, 12),
    "statement": (build_statement, 12),
}


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_query_count_does_not_grow_with_related_items(client, site_tree, page_type, request):
    build, budget = PAGE_TYPES[page_type]
    counts = {}
    for size in (SMALL, LARGE):
        page = build(site_tree, size)
        counts[size] = count_queries(client, page.url)
        # The next size starts from the same tree, without the page just measured.
        if page.depth == 3:
            page.get_children().delete()
        elif page.depth > 3:
            page.delete()
    print(f"{page_type}: {counts[SMALL]} queries with {SMALL}, {counts[LARGE]} with {LARGE}")
    assert counts[SMALL] == counts[LARGE], counts
    assert counts[LARGE] <= budget, counts


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_renders_in_english_and_french(client, site_tree, french, page_type):
    build, _budget = PAGE_TYPES[page_type]
    page = build(site_tree, SMALL)
    assert client.get(page.url).status_code == 200
    for ancestor in page.get_ancestors(inclusive=True).specific()[1:]:
        french_page = translate_page(ancestor, french)
    response = client.get(french_page.url)
    assert response.status_code == 200
    assert french_page.url.startswith("/fr/")
    assert '<html lang="fr" dir="ltr">' in response.content.decode()
