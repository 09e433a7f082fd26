"""Turn the bytes of a partner's RSS or Atom feed into normalised items.

feedparser does the XML work (and neutralises XXE and entity bombs); this module covers what
it leaves to us: RSS 1.0 dates found only in `updated`, relative links when there is no
xml:base, a whole feed garbled when one title carries stray cp1251 bytes, missing or
duplicate GUIDs, languages, and web pages given instead of feeds. The HTML is cleaned later,
by sanitise.py.
"""

import codecs
import hashlib
import io
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from html import escape, unescape
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import feedparser
from feedparser.urls import RelativeURIResolver

from .sanitise import plain_text

SUMMARY_LENGTH = 300


@dataclass(frozen=True)
class ParsedItem:
    key: str  # GUID/id, else link, else "sha256:" + hash of title + date
    link: str  # absolute http(s) URL, or "" when the item has none
    title: str  # plain text
    content_html: str  # content preferred over summary, URLs absolute, NOT yet sanitised
    summary: str  # plain text, at most SUMMARY_LENGTH characters
    published: datetime  # aware, UTC
    date_missing: bool  # True when `published` is the `now` passed in
    language: str  # two-letter lower-case code
    authors: list[str]
    content_hash: str  # sha256 hex of title + content_html + link: decides "changed"


@dataclass(frozen=True)
class ParsedFeed:
    title: str
    items: list[ParsedItem]
    warnings: list[str]  # sentences for the editors who look after the source
    ttl_minutes: int | None  # RSS <ttl>: how long the publisher asks us to wait


class NotAFeedError(ValueError):
    """The body is not an RSS or Atom feed. str() is a sentence for editors;
    `suggested_feed_url` is the feed a web page points to (absolute), or ""."""

    def __init__(self, message: str, suggested_feed_url: str = ""):
        super().__init__(message)
        self.suggested_feed_url = suggested_feed_url


def parse_feed(body: bytes, *, url: str, fallback_language: str, now: datetime) -> ParsedFeed:
    """Parse a feed body fetched from `url`. Raises NotAFeedError for anything else."""
    if now.tzinfo is None:
        raise ValueError("`now` must be timezone-aware")
    warnings: list[str] = []
    body = _repair_encoding(body, warnings)
    if _declares_entities(body):
        warnings.append(
            "The feed declares its own XML entities; for safety they were not expanded, "
            "so some texts may show codes such as “&name;”."
        )
    # A BytesIO, not the bytes themselves: feedparser first tries to open a bytes argument
    # as a file name, so a body such as b"/etc/passwd" would be read from our disk.
    # Its sanitiser is off because sanitise.py is the one place that cleans partner HTML.
    result = feedparser.parse(io.BytesIO(body), sanitize_html=False)
    if not result.get("version") and not result.entries:
        raise _not_a_feed(body, url, result.get("bozo_exception"))
    if result.get("bozo"):
        warnings.append(
            f"The feed is not well-formed XML ({_describe(result.bozo_exception)}); it was "
            "read in a forgiving mode, so check the imported items."
        )

    feed = result.feed
    feed_language = _language(feed.get("language"))  # <language>, dc:language, xml:lang
    default_language = feed_language or _language(fallback_language) or fallback_language
    feed_authors = _names(feed)  # Atom: entries without an author inherit the feed's
    items: list[ParsedItem] = []
    first_title_by_key: dict[str, str] = {}
    for entry in result.entries:
        item = _item(entry, url, default_language, feed_authors, now)
        if item.key in first_title_by_key:
            warnings.append(
                f"Two items share the identifier “{item.key}”: kept the first "
                f"(“{first_title_by_key[item.key]}”), skipped “{item.title}”."
            )
            continue
        first_title_by_key[item.key] = item.title
        items.append(item)
    return ParsedFeed(
        title=_title(feed),
        items=items,
        warnings=warnings,
        ttl_minutes=_positive_int(feed.get("ttl")),
    )


def _item(entry, feed_url: str, default_language: str, feed_authors, now) -> ParsedItem:
    raw_link = (entry.get("link") or "").strip()
    link = _http_url(urljoin(feed_url, raw_link)) if raw_link else ""
    title = _title(entry)
    content = _content_html(entry, base=link or feed_url)
    published = _date(entry)
    key = (entry.get("id") or "").strip() or link or _hash_key(title, published, content)
    language = (
        _language(entry.get("language"))  # dc:language
        or _language((entry.get("title_detail") or {}).get("language"))  # xml:lang in effect
        or default_language
    )
    return ParsedItem(
        key=key,
        link=link,
        title=title,
        content_html=content,
        summary=_summary(entry, content),
        published=published or now.astimezone(UTC),
        date_missing=published is None,
        language=language,
        authors=_names(entry) or feed_authors,
        content_hash=_sha256(title, content, link),
    )


