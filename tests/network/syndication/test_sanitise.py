"""Partner HTML cleaned to Wagtail's rich-text subset: nothing that runs code or loads a
partner's server survives, and the text a reader needs does."""

import re
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from network.syndication.parse import parse_feed
from network.syndication.sanitise import plain_text, sanitise_html, strip_images

HOSTILE_FEED = Path(__file__).resolve().parents[2] / "fixtures" / "feeds" / "script-injection.xml"
CONTENT_ENCODED = "{http://purl.org/rss/1.0/modules/content/}encoded"
ALLOWED = {
    "p": set(),
    "h2": set(),
    "h3": set(),
    "h4": set(),
    "b": set(),
    "strong": set(),
    "i": set(),
    "em": set(),
    "a": {"href", "rel"},
    "ul": set(),
    "ol": set(),
    "li": set(),
    "blockquote": set(),
    "br": set(),
    "img": {"src", "alt"},
}
FORBIDDEN_TEXT = ["javascript:", "vbscript:", "data:", "<script", "<style", "<iframe", "<svg"]


def raw_items() -> dict[str, str]:
    """The hostile HTML exactly as the partner sent it (stdlib XML: the file has no DTD)."""
    root = ET.parse(HOSTILE_FEED).getroot()
    return {
        item.findtext("guid"): item.findtext(CONTENT_ENCODED) or item.findtext("description")
        for item in root.iter("item")
    }


def parsed_items() -> dict[str, str]:
    """The same HTML after parse_feed (what the pipeline really sanitises)."""
    feed = parse_feed(
        HOSTILE_FEED.read_bytes(),
        url="https://hostile.example.net/feed",
        fallback_language="en",
        now=datetime(2023, 8, 10, tzinfo=UTC),
    )
    return {item.key: item.content_html for item in feed.items}


class Elements(HTMLParser):
    def __init__(self, html: str):
        super().__init__()
        self.found: list[tuple[str, dict[str, str]]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, {name: value or "" for name, value in attrs}))


def assert_harmless(html: str) -> None:
    for tag, attrs in Elements(html).found:
        assert tag in ALLOWED, f"<{tag}> survived: {html}"
        assert set(attrs) <= ALLOWED[tag], f"<{tag} {attrs}> survived"
        for name in ("href", "src"):
            if name in attrs:
                url = urlsplit(attrs[name])
                assert url.scheme in ({"http", "https", "mailto"} if name == "href" else {"https"})
                assert url.netloc or url.scheme == "mailto"
        if tag == "a":
            assert attrs["rel"] == "noopener noreferrer nofollow"
    for text in FORBIDDEN_TEXT:
        assert text not in html.lower()


@pytest.mark.parametrize("source", [raw_items, parsed_items], ids=["raw", "parsed"])
def test_no_dangerous_markup_survives_in_any_hostile_item(source):
    items = source()
    assert len(items) == 8
    for html in items.values():
        assert_harmless(sanitise_html(html))
        assert_harmless(strip_images(html)[0])


@pytest.mark.parametrize("source", [raw_items, parsed_items], ids=["raw", "parsed"])
def test_every_safe_marker_survives(source):
    for key, html in source().items():
        markers = re.findall(r"SAFE-[0-9]+[a-z]?[^<\"]*", raw_items()[key])
        assert markers
        cleaned = sanitise_html(html)
        for marker in markers:
            assert marker.strip() in cleaned, f"{marker!r} lost from {key}: {cleaned}"


def test_normal_link_and_image_are_kept():
    items = raw_items()

    assert (
        '<a href="https://hostile.example.net/fine" rel="noopener noreferrer nofollow">'
        "SAFE-3b: a normal link that should stay</a>"
    ) in sanitise_html(items["hostile-3"])
    assert '<img src="https://hostile.example.net/missing.png" alt="SAFE-2 alt text">' in (
        sanitise_html(items["hostile-2"])
    )


@pytest.mark.parametrize(
    "href",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " javascript:alert(1)",
        "java&#x09;script:alert(1)",
        "java\nscript:alert(1)",
        "&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)",
        "javascript&colon;alert(1)",
        "&#1;javascript:alert(1)",
        "vbscript:msgbox(1)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "//evil.example.net/phish",
        "https:evil.example.net",
        "/relative/path",
        "#fragment",
    ],
)
def test_unsafe_or_relative_link_targets_are_removed_but_text_kept(href):
    assert sanitise_html(f'<p><a href="{href}">petition</a></p>') == "<p>petition</p>"


def test_safe_link_targets_are_kept():
    html = (
        '<a href="https://a.example.org/x?y=1&amp;z=2">web</a> '
        '<a href="mailto:solidarity@example.org">mail</a>'
    )

    assert sanitise_html(html) == (
        '<a href="https://a.example.org/x?y=1&amp;z=2" rel="noopener noreferrer nofollow">web</a>'
        ' <a href="mailto:solidarity@example.org" rel="noopener noreferrer nofollow">mail</a>'
    )


def test_only_the_rich_text_subset_is_kept():
    html = (
        '<h1 class="x">Title</h1><h2 id="a">Sub</h2><div style="color:red"><p lang="en" '
        'title="t">Text with <strong>strong</strong>, <b>b</b>, <em>em</em>, <i>i</i>,'
        " <span>span</span><br>break</p></div><ul><li>one</li></ul><ol><li>two</li></ol>"
        "<blockquote>quote</blockquote><table><tr><td>cell</td></tr></table><h5>five</h5>"
    )

    assert sanitise_html(html) == (
        "Title<h2>Sub</h2><p>Text with <strong>strong</strong>, <b>b</b>, <em>em</em>, <i>i</i>,"
        " span<br>break</p><ul><li>one</li></ul><ol><li>two</li></ol>"
        "<blockquote>quote</blockquote>cellfive"
    )


def test_strip_images_returns_the_html_without_images_and_their_urls():
    html = (
        '<p>Rally <img src="https://posle.example.org/a.jpg" alt="A"></p>'
        '<p><img src="https://posle.example.org/b.png"></p>'
        '<img src="https://posle.example.org/a.jpg">'
        '<img src="data:image/png;base64,iVBORw0KGgo=" alt="data">'
        '<img src="/relative.jpg">'
    )

    cleaned, urls = strip_images(html)

    assert cleaned == "<p>Rally </p>"
    assert urls == ["https://posle.example.org/a.jpg", "https://posle.example.org/b.png"]


def test_strip_images_on_hostile_items():
    items = raw_items()

    assert strip_images(items["hostile-2"])[1] == ["https://hostile.example.net/missing.png"]
    assert strip_images(items["hostile-6"])[1] == []  # data: images are not downloadable
    assert "<img" not in strip_images(items["hostile-8"])[0]


def test_plain_text():
    html = (
        "<p>First&nbsp;paragraph &amp; more.</p><p>Second</p><script>alert(1)</script>"
        "<style>p{}</style><ul><li>one</li><li>two</li></ul>"
    )

    assert plain_text(html) == "First paragraph & more. Second one two"


def test_plain_text_is_cut_at_a_word_boundary():
    text = plain_text("<p>" + "solidarity " * 50 + "</p>", limit=40)

    assert len(text) <= 40
    assert text.endswith("solidarity…")
