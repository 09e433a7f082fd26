"""Readers browse by country: an index with counts, a map and a table that agree, and
country pages listing their content newest first."""

import datetime
import gzip
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django_countries.data import COUNTRIES
from wagtail.models import PageViewRestriction

from campaigns.world_map import MAP_FILE
from tests import factories
from tests.conftest import count_queries, translate_page
from tests.factories import timeline_event
from tools.build_world_map import build_svg, main

MAP_SIZE_LIMIT = 50_000  # bytes; the committed file is 45,139 (12,403 gzipped)
PAGE_BUDGET = 100_000  # bytes transferred, compressed: HTML with the inline map and CSS


def prisoner(tree, country, *events, **kwargs):
    timeline = [
        timeline_event(datetime.date(2023, 1, 1) + datetime.timedelta(days=30 * i), kind, kind)
        for i, kind in enumerate(events)
    ]
    return factories.PrisonerPageFactory(
        parent=tree.prisoners, country=country, timeline=timeline, **kwargs
    )


def make_private(page):
    PageViewRestriction.objects.create(page=page, restriction_type="password", password="x")


@pytest.fixture
def content(site_tree):
    """Russia with a page and mixed content; Turkey with a prisoner but no page; a
    private country page (Iran); drafts and private pages that must not count."""
    tree = site_tree
    factories.CountryPageFactory(parent=tree.countries, country="RU")
    factories.CampaignPageFactory(parent=tree.campaigns, countries=["RU", "BY"])
    factories.CampaignPageFactory(parent=tree.campaigns, countries=["RU"], status="ended")
    factories.CampaignPageFactory(parent=tree.campaigns, countries=["RU"], live=False)
    make_private(factories.CampaignPageFactory(parent=tree.campaigns, countries=["RU"]))
    prisoner(tree, "RU", "detention")
    prisoner(tree, "RU", "detention", "verdict")
    prisoner(tree, "RU", "detention", "release")
    prisoner(tree, "RU", "detention", live=False)
    make_private(prisoner(tree, "RU", "detention"))
    prisoner(tree, "TR", "house_arrest")
    factories.StatementPageFactory(parent=tree.statements, countries=["RU"])
    factories.StatementPageFactory(parent=tree.statements, countries=["RU", "TR"])
    factories.StatementPageFactory(parent=tree.statements, countries=["RU"], live=False)
    make_private(factories.StatementPageFactory(parent=tree.statements, countries=["RU"]))
    make_private(factories.CountryPageFactory(parent=tree.countries, country="IR"))
    return tree


