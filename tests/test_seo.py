"""Pages search engines and link previews understand: canonical address, OpenGraph tags,
JSON-LD by page type, and robots.txt."""

import json
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.contrib.staticfiles import finders

from home import seo
from tests import factories
from tests.conftest import translate_page


class HeadParser(HTMLParser):
    """Collects what crawlers read: <link>, <meta property>, JSON-LD scripts, and every
    address a browser would load (src, href of stylesheets, srcset)."""

    def __init__(self):
        super().__init__()
        self.links, self.meta, self.json_ld, self.tags = [], [], [], []
        self._in_json_ld = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if tag == "link":
            self.links.append(attrs)
        elif tag == "meta" and "property" in attrs:
            self.meta.append((attrs["property"], attrs.get("content", "")))
        elif tag == "script" and attrs.get("type") == "application/ld+json":
            self._in_json_ld = True
            self.json_ld.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_json_ld = False

    def handle_data(self, data):
        if self._in_json_ld:
            self.json_ld[-1] += data

    def og(self, name):
        return [content for prop, content in self.meta if prop == name]

    def canonical(self):
        return [link["href"] for link in self.links if link.get("rel") == "canonical"]


def parse(html: str) -> HeadParser:
    parser = HeadParser()
    parser.feed(html)
    return parser


def build_pages(tree):
    """One page of every public type, with what each type's metadata reads."""
    publisher = factories.OrganisationFactory(
        name="Russian Socialist Movement", short_name="RSD", website="https://rsd.example.org/"
    )
    campaign = factories.CampaignPageFactory(
        parent=tree.campaigns, slug="free-them", image=factories.ImageFactory()
    )
    prisoner = factories.PrisonerPageFactory(
        parent=tree.prisoners,
        title="Boris Kagarlitsky",
        slug="boris-kagarlitsky",
        native_name="Борис Кагарлицкий",
        native_language="ru",
        other_spellings="Kagarlitski\nKagarlizki",
        region="Komi",
        photo=factories.ImageFactory(description="Boris Kagarlitsky in court"),
        postal_address="IK-1, Syktyvkar, Komi Republic",
        letter_language="ru",
    )
    statement = factories.StatementPageFactory(
        parent=tree.statements,
        slug="free-boris",
        title="Free Boris </script><script>alert(1)</script>",
        publisher=publisher,
        original_url="https://rsd.example.org/free-boris/",
    )
    country = factories.CountryPageFactory(parent=tree.countries, country="RU")
    return SimpleNamespace(
        home=tree.home,
        campaign_index=tree.campaigns,
        prisoner_index=tree.prisoners,
        statement_index=tree.statements,
        country_index=tree.countries,
        country=country,
        campaign=campaign,
        prisoner=prisoner,
        statement=statement,
    )


PAGE_TYPES = {
    "home": "WebSite",
    "campaign_index": "CollectionPage",
    "prisoner_index": "CollectionPage",
    "statement_index": "CollectionPage",
    "country_index": "CollectionPage",
    "country": "WebPage",
    "campaign": "WebPage",
    "prisoner": "Person",
    "statement": "NewsArticle",
}


@pytest.fixture
def pages(site_tree):
    return build_pages(site_tree)


@pytest.mark.parametrize(("name", "schema_type"), PAGE_TYPES.items())
def test_every_page_type_has_canonical_og_tags_and_json_ld(client, pages, name, schema_type):
    page = getattr(pages, name)
    html = client.get(page.url).content.decode()
    head = parse(html)
    absolute = f"http://testserver{page.url}"
    assert head.canonical() == [absolute]
    assert head.og("og:url") == [absolute]
    assert head.og("og:title") == [page.title]
    assert head.og("og:locale") == ["en_GB"]
    assert head.og("og:type") == [
        {"statement": "article", "prisoner": "profile"}.get(name, "website")
    ]
    assert f"<title>{page.title}" in html.replace("&lt;", "<").replace("&gt;", ">")
    [data] = [json.loads(text) for text in head.json_ld]
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == schema_type
    assert data["url"] == absolute


def test_description_is_shared_by_meta_and_og_tags(client, pages):
    pages.campaign.search_description = "Twelve people held for an anti-war leaflet."
    pages.campaign.save_revision().publish()
    head = parse(client.get(pages.campaign.url).content.decode())
    description = [tag for tag in head.tags if tag[0] == "meta" and tag[1].get("name")]
    assert ("meta", {"name": "description", "content": pages.campaign.search_description}) in (
        description
    )
    assert head.og("og:description") == [pages.campaign.search_description]


