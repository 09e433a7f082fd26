"""Feed bytes -> normalised items, checked against the fixtures in tests/fixtures/feeds/
(expected outcomes as in the shared EXPECTED.md)."""

import re
import socket
import time
import tracemalloc
import urllib.request
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import pytest

from network.syndication.parse import NotAFeedError, parse_feed

FEEDS = Path(__file__).resolve().parents[2] / "fixtures" / "feeds"
NOW = datetime(2023, 8, 10, 12, 0, tzinfo=UTC)
URL_ATTRIBUTE = re.compile(r'\b(?:href|src)="([^"]*)"')


def parse(name: str, url: str = "https://partner.example.org/feed", fallback_language="de"):
    """Parse a fixture; "de" as fallback shows when no language came from the feed."""
    body = (FEEDS / name).read_bytes()
    return parse_feed(body, url=url, fallback_language=fallback_language, now=NOW)


def parse_bytes(body: bytes, fallback_language: str = "de"):
    return parse_feed(
        body, url="https://group.example.org/news/", fallback_language=fallback_language, now=NOW
    )


def by_key(feed):
    return {item.key: item for item in feed.items}


def urls_in(html: str) -> list[str]:
    return URL_ATTRIBUTE.findall(html)


def test_posle_atom_languages_per_entry_and_urls_against_xml_base():
    feed = parse("posle-atom.xml")

    assert len(feed.items) == 6
    assert Counter(item.language for item in feed.items) == {"ru": 3, "en": 3}
    assert feed.warnings == []
    first = by_key(feed)["tag:posle.example.org,2023-07-26:/ru/kagarlitsky-detained"]
    assert first.link == "https://posle.example.org/ru/articles/kagarlitsky-detained"
    assert first.published == datetime(2023, 7, 26, 15, 40, tzinfo=UTC)  # 18:40 +03:00
    assert first.authors == ["Редакция «После»"]
    assert first.summary == "Сегодня в Москве сотрудники ФСБ задержали Бориса Кагарлицкого."
    assert 'src="https://posle.example.org/media/2023/07/kagarlitsky.jpg"' in first.content_html
    assert 'href="https://posle.example.org/ru/articles/kagarlitsky-chronology"' in (
        first.content_html
    )
    essay = by_key(feed)["tag:posle.example.org,2023-08-02:/en/why-we-write"]
    assert 'href="https://posle.example.org/about"' in essay.content_html  # "../about"
    for item in feed.items:
        assert item.link.startswith("https://posle.example.org/")
        assert item.published.utcoffset().total_seconds() == 0
        assert not item.date_missing
        assert all(url.startswith("https://") for url in urls_in(item.content_html))


def test_rsd_wordpress_rss2():
    feed = parse("rsd-rss2.xml")

    assert [item.key for item in feed.items] == [
        f"https://rsd.example.org/?p={n}" for n in (123, 125, 131, 134, 140)
    ]
    assert {item.language for item in feed.items} == {"ru"}  # <language>ru-RU</language>
    first = feed.items[0]
    assert first.link == "https://rsd.example.org/2023/07/solidarnost-s-kagarlitskim/"
    assert first.authors == ["Редакция РСД"]  # dc:creator
    assert first.published == datetime(2023, 7, 31, 11, 5, 32, tzinfo=UTC)  # 14:05:32 +0300
    # content:encoded (full text with the image), not the teaser in <description>
    assert "free-boris-1024x576.jpg" in first.content_html
    assert "Читать далее" not in first.content_html
    assert "<ul>" in feed.items[1].content_html