def soup(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return BeautifulSoup(response.content.decode(), "html.parser")


def table_rows(page):
    """{country name: (link or None, active campaigns, in detention, statements)}"""
    rows = {}
    for row in page.select("table.country-table tbody tr"):
        header = row.find("th", scope="row")
        link = header.find("a")
        numbers = tuple(int(cell.get_text()) for cell in row.find_all("td"))
        rows[header.get_text(strip=True)] = (link["href"] if link else None, *numbers)
    return rows


def test_index_lists_countries_with_content_and_counts_only_live_public_pages(client, content):
    rows = table_rows(soup(client, "/en/countries/"))
    assert rows == {
        # one active campaign (the ended one, the draft and the private one do not
        # count); detained + sentenced (not the released, draft or private profile)
        "Belarus": (None, 1, 0, 0),
        "Russia": ("/en/countries/ru/", 1, 2, 2),
        "Türkiye": (None, 0, 1, 1),
    }
    assert list(rows) == sorted(rows)


def test_the_map_links_and_shades_each_country_with_the_tables_numbers(client, content):
    page = soup(client, "/en/countries/")
    svg = page.select_one("svg.world-map__svg")
    assert svg["role"] == "group"
    title = page.find(id=svg["aria-labelledby"])
    assert title.name == "title" and "people in detention" in title.get_text()

    russia = svg.select_one("#country-RU")
    link = russia.find_parent("a")
    assert link["href"] == "/en/countries/ru/"
    assert link["aria-label"] == "Russia: 2 people in detention"
    assert "world-map__level-2" in russia["class"]
    # Listed without a country page: shaded, not a link.
    turkey = svg.select_one("#country-TR")
    assert turkey.find_parent("a") is None
    assert "world-map__level-2" in turkey["class"]
    assert "world-map__level-1" in svg.select_one("#country-BY")["class"]
    # Countries without content are part of the background, not separate shapes.
    assert svg.select_one("#country-FR") is None and svg.select_one("#country-IR") is None
    assert {path["id"] for path in svg.select("path[id]")} == {
        "country-RU",
        "country-TR",
        "country-BY",
    }
    assert len(page.select(".world-map__legend li")) == 4


def test_the_whole_index_page_stays_light(client, site_tree):
    codes = list(COUNTRIES)[:60]
    for code in codes:
        factories.CountryPageFactory(parent=site_tree.countries, country=code)
        prisoner(site_tree, code, "detention")
    html = client.get("/en/countries/").content
    css = (Path(settings.BASE_DIR) / "network/static/css/site.css").read_bytes()
    transferred = len(gzip.compress(html)) + len(gzip.compress(css))
    print(f"country index with 60 countries: {len(html)} bytes HTML, {transferred} gzipped")
    assert transferred < PAGE_BUDGET


def test_query_count_does_not_grow_with_countries(client, site_tree):
    codes = ["RU", "BY", "TR", "IR", "AZ", "GE", "KZ", "UZ", "TJ", "KG"] * 2
    counts = {}
    for size in (2, 20):
        for code in codes[:size]:
            if not site_tree.countries.get_children().filter(slug=code.lower()).exists():
                factories.CountryPageFactory(parent=site_tree.countries, country=code)
            factories.CampaignPageFactory(parent=site_tree.campaigns, countries=[code])
            prisoner(site_tree, code, "detention")
            factories.StatementPageFactory(parent=site_tree.statements, countries=[code])
        make_private(factories.StatementPageFactory(parent=site_tree.statements))
        counts[size] = count_queries(client, "/en/countries/")
    print(f"country index: {counts[2]} queries with 2 items, {counts[20]} with 20 more")
    assert counts[2] == counts[20]
    assert counts[20] <= 8


def test_country_names_follow_the_readers_language(client, content, french):
    for page in (content.home, content.countries, content.countries.get_children().first()):
        translate_page(page.specific, french)
    page = soup(client, "/fr/countries/")
    rows = table_rows(page)
    assert rows["Russie"][0] == "/fr/countries/ru/"
    assert page.select_one("#country-RU").find_parent("a")["aria-label"].startswith("Russie")
    # Content counts in the language it is published in: the English pages are not French.
    assert rows["Russie"][1:] == (0, 0, 0)


def test_country_page_lists_newest_first_with_counts_beyond_the_list(
    client, site_tree, monkeypatch
):
    monkeypatch.setattr("campaigns.models.countries.COUNTRY_LIST_LIMIT", 2)
    factories.CountryPageFactory(parent=site_tree.countries, country="RU")
    for year in (2021, 2023, 2022):
        factories.StatementPageFactory(
            parent=site_tree.statements,
            title=f"Statement of {year}",
            first_published_on=datetime.date(year, 5, 1),
        )
        factories.CampaignPageFactory(
            parent=site_tree.campaigns,
            title=f"Campaign of {year}",
            started_on=datetime.date(year, 5, 1),
        )
    factories.PrisonerPageFactory(
        parent=site_tree.prisoners,
        title="Detained in 2020",
        timeline=[timeline_event("2020-03-01", "detention", "Detained.")],
    )
    factories.PrisonerPageFactory(parent=site_tree.prisoners, title="Detained in 2023")
    make_private(factories.StatementPageFactory(parent=site_tree.statements, title="Secret"))
    factories.StatementPageFactory(parent=site_tree.statements, title="Draft", live=False)

    page = soup(client, "/en/countries/ru/")
    sections = {
        section.h2["id"]: (
            section.h2.select_one(".count").get_text(),
            [title.get_text(strip=True) for title in section.select(".card__title")],
        )
        for section in page.select("main section")
    }
    assert sections["country-statements"] == ("(3)", ["Statement of 2023", "Statement of 2022"])
    assert sections["country-campaigns"] == ("(3)", ["Campaign of 2023", "Campaign of 2022"])
    assert sections["country-prisoners"] == ("(2)", ["Detained in 2023", "Detained in 2020"])


def test_the_map_asset_is_small_valid_svg_with_one_shape_per_country():
    data = MAP_FILE.read_bytes()
    print(f"world-map.svg: {len(data)} bytes, {len(gzip.compress(data, 9))} gzipped")
    assert len(data) < MAP_SIZE_LIMIT
    root = ET.fromstring(data)
    ids = [path.get("id") for path in root.iter("{http://www.w3.org/2000/svg}path")]
    codes = [
        identifier.removeprefix("country-") for identifier in ids if identifier != "background"
    ]
    assert len(codes) == len(set(codes)) > 160
    assert set(codes) <= set(COUNTRIES)
    assert {"RU", "BY", "TR", "IR", "FR", "FJ"} <= set(codes)


def test_the_map_tool_keeps_a_country_across_the_antimeridian_whole():
    topology = {
        "type": "Topology",
        "transform": {"scale": [1, 1], "translate": [0, 0]},
        "arcs": [[[170, 60], [10, 0], [-350, 0], [10, 5], [340, 0], [-10, -5]]],
        "objects": {
            "countries": {
                "type": "GeometryCollection",
                "geometries": [{"type": "Polygon", "arcs": [[0]], "id": "643"}],
            }
        },
    }
    path = ET.fromstring(build_svg(topology)).find(
        "{http://www.w3.org/2000/svg}path[@id='country-RU']"
    )
    # Starts at 170°E and moves east past 180° instead of jumping to the western edge.
    assert path.get("d").startswith("M1050 72l30 0 30 0")


def test_the_map_tool_writes_nothing_when_its_input_is_wrong(tmp_path):
    missing = tmp_path / "absent.json"
    assert main([str(missing), "--output", str(tmp_path / "map.svg")]) == 1
    assert not (tmp_path / "map.svg").exists()
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps({"type": "Topology"}))
    assert main([str(broken), "--output", str(tmp_path / "map.svg")]) == 1
    assert not (tmp_path / "map.svg").exists()