# --- encoding -------------------------------------------------------------------------------

_XML_DECLARATION = re.compile(rb"""\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)""")
_CYRILLIC = re.compile("[\u0400-\u04ff]")
# Bytes that are Cyrillic letters in windows-1251: А-я (0xC0-0xFF), Ё (0xA8), ё (0xB8).
_CP1251_LETTERS = frozenset(range(0xC0, 0x100)) | {0xA8, 0xB8}


def _cp1251_letters(error: UnicodeDecodeError) -> tuple[str, int]:
    """Codec error handler: read invalid UTF-8 bytes as windows-1251 if they are letters there."""
    bad = error.object[error.start : error.end]
    if all(byte in _CP1251_LETTERS for byte in bad):
        return bad.decode("cp1251"), error.end
    return "\ufffd" * len(bad), error.end


codecs.register_error("syndication-cp1251-letters", _cp1251_letters)


def _repair_encoding(body: bytes, warnings: list[str]) -> bytes:
    """Return a valid UTF-8 body when a feed that says UTF-8 is not.

    Given stray windows-1251 bytes in one title, feedparser decodes the *whole* document as
    iso-8859-2 and garbles every item. Decoding it ourselves keeps the valid text intact;
    the invalid bytes are read as windows-1251 when the feed is Cyrillic (the usual cause),
    else replaced with U+FFFD.
    """
    if body.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or b"\x00" in body[:4]:
        return body  # UTF-16/32: feedparser handles these
    declaration = _XML_DECLARATION.match(body.removeprefix(codecs.BOM_UTF8))
    if declaration and declaration.group(1).lower() not in (b"utf-8", b"utf8"):
        return body  # another declared encoding: feedparser handles it
    try:
        body.decode("utf-8")
        return body
    except UnicodeDecodeError as error:
        first_bad = error.start
    text = body.decode("utf-8", errors="replace")
    if _CYRILLIC.search(text):
        text = body.decode("utf-8", errors="syndication-cp1251-letters")
    how = "replaced with “\ufffd”" if "\ufffd" in text else "read as Windows-1251 (Cyrillic)"
    line_start = text.rfind("\n", 0, len(body[:first_bad].decode("utf-8"))) + 1
    line = re.sub(r"<[^>]*>", " ", text[line_start:].split("\n", 1)[0])
    line = plain_text(escape(" ".join(line.split())), limit=80)
    warnings.append(
        "The feed says it is UTF-8 but some of its text is in another encoding; those "
        f"characters were {how}. Check the affected items, starting with “{line}”."
    )
    return text.encode("utf-8")


def _describe(error: Exception) -> str:
    """An XML error as editors can use it: "line 5: syntax error", not "<unknown>:5:0: …"."""
    if hasattr(error, "getLineNumber"):
        return f"line {error.getLineNumber()}: {error.getMessage()}"
    return str(error)


def _declares_entities(body: bytes) -> bool:
    """True when the DOCTYPE declares entities (feedparser drops them: XXE, entity bombs)."""
    root = re.search(rb"<\w", body)
    return b"<!ENTITY" in body[: root.start() if root else len(body)]


# --- fields ---------------------------------------------------------------------------------


def _title(node) -> str:
    """Titles are plain text; Atom allows HTML titles, which are reduced to text."""
    detail = node.get("title_detail") or {}
    value = node.get("title") or ""
    if "html" in detail.get("type", ""):
        return plain_text(value, limit=len(value))
    return " ".join(value.split())


def _as_html(detail) -> str:
    """A feedparser text construct as HTML: plain text is escaped, blank lines make paragraphs."""
    value = (detail.get("value") or "").strip()
    if "html" in detail.get("type", "text/html"):
        return value
    paragraphs = re.split(r"\n\s*\n", value)
    return "\n".join(f"<p>{escape(p.strip())}</p>" for p in paragraphs if p.strip())


def _content_html(entry, base: str) -> str:
    """Full content (content:encoded, Atom content) before the summary (description).

    feedparser resolves relative URLs against xml:base only; what is still relative is
    resolved here against the item link (or the feed address when there is no link).
    """
    for detail in [*entry.get("content", []), entry.get("summary_detail")]:
        if detail and (detail.get("value") or "").strip():
            resolver = _ItemLinkResolver(base, "utf-8", "text/html")
            resolver.feed(_as_html(detail))
            return resolver.output()
    return ""


