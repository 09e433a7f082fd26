"""Readers filter statements by country, publishing organisation, topic and year with
plain GET parameters; a parameter that cannot be used is named, never an error page."""

import datetime
import re

import pytest

from network.filters import filter_statements
from network.models import StatementPage
from tests import factories
from tests.conftest import count_queries, translate_page

SMALL, LARGE = 2, 20


def titles(response):
    return re.findall(r'class="card__title"><a href="[^"]*">([^<]*)</a>', response.content.decode())


def options(response, name):
    html = response.content.decode()
    select = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', html, re.S)
    assert select, f"no select named {name}"
    return re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)</option>', select.group(1))


def get(client, page, query=""):
    response = client.get(f"{page.url}?{query}" if query else page.url)
    print(f"GET ?{query} -> {response.status_code} {titles(response)}")
    return response


@pytest.fixture
def statements(site_tree):
    """Three statements: RSD on Russia in 2023 (political prisoners), RSD on Russia and
    Belarus in 2024 (anti-war), Zabastovka on Turkey in 2024 (no topic)."""
    rsd = factories.OrganisationFactory(name="Russian Socialist Movement", short_name="RSD")
    zab = factories.OrganisationFactory(name="Zabastovka", short_name="")
    prisoners_topic = factories.TopicFactory(name="Political prisoners", slug="political-prisoners")
    war_topic = factories.TopicFactory(name="Anti-war movement", slug="anti-war")
    parent = site_tree.statements

    def statement(title, publisher, year, countries, topic=None):
        page = factories.StatementPageFactory(
            parent=parent,
            title=title,
            publisher=publisher,
            countries=countries,
            first_published_on=datetime.date(year, 3, 1),
        )
        if topic:
            factories.StatementTopicFactory(statement=page, topic=topic)
        return page

    return {
        "old": statement("Old", rsd, 2023, ["RU"], prisoners_topic),
        "war": statement("War", rsd, 2024, ["RU", "BY"], war_topic),
        "strike": statement("Strike", zab, 2024, ["TR"]),
        "rsd": rsd,
        "zab": zab,
        "topic": prisoners_topic,
        "index": parent,
    }


def test_form_offers_only_the_values_the_list_holds(client, statements):
    response = get(client, statements["index"])
    html = response.content.decode()
    assert titles(response) == ["Strike", "War", "Old"]
    assert options(response, "country") == [
        ("", "All countries"),
        ("BY", "Belarus"),
        ("RU", "Russia"),
        ("TR", "Türkiye"),
    ]
    assert options(response, "publisher") == [
        ("", "All organisations"),
        (str(statements["rsd"].pk), "Russian Socialist Movement (RSD)"),
        (str(statements["zab"].pk), "Zabastovka"),
    ]
    assert options(response, "topic") == [
        ("", "All topics"),
        ("anti-war", "Anti-war movement"),
        ("political-prisoners", "Political prisoners"),
    ]
    assert options(response, "year") == [("", "All years"), ("2024", "2024"), ("2023", "2023")]
    for name in ("country", "publisher", "topic", "year"):
        assert f'<label for="filter-{name}">' in html
    assert '<button type="submit">' in html
    assert "3 statements" in html


@pytest.mark.parametrize(
    "query, expected",
    [
        ("country=RU", ["War", "Old"]),
        ("country=by", ["War"]),
        ("topic=political-prisoners", ["Old"]),
        ("year=2024", ["Strike", "War"]),
        ("country=RU&year=2024&topic=anti-war", ["War"]),
    ],
)
def test_filter_by_each_parameter(client, statements, query, expected):
    response = get(client, statements["index"], query)
    assert response.status_code == 200
    assert titles(response) == expected
    assert "Clear filters" in response.content.decode()


def test_filter_by_publisher(client, statements):
    assert titles(get(client, statements["index"], f"publisher={statements['rsd'].pk}")) == [
        "War",
        "Old",
    ]
    assert titles(get(client, statements["index"], f"publisher={statements['zab'].pk}")) == [
        "Strike"
    ]


def test_an_empty_result_says_so(client, statements):
    response = get(client, statements["index"], "country=TR&year=2023")
    html = response.content.decode()
    assert titles(response) == []
    assert "0 statements" in html
    assert "No statement matches these filters." in html
    assert f'<a href="{statements["index"].url}">Clear filters</a>' in html