def test_essf_spip_rss_languages_from_dc_language_and_relative_urls():
    feed = parse("essf-spip-rss.xml")
    items = by_key(feed)

    assert len(feed.items) == 5
    assert Counter(item.language for item in feed.items) == {"fr": 3, "en": 2}
    statement = items["https://essf.example.org/spip.php?article67801"]
    assert statement.language == "en"
    assert statement.title == "Russia: Solidarity with Boris Kagarlitsky"
    assert statement.published == datetime(2023, 8, 1, 8, 30, tzinfo=UTC)
    assert statement.authors == ["Russian Socialist Movement (RSD)"]
    assert "31 July 2023" in statement.content_html
    assert 'src="https://essf.example.org/IMG/jpg/photo.jpg"' in statement.content_html
    assert 'href="https://essf.example.org/spip.php?article67755"' in statement.content_html
    for item in feed.items:
        assert all(
            url.startswith(("https://essf.example.org/", "https://rsd.example.org/"))
            for url in urls_in(item.content_html)
        )


def test_rss1_rdf_dates_come_from_dc_date():
    feed = parse("rss1-rdf.xml")

    assert [item.published for item in feed.items] == [
        datetime(2023, 7, 26, 17, 0, tzinfo=UTC),
        datetime(2023, 7, 31, 13, 30, tzinfo=UTC),
        datetime(2023, 8, 5, 7, 0, tzinfo=UTC),
    ]
    assert not any(item.date_missing for item in feed.items)
    assert {item.language for item in feed.items} == {"en"}
    # No xml:base: the relative link resolves against the item's own link.
    assert 'href="https://bulletin.example.net/2023/08/01/translation"' in (
        feed.items[1].content_html
    )


def test_updated_entry_keeps_its_key_and_changes_its_hash():
    before = by_key(parse("updated-entry-before.xml"))
    after = by_key(parse("updated-entry-after.xml"))
    detention = "tag:posle.example.org,2023-07-31:/en/detention-extended"
    vigils = "tag:posle.example.org,2023-07-30:/en/vigils"
    postcards = "tag:posle.example.org,2023-08-02:/en/postcards"
    translators = "tag:posle.example.org,2023-07-29:/en/translators"

    assert set(before) == {vigils, detention, translators}
    assert set(after) == {detention, postcards, vigils}
    assert after[detention].content_hash != before[detention].content_hash
    assert after[detention].link == before[detention].link
    assert after[vigils].content_hash == before[vigils].content_hash
    assert after[vigils].authors == ["Posle editorial board"]  # inherited from the feed


def test_duplicate_guids_first_occurrence_wins_with_a_warning():
    feed = parse("duplicate-guids.xml")

    assert [item.key for item in feed.items] == ["partner-news-0042", "partner-news-0041"]
    assert feed.items[0].title == "Statement of support from dockworkers' union"
    assert len(feed.warnings) == 1
    assert "partner-news-0042" in feed.warnings[0]
    assert "Meeting minutes, 1 August" in feed.warnings[0]


def test_missing_guids_keys_are_link_then_hash_and_stable():
    feed = parse("missing-guids.xml")
    keys = [item.key for item in feed.items]

    assert keys[:2] == [
        "https://noguid.example.org/2023/08/open-letter-brazil",
        "https://noguid.example.org/2023/08/reading-group",
    ]
    assert keys[2].startswith("sha256:") and keys[3].startswith("sha256:")
    assert keys[2] != keys[3]  # same title, different dates
    assert [item.link for item in feed.items[2:]] == ["", ""]
    assert feed.warnings == []
    assert [item.key for item in parse("missing-guids.xml").items] == keys


def test_script_injection_feed_parses():
    feed = parse("script-injection.xml")

    assert [item.key for item in feed.items] == [f"hostile-{n}" for n in range(1, 9)]
    # Titles are plain text; templates escape them like any other text.
    assert feed.items[0].title == "Script tags <script>alert('title')</script> in the title"
    assert "SAFE-7: A drawing" in feed.items[6].content_html  # from <description>


def test_broken_encoding_keeps_good_items_and_repairs_the_bad_title():
    feed = parse("broken-encoding.xml")

    assert feed.title == "Русская лента (битая кодировка)"
    assert [item.title for item in feed.items] == [
        "Нормальный заголовок в UTF-8",
        "Письма Борису Кагарлицкому в Сыктывкар",  # cp1251 bytes read as cp1251
        "Ещё один корректный элемент",
    ]
    assert "Письма доходят примерно за две недели." in feed.items[1].content_html
    assert "Пикет солидарности прошёл спокойно." in feed.items[0].content_html
    assert len(feed.warnings) == 1
    assert "UTF-8" in feed.warnings[0] and "Windows-1251" in feed.warnings[0]