def test_statement_is_a_news_article_based_on_the_original(client, pages):
    html = client.get(pages.statement.url).content.decode()
    # A title that tries to end the script element is escaped inside the JSON.
    assert "</script><script>alert(1)" not in html
    [data] = [json.loads(text) for text in parse(html).json_ld]
    assert data["headline"] == "Free Boris </script><script>alert(1)</script>"
    assert data["datePublished"] == "2023-07-31"
    assert data["inLanguage"] == "en"
    assert data["isBasedOn"] == "https://rsd.example.org/free-boris/"
    assert data["publisher"] == {
        "@type": "Organization",
        "name": "Russian Socialist Movement",
        "alternateName": ["RSD"],
        "url": "https://rsd.example.org/",
    }


def test_prisoner_is_a_person_with_every_spelling_and_the_photo(client, pages):
    head = parse(client.get(pages.prisoner.url).content.decode())
    [data] = [json.loads(text) for text in head.json_ld]
    assert data["name"] == "Boris Kagarlitsky"
    assert data["alternateName"] == ["Борис Кагарлицкий", "Kagarlitski", "Kagarlizki"]
    assert data["address"] == {
        "@type": "PostalAddress",
        "addressCountry": "RU",
        "addressRegion": "Komi",
    }
    [image] = head.og("og:image")
    assert image.startswith("http://testserver/media/") and data["image"] == image
    assert head.og("og:image:alt") == ["Boris Kagarlitsky in court"]


def test_a_hidden_photo_is_not_shared(client, pages):
    pages.prisoner.hide_photo = True
    pages.prisoner.save_revision().publish()
    head = parse(client.get(pages.prisoner.url).content.decode())
    assert head.og("og:image") == []
    assert "image" not in json.loads(head.json_ld[0])


def test_an_image_on_another_host_is_not_shared(rf, pages, settings):
    settings.MEDIA_URL = "https://cdn.example.net/media/"
    request = rf.get(pages.campaign.url)
    assert seo.share_image_rendition(request, pages.campaign) is None


def test_home_page_offers_site_search(client, pages):
    [data] = [json.loads(text) for text in parse(client.get("/en/").content.decode()).json_ld]
    action = data["potentialAction"]
    assert action["@type"] == "SearchAction"
    assert action["target"]["urlTemplate"] == "http://testserver/en/search/?q={query}"
    assert action["query-input"] == "required name=query"


def test_translations_are_named_as_og_locale_alternates(client, pages, french):
    for page in (pages.home, pages.prisoner_index, pages.prisoner):
        translate_page(page, french)
    head = parse(client.get("/fr/prisoners/boris-kagarlitsky/").content.decode())
    assert head.og("og:locale") == ["fr_FR"]
    assert head.og("og:locale:alternate") == ["en_GB"]
    assert head.canonical() == ["http://testserver/fr/prisoners/boris-kagarlitsky/"]
    assert json.loads(head.json_ld[0])["name"] == "Boris Kagarlitsky"


def test_canonical_keeps_only_the_page_number(client, pages):
    for _ in range(25):
        factories.PrisonerPageFactory(parent=pages.prisoner_index)
    head = parse(client.get("/en/prisoners/?page=2&utm_source=x&country=RU").content.decode())
    assert head.canonical() == ["http://testserver/en/prisoners/?page=2"]
    head = parse(client.get("/en/prisoners/?page=1&utm_source=x").content.decode())
    assert head.canonical() == ["http://testserver/en/prisoners/"]


def test_search_page_has_a_canonical_address_without_the_query(client, pages):
    head = parse(client.get("/en/search/?q=boris").content.decode())
    assert head.canonical() == ["http://testserver/en/search/"]
    assert head.json_ld == [] and head.og("og:title") == []


def test_json_for_script_cannot_close_the_script_element():
    text = seo.json_for_script({"a": "</script><!-- & \u2028"})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"a": "</script><!-- & \u2028"}


def test_robots_txt_allows_public_pages_and_points_to_the_sitemap(client, site_tree):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    assert "Disallow: /admin/" in lines
    assert "Allow: /" in lines
    assert "Disallow: /" not in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert not response.cookies
    assert client.get("/sitemap.xml").status_code == 200


def test_print_stylesheet_makes_the_profile_a_leaflet(client, pages):
    html = client.get(pages.prisoner.url).content.decode()
    assert '<link rel="stylesheet" href="/static/css/print.css" media="print">' in html
    css = Path(finders.find("css/print.css")).read_text(encoding="utf-8")
    hidden = css.split("{ display: none; }")
    # Site chrome goes; the name, photo, summary and where to write stay.
    for selector in (".site-header", ".site-footer", ".language-switcher", ".site-search"):
        assert any(selector in rule for rule in hidden[:-1]), selector
    for kept in (".prisoner__photo", ".lead", ".write", ".postal-address"):
        assert not any(kept in rule.rsplit("}", 1)[-1] for rule in hidden[:-1]), kept
    assert "Letters must be written in Russian." in html
    assert "IK-1, Syktyvkar, Komi Republic" in html


def test_a_missing_page_names_no_canonical_address(client, site_tree):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    assert parse(response.content.decode()).canonical() == []
