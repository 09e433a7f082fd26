"""What readers get, in Chromium: the public pages in English, French and Persian have
no WCAG 2.2 AA violation that axe-core finds, load nothing from other hosts (the
``browser_pages`` fixture fails the test otherwise), work without JavaScript, and a
keyboard reaches the language switcher and the search box."""

import datetime

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect
from wagtail.models import Locale

from tests import factories
from tests.conftest import translate_page

pytestmark = pytest.mark.browser

WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
LANGUAGES = ("en", "fr", "fa")


@pytest.fixture
def reader_site(site_tree):
    """One page of each type a reader browses, in the three languages."""
    country = factories.CountryPageFactory(parent=site_tree.countries, country="RU")
    prisoner = factories.PrisonerPageFactory(
        parent=site_tree.prisoners,
        title="Boris Kagarlitsky",
        slug="boris-kagarlitsky",
        country="RU",
        timeline=[
            factories.timeline_event(datetime.date(2023, 7, 26), "detention", "Detained."),
        ],
    )
    campaign = factories.CampaignPageFactory(parent=site_tree.campaigns, countries=["RU"])
    factories.CampaignPrisonerFactory(campaign=campaign, prisoner=prisoner)
    statement = factories.StatementPageFactory(parent=site_tree.statements, countries=["RU"])
    factories.StatementPrisonerLinkFactory(statement=statement, prisoner=prisoner)
    pages = {
        "home": site_tree.home,
        "country index": site_tree.countries,
        "country": country,
        "campaign": campaign,
        "prisoner": prisoner,
        "statement": statement,
    }
    urls = {}
    for code in LANGUAGES:
        locale = Locale.objects.get(language_code=code)
        for ancestor in site_tree.__dict__.values():
            translate_page(ancestor, locale)
        for name, page in pages.items():
            urls[(name, code)] = translate_page(page, locale).url
        urls[("search", code)] = f"/{code}/search/?q=Kagarlitsky"
    return urls


def violations(page):
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_22_AA}})
    return [
        f"{page.url}: {violation['id']} ({violation['impact']}): {violation['help']} — "
        + "; ".join(node["target"][0] for node in violation["nodes"][:3])
        for violation in results.response["violations"]
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_wcag_violations(browser_pages, reader_site, language):
    page = browser_pages.open()
    found = []
    for (name, code), url in reader_site.items():
        if code != language:
            continue
        response = page.goto(url)
        assert response.status == 200, (name, url, response.status)
        expect(page.locator("html")).to_have_attribute("lang", language)
        found += violations(page)
    assert not found, "\n".join(found)


def test_keyboard_reaches_the_language_switcher_and_search(browser_pages, reader_site):
    page = browser_pages.open()
    page.goto(reader_site[("prisoner", "en")])
    reached = set()
    for _ in range(40):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "() => [document.activeElement.id, document.activeElement.closest('nav')"
            " ? document.activeElement.closest('nav').className : '',"
            " document.activeElement.className]"
        )
        if focused[0] == "site-search-query":
            reached.add("search box")
        if "language-switcher" in focused[1]:
            reached.add("language switcher")
        if focused[2] == "skip-link":
            reached.add("skip link")
    assert reached == {"skip link", "search box", "language switcher"}


def test_search_works_without_javascript(browser_pages, reader_site):
    page = browser_pages.open(java_script_enabled=False)
    page.goto(reader_site[("home", "fr")])
    page.locator("#site-search-query").fill("Kagarlitsky")
    page.locator("#site-search-query").press("Enter")
    page.wait_for_url("**/fr/search/?q=Kagarlitsky")
    expect(page.locator("main")).to_contain_text("Boris Kagarlitsky")
