"""What readers and search engines are told about a page's languages: the switcher
offers the languages the page is published in, ``<head>`` and the sitemap name every
published translation and an ``x-default``, and Persian pages mirror the layout."""

import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings
from wagtail.models import Locale, PageViewRestriction

from tests import factories
from tests.conftest import count_queries, translate_page

HOST = "http://testserver"


class LanguageLinks(HTMLParser):
    """The hreflang links of ``<head>`` and the language switcher's links."""

    def __init__(self, html):
        super().__init__()
        self.alternates = {}
        self.switcher = []
        self.current = None
        self._in_switcher = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("rel") == "alternate" and "hreflang" in attrs:
            assert attrs["hreflang"] not in self.alternates, f"twice: {attrs}"
            self.alternates[attrs["hreflang"]] = attrs["href"]
        elif tag == "nav" and "language-switcher" in attrs.get("class", ""):
            self._in_switcher = True
        elif tag == "a" and self._in_switcher:
            self.switcher.append((attrs["hreflang"], attrs["href"], attrs["dir"]))
            if "aria-current" in attrs:
                self.current = attrs["hreflang"]

    def handle_endtag(self, tag):
        if tag == "nav":
            self._in_switcher = False


def language_links(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return LanguageLinks(response.content.decode())


def locale(code):
    return Locale.objects.get(language_code=code)


def translate_branch(page, code):
    """A published translation of ``page`` and of every ancestor below the root."""
    for ancestor in page.get_ancestors(inclusive=True).specific()[1:]:
        translated = translate_page(ancestor, locale(code))
    return translated


def draft_translation(page, code):
    """An unpublished translation, as a translator leaves it before review."""
    translate_branch(page.get_parent(), code)
    draft = page.copy_for_translation(locale(code))
    draft.save_revision()
    draft.refresh_from_db()
    assert not draft.live
    return draft


@pytest.fixture
def campaign(site_tree):
    """A campaign published in English and French, with a Russian draft."""
    english = factories.CampaignPageFactory(parent=site_tree.campaigns, slug="free-them")
    translate_branch(english, "fr")
    draft_translation(english, "ru")
    return english


# The language switcher ------------------------------------------------------------


def test_switcher_offers_only_the_languages_the_page_is_published_in(client, campaign):
    english = language_links(client, "/en/campaigns/free-them/")
    french = language_links(client, "/fr/campaigns/free-them/")
    expected = [
        ("en", "/en/campaigns/free-them/", "ltr"),
        ("fr", "/fr/campaigns/free-them/", "ltr"),
    ]
    # The Russian draft is not offered, nor any language the page does not exist in.
    assert english.switcher == expected
    assert french.switcher == expected
    assert (english.current, french.current) == ("en", "fr")


def test_switcher_leaves_out_a_translation_behind_a_password(client, campaign):
    french = campaign.get_translation(locale("fr"))
    PageViewRestriction.objects.create(page=french, restriction_type="password", password="x")
    links = language_links(client, "/en/campaigns/free-them/")
    assert [code for code, _url, _dir in links.switcher] == ["en"]
    assert set(links.alternates) == {"en", "x-default"}


def test_views_that_are_not_pages_offer_every_language(client, site_tree):
    links = language_links(client, "/fr/search/?q=x")
    assert [code for code, _url, _dir in links.switcher] == [c for c, _n in settings.LANGUAGES]
    assert ("fa", "/fa/", "rtl") in links.switcher
    assert links.current == "fr"
    # A search result list is not a page with translations.
    assert links.alternates == {}


# hreflang in <head> ---------------------------------------------------------------


def test_head_names_every_published_translation_and_x_default(client, campaign):
    expected = {
        "en": f"{HOST}/en/campaigns/free-them/",
        "fr": f"{HOST}/fr/campaigns/free-them/",
        "x-default": f"{HOST}/en/campaigns/free-them/",
    }
    # Each version names all the others and itself: search engines need both ways.
    assert language_links(client, "/en/campaigns/free-them/").alternates == expected
    assert language_links(client, "/fr/campaigns/free-them/").alternates == expected


def test_x_default_is_the_original_when_there_is_no_english_version(client, site_tree):
    russian_statements = translate_branch(site_tree.statements, "ru")
    original = factories.StatementPageFactory(parent=russian_statements, slug="solidarnost")
    assert original.locale.language_code == "ru"
    translate_branch(original, "fr")
    links = language_links(client, "/fr/statements/solidarnost/")
    assert links.alternates == {
        "fr": f"{HOST}/fr/statements/solidarnost/",
        "ru": f"{HOST}/ru/statements/solidarnost/",
        "x-default": f"{HOST}/ru/statements/solidarnost/",
    }
    # Once there is an English version, it is the one for everybody else.
    translate_branch(original, "en")
    links = language_links(client, "/ru/statements/solidarnost/")
    assert links.alternates["x-default"] == f"{HOST}/en/statements/solidarnost/"
    assert list(links.alternates) == ["en", "fr", "ru", "x-default"]


def test_more_languages_cost_no_more_queries(client, site_tree):
    only_english = factories.CampaignPageFactory(parent=site_tree.campaigns, slug="alone")
    everywhere = factories.CampaignPageFactory(parent=site_tree.campaigns, slug="everywhere")
    for code, _name in settings.LANGUAGES[1:]:
        translate_branch(everywhere, code)
    counts = {
        "1 language": count_queries(client, only_english.url),
        "7 languages": count_queries(client, everywhere.url),
    }
    print(f"campaign page: {counts}")
    assert len(language_links(client, everywhere.url).alternates) == 8
    assert counts["1 language"] == counts["7 languages"], counts


# The sitemap ----------------------------------------------------------------------

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def sitemap(client):
    """{address: {hreflang: address}} for every <url> of /sitemap.xml."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    urls = {}
    for url in root.iter(f"{SITEMAP}url"):
        alternates = {}
        for link in url.iter(f"{XHTML}link"):
            assert link.get("rel") == "alternate"
            alternates[link.get("hreflang")] = link.get("href")
        urls[url.find(f"{SITEMAP}loc").text] = alternates
    return urls


def test_sitemap_lists_each_language_with_its_alternates(client, campaign, site_tree):
    private = factories.StatementPageFactory(parent=site_tree.statements, slug="members-only")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    draft = factories.StatementPageFactory(parent=site_tree.statements, slug="unfinished")
    draft.unpublish()

    urls = sitemap(client)

    english, french = f"{HOST}/en/campaigns/free-them/", f"{HOST}/fr/campaigns/free-them/"
    expected = {"en": english, "fr": french, "x-default": english}
    assert urls[english] == expected
    assert urls[french] == expected
    # Both language trees are there, not only the default site's English one.
    # Every language tree is there, not only the default site's English one. (The
    # Russian draft's parents are published.)
    homes = {"en": f"{HOST}/en/", "fr": f"{HOST}/fr/", "ru": f"{HOST}/ru/"}
    assert urls[f"{HOST}/ru/"] == urls[f"{HOST}/fr/"] == {**homes, "x-default": f"{HOST}/en/"}
    assert urls[f"{HOST}/en/prisoners/"]["en"] == f"{HOST}/en/prisoners/"
    listed = set(urls) | {href for links in urls.values() for href in links.values()}
    assert f"{HOST}/ru/campaigns/free-them/" not in listed
    assert not [url for url in listed if "members-only" in url or "unfinished" in url]


def test_sitemap_queries_do_not_grow_with_pages_or_languages(client, site_tree):
    for code in ("fr", "ru"):
        translate_branch(site_tree.campaigns, code)
    counts = {}
    for total in (2, 12):
        while site_tree.campaigns.get_children().count() < total:
            campaign = factories.CampaignPageFactory(parent=site_tree.campaigns)
            translate_branch(campaign, "fr")
            translate_branch(campaign, "ru")
        counts[total] = count_queries(client, "/sitemap.xml")
        # English: home, four sections, the campaigns; French and Russian: home, campaigns.
        assert len(sitemap(client)) == (5 + total) + 2 * (2 + total)
    print(f"sitemap: {counts[2]} queries with 2 pages x 3 languages, {counts[12]} with 12")
    assert counts[2] == counts[12], counts


# Right to left --------------------------------------------------------------------


def test_a_persian_page_is_right_to_left(client, site_tree):
    translate_branch(site_tree.home, "fa")
    html = client.get("/fa/").content.decode()
    assert '<html lang="fa" dir="rtl">' in html
    links = LanguageLinks(html)
    assert links.current == "fa"
    assert ("fa", "/fa/", "rtl") in links.switcher
    assert ("en", "/en/", "ltr") in links.switcher
    assert links.alternates["fa"] == f"{HOST}/fa/"


STYLESHEETS = sorted((Path(settings.BASE_DIR) / "network" / "static" / "css").glob("*.css"))
# A declaration that fixes something to the left or the right whatever the reading
# direction. Logical properties (margin-inline-start, inset-inline-end, text-align:
# start…) mirror by themselves under dir="rtl".
PHYSICAL = [
    re.compile(r"^[a-z-]*-(left|right)(-[a-z-]+)?$"),  # margin-left, border-top-right-radius
    re.compile(r"^(left|right)$"),  # left: 0
]
PHYSICAL_VALUES = {
    "text-align": {"left", "right"},
    "float": {"left", "right"},
    "clear": {"left", "right"},
    "caption-side": {"left", "right"},
    "justify-content": {"left", "right"},
    "justify-items": {"left", "right"},
    "justify-self": {"left", "right"},
}
# Shorthands whose four-value form sets the right side (second) and the left (fourth).
FOUR_SIDED = {"margin", "padding", "inset", "border-width", "border-style", "border-color"}
# {(file name, property): why it must stay physical}. None so far.
ALLOWED: dict[tuple[str, str], str] = {}


def physical_declarations(css: str) -> list[str]:
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    found = []
    for block in re.findall(r"\{([^{}]*)\}", css):
        for declaration in block.split(";"):
            if ":" not in declaration:
                continue
            name, value = (part.strip().lower() for part in declaration.split(":", 1))
            words = set(re.findall(r"[a-z-]+", value))
            sides = value.split()
            if (
                any(pattern.match(name) for pattern in PHYSICAL)
                or words & PHYSICAL_VALUES.get(name, set())
                or "background-position" in name
                and words & {"left", "right"}
                or name in FOUR_SIDED
                and len(sides) == 4
                and sides[1] != sides[3]
            ):
                found.append(f"{name}: {value}")
    return found


def test_the_physical_check_catches_what_would_not_mirror():
    css = """/* margin-left in a comment is fine */
    .a { margin-left: 1rem; float: right }
    @media (min-width: 4rem) { .b { left: 0; padding: 0 1rem 0 2rem; text-align: left; } }
    .c { margin-inline-start: 1rem; inset-inline-end: 0; text-align: start; padding: 0 1rem; }
    .d { border-top-left-radius: 2px; margin: 1rem 2rem 3rem 2rem; }"""
    assert physical_declarations(css) == [
        "margin-left: 1rem",
        "float: right",
        "left: 0",
        "padding: 0 1rem 0 2rem",
        "text-align: left",
        "border-top-left-radius: 2px",
    ]


@pytest.mark.parametrize("stylesheet", STYLESHEETS, ids=lambda path: path.name)
def test_stylesheets_use_logical_directions_so_rtl_mirrors(stylesheet):
    found = physical_declarations(stylesheet.read_text())
    allowed = {prop for name, prop in ALLOWED if name == stylesheet.name}
    assert [d for d in found if d.split(":")[0] not in allowed] == []