class _ItemLinkResolver(RelativeURIResolver):
    """feedparser's own resolver (the one it uses for xml:base), except that a value which
    is absolute once entities and whitespace are decoded ("java&#x09;script:…") is left as
    it is for the sanitiser to drop, not turned into a path on the partner's site."""

    def resolve_uri(self, uri):
        try:
            absolute = bool(urlsplit(re.sub(r"[\x00-\x20\x7f]", "", unescape(uri))).scheme)
        except ValueError:
            absolute = True
        return uri if absolute else super().resolve_uri(uri)


def _summary(entry, content_html: str) -> str:
    """The feed's own summary when it also gives full content, else the start of the content."""
    detail = entry.get("summary_detail")
    has_own_summary = detail and entry.get("content") and (detail.get("value") or "").strip()
    return plain_text(_as_html(detail) if has_own_summary else content_html, SUMMARY_LENGTH)


def _date(entry) -> datetime | None:
    """Publication date in UTC. RSS 1.0 (dc:date) only fills `updated`, hence the fallback."""
    for field in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = dict.get(entry, field)  # plain dict lookup: skips feedparser's deprecated aliases
        if parsed:
            try:
                return datetime(*parsed[:6], tzinfo=UTC)  # feedparser gives UTC struct_time
            except (TypeError, ValueError):
                continue
    return None


def _language(value: str | None) -> str:
    """Two-letter code: "ru-RU", "ru_RU", "RU" give "ru"; anything else gives ""."""
    primary = re.split(r"[-_]", (value or "").strip(), maxsplit=1)[0].lower()
    return primary if re.fullmatch(r"[a-z]{2}", primary) else ""


def _names(node) -> list[str]:
    names = [(a.get("name") or "").strip() for a in node.get("authors") or []]
    names = [n for n in names if n] or [(node.get("author") or "").strip()]
    return list(dict.fromkeys(n for n in names if n))


def _hash_key(title: str, published: datetime | None, content: str) -> str:
    """Key for items with neither GUID nor link: the same title on another date is another
    item. Content counts only when there is no title and no date, so re-parses stay stable."""
    parts = [title, published.isoformat() if published else ""]
    if not title and not published:
        parts.append(content)
    return "sha256:" + _sha256(*parts)


def _sha256(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def _http_url(value: str) -> str:
    """Only http(s) links are kept: an item link is shown to readers as "original"."""
    try:
        parts = urlsplit(value)
    except ValueError:
        return ""
    return value if parts.scheme in ("http", "https") and parts.netloc else ""


def _positive_int(value) -> int | None:
    try:
        number = int(str(value).strip())
    except ValueError:
        return None
    return number if number > 0 else None


# --- not a feed -----------------------------------------------------------------------------


class _FeedLinkFinder(HTMLParser):
    """Finds <link rel="alternate" type="application/atom+xml|rss+xml" href="..."> in a page."""

    TYPES = ("application/atom+xml", "application/rss+xml")

    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = {name: (value or "") for name, value in attrs}
        if (
            tag == "link"
            and "alternate" in attrs.get("rel", "").lower().split()
            and attrs.get("type", "").lower().strip() in self.TYPES
            and attrs.get("href", "").strip()
        ):
            self.hrefs.append(attrs["href"].strip())


def _not_a_feed(body: bytes, url: str, error) -> NotAFeedError:
    start = body[:2048].decode("utf-8", errors="replace").lstrip("\ufeff \t\r\n").lower()
    if not start:
        return NotAFeedError("The address gives an empty response, not a feed.")
    if start.startswith("{"):
        return NotAFeedError(
            "The address gives JSON, not an RSS or Atom feed (JSON Feed is not supported)."
        )
    if "<html" in start or start.startswith("<!doctype html"):
        finder = _FeedLinkFinder()
        finder.feed(body.decode("utf-8", errors="replace"))
        suggestion = next((u for u in (_http_url(urljoin(url, h)) for h in finder.hrefs) if u), "")
        # The suggestion stays out of the message: callers show it (poll.py appends it).
        return NotAFeedError(
            "The address gives a web page, not a feed.", suggested_feed_url=suggestion
        )
    detail = f" ({_describe(error)})" if error else ""
    return NotAFeedError(f"The address does not give an RSS or Atom feed{detail}.")
