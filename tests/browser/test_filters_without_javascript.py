"""The list filters in Chromium: a reader without JavaScript filters prisoners by
country with the form, and the filtered page, with a parameter it could not use, has
no WCAG 2.2 AA violation that axe-core finds."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect
from wagtail.models import Locale

from tests import factories
from tests.conftest import translate_page

pytestmark = pytest.mark.browser

WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


@pytest.fixture
def prisoner_lists(site_tree):
    """The prisoner index in English and French: one person held in Russia, one in Belarus."""
    for title, country in (("Anna", "RU"), ("Vera", "BY")):
        factories.PrisonerPageFactory(parent=site_tree.prisoners, title=title, country=country)
    french = Locale.objects.get(language_code="fr")
    translate_page(site_tree.home, french)
    french_index = translate_page(site_tree.prisoners, french)
    for prisoner in site_tree.prisoners.get_children():
        translate_page(prisoner.specific, french)
    return {"en": site_tree.prisoners.url, "fr": french_index.url}


def test_country_filter_works_without_javascript(browser_pages, prisoner_lists):
    page = browser_pages.open(java_script_enabled=False)
    page.goto(prisoner_lists["fr"])
    page.get_by_label("Pays").select_option("BY")
    # The button's French label comes when the catalogue is updated.
    page.locator("form.filters button[type=submit]").click()
    page.wait_for_url("**/fr/prisoners/?country=BY*")
    expect(page.locator("main .card__title")).to_have_text(["Vera"])
    page.get_by_role("link", name="Effacer les filtres").click()
    page.wait_for_url(f"**{prisoner_lists['fr']}")
    expect(page.locator("main .card__title")).to_have_count(2)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_filtered_page_with_a_problem_has_no_wcag_violations(
    browser_pages, prisoner_lists, language
):
    page = browser_pages.open()
    response = page.goto(f"{prisoner_lists[language]}?country=XX&status=detained&page=9")
    assert response.status == 200
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_22_AA}})
    found = [
        f"{violation['id']}: {violation['help']} — "
        + "; ".join(node["target"][0] for node in violation["nodes"][:3])
        for violation in results.response["violations"]
    ]
    assert not found, "\n".join(found)