def test_stray_non_cyrillic_bytes_become_replacement_characters():
    body = (
        b'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>T</title>'
        b"<item><guid>1</guid><title>Fronti\xe8res</title></item></channel></rss>"
    )

    feed = parse_bytes(body)

    assert feed.items[0].title == "Fronti\ufffdres"
    assert "\ufffd" in feed.warnings[0]


def test_web_page_is_not_a_feed_and_suggests_its_feed():
    with pytest.raises(NotAFeedError) as raised:
        parse("not-a-feed.html", url="https://posle.example.org/")

    assert str(raised.value) == "The address gives a web page, not a feed."
    assert raised.value.suggested_feed_url == "https://posle.example.org/feed.atom"


def test_suggested_feed_url_is_made_absolute():
    page = (
        b"<!doctype html><html><head>"
        b'<link rel="alternate" type="application/rss+xml" href="/feed/">'
        b"</head><body><p>News</p></body></html>"
    )

    with pytest.raises(NotAFeedError) as raised:
        parse_bytes(page)

    assert raised.value.suggested_feed_url == "https://group.example.org/feed/"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"", "empty response"),
        (b'{"version": "https://jsonfeed.org/version/1.1", "items": []}', "JSON"),
        (b"<foo>bar</foo>", "does not give an RSS or Atom feed"),
    ],
)
def test_other_non_feeds_get_a_readable_message(body, message):
    with pytest.raises(NotAFeedError, match=message) as raised:
        parse_bytes(body)

    assert raised.value.suggested_feed_url == ""


def test_body_is_never_taken_for_a_file_name(tmp_path):
    """feedparser opens a bytes argument as a file when it can; a body naming a local
    file must not make us read that file."""
    local = tmp_path / "local.xml"
    local.write_text('<rss version="2.0"><channel><title>LOCAL FILE</title></channel></rss>')

    with pytest.raises(NotAFeedError):
        parse_bytes(str(local).encode())


def test_empty_channel_is_a_success_with_no_items():
    feed = parse("empty-channel.xml")

    assert feed.title == "New partner group (nothing published yet)"
    assert feed.items == []
    assert feed.warnings == []
    assert feed.ttl_minutes == 60


def test_xxe_reads_no_file_and_makes_no_request(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the parser tried to reach the network or a file URL")

    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(urllib.request, "urlopen", refuse)

    feed = parse("xxe.xml")

    assert feed.items[0].title == "Leak attempt: &xxe;"
    for item in feed.items:
        text = item.title + item.content_html + item.summary
        assert ":0:0:" not in text and "/bin/" not in text  # as in "root:x:0:0:root:/root:/bin/sh"
    assert any("entities" in warning for warning in feed.warnings)


def test_billion_laughs_is_not_expanded():
    tracemalloc.start()
    started = time.perf_counter()
    try:
        feed = parse("billion-laughs.xml")
        elapsed = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert elapsed < 0.5
    assert peak < 5_000_000  # bytes; expanded, the title alone would be about 3 GB
    assert "lollol" not in feed.items[0].title
    assert len(feed.items[0].title) < 20


def test_missing_date_falls_back_to_now_and_language_to_the_fallback():
    body = (
        b'<rss version="2.0"><channel><title>T</title>'
        b"<item><guid>a</guid><title>No date</title><link>item/1</link>"
        b"<pubDate>sometime soon</pubDate></item></channel></rss>"
    )

    item = parse_bytes(body, fallback_language="fr-FR").items[0]

    assert item.published == NOW
    assert item.date_missing
    assert item.language == "fr"
    assert item.link == "https://group.example.org/news/item/1"  # against the feed address


def test_naive_now_is_refused():
    with pytest.raises(ValueError, match="aware"):
        parse_feed(b"", url="https://x.example/", fallback_language="en", now=datetime(2023, 1, 1))