@pytest.mark.parametrize(
    "query, message",
    [
        ("country=XX", "Country: “XX” is not one of the choices; it was ignored."),
        ("publisher=abc", "Published by: “abc” is not one of the choices"),
        ("publisher=999999", "Published by: “999999” is not one of the choices"),
        ("topic=no-such-topic", "Topic: “no-such-topic” is not one of the choices"),
        ("year=abc", "Year: “abc” is not one of the choices"),
        ("year=1999", "Year: “1999” is not one of the choices"),
        ("year=2023&year=2024", "Year: Choose only one; this filter was ignored."),
        ("page=999", "There is no page 999; showing page 1."),
        ("page=-1", "“-1” is not a page number; showing page 1."),
    ],
)
def test_a_parameter_that_cannot_be_used_is_named_and_the_list_shown(
    client, statements, query, message
):
    response = get(client, statements["index"], query)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert titles(response) == ["Strike", "War", "Old"]


def test_pages_keep_the_filters(client, site_tree):
    publisher = factories.OrganisationFactory()
    for number in range(25):
        factories.StatementPageFactory(
            parent=site_tree.statements,
            publisher=publisher,
            title=f"S{number:02}",
            first_published_on=datetime.date(2024, 1, 1) + datetime.timedelta(days=number),
        )
    factories.StatementPageFactory(parent=site_tree.statements, title="Older")
    first = get(client, site_tree.statements, "year=2024")
    html = first.content.decode()
    assert "25 statements" in html
    assert 'href="?year=2024&amp;page=2"' in html
    second = get(client, site_tree.statements, "year=2024&page=2")
    assert titles(second) == ["S04", "S03", "S02", "S01", "S00"]


def test_french_page_names_filters_in_french(client, statements, french_tree, french):
    for name in ("old", "war"):
        translate_page(statements[name], french)
    french_topic = statements["topic"].copy_for_translation(french)
    french_topic.name = "Prisonniers politiques"
    french_topic.save()
    french_rsd = statements["rsd"].copy_for_translation(french)
    french_rsd.name = "Mouvement socialiste russe"
    french_rsd.save()

    response = get(client, french_tree.statements)
    html = response.content.decode()
    assert '<label for="filter-country">Pays</label>' in html
    assert ("BY", "Biélorussie") in options(response, "country")
    assert ("political-prisoners", "Prisonniers politiques") in options(response, "topic")
    assert options(response, "publisher")[1:] == [
        (str(french_rsd.pk), "Mouvement socialiste russe (RSD)")
    ]
    # The topic's slug is the same in every language: the English URL works in French.
    assert titles(get(client, french_tree.statements, "topic=political-prisoners")) == ["Old"]
    assert titles(get(client, french_tree.statements, f"publisher={french_rsd.pk}")) == [
        "War",
        "Old",
    ]


def test_filter_function_is_usable_on_its_own(statements):
    everything = StatementPage.objects.live().order_by("title")
    found = filter_statements(everything, country="RU", topic="anti-war", year=2024)
    assert [s.title for s in found] == ["War"]


def build_filtered_statements(tree, n):
    publisher = factories.OrganisationFactory()
    topic = factories.TopicFactory()
    for _ in range(n):
        statement = factories.StatementPageFactory(
            parent=tree.statements, publisher=publisher, countries=["BY"]
        )
        factories.StatementTopicFactory(statement=statement, topic=topic)
        factories.StatementTopicFactory(statement=statement)
        factories.StatementPageFactory(parent=tree.statements, countries=["RU"])
    return f"{tree.statements.url}?country=BY&publisher={publisher.pk}&topic={topic.slug}&year=2023"


def test_filtered_query_count_does_not_grow_with_results(client, site_tree):
    budget = 10
    counts = {}
    for size in (SMALL, LARGE):
        url = build_filtered_statements(site_tree, size)
        assert len(titles(client.get(url))) == size
        counts[size] = count_queries(client, url)
        site_tree.statements.get_children().delete()
    print(
        f"filtered statements: {counts[SMALL]} queries with {SMALL}, {counts[LARGE]} with {LARGE}"
    )
    assert counts[SMALL] == counts[LARGE] <= budget, counts
