"""Clean partner HTML down to what Wagtail's rich text can hold.

Partner feeds are untrusted: a compromised partner site must not be able to run code on our
pages or make readers' browsers contact its servers. feedparser's own sanitiser leaks several
attacks (entity-encoded javascript: links, data: images, SVG/MathML links, unclosed tags), so
every piece of partner HTML goes through nh3 (ammonia) here, with one fixed allow-list.
"""

import re
from html import unescape
from urllib.parse import urlsplit

import nh3

# The subset of HTML that Wagtail's rich text features (h2-h4, bold, italic, link, lists,
# blockquote, line break) can represent; anything else would be lost or mangled on save.
# <img src alt> stays only so that a later step can download the image into Wagtail's
# library (see strip_images); it must not be published as it is.
ALLOWED_TAGS = frozenset(
    {"p", "h2", "h3", "h4", "b", "strong", "i", "em", "a", "ul", "ol", "li", "blockquote", "br"}
    | {"img"}
)
# "*" must be given, or ammonia keeps its default generic attributes (lang, title) on every tag.
ALLOWED_ATTRIBUTES = {"*": set(), "a": {"href"}, "img": {"src", "alt"}}
URL_SCHEMES = frozenset({"http", "https", "mailto"})
LINK_REL = "noopener noreferrer nofollow"

# Tags whose *content* goes too: code, styling, embedded documents and foreign markup
# (SVG/MathML) carry nothing a reader of a statement needs.
DROPPED_WITH_CONTENT = frozenset(
    {"script", "style", "noscript", "template", "iframe", "object", "embed", "applet"}
    | {"svg", "math", "textarea", "select", "title"}
)

# Browsers drop tabs and newlines anywhere in a URL and trim control characters and spaces
# around it, which is how "java&#x09;script:" slips past naive filters.
_TAB_OR_NEWLINE = re.compile(r"[\t\n\r]")
_C0_AND_SPACE = "".join(map(chr, range(0x21)))


def _safe_url(element: str, attribute: str, value: str) -> str | None:
    """nh3 attribute filter: keep only absolute http(s) URLs (and mailto: for links).

    nh3 already drops disallowed schemes and relative URLs; this second check also refuses
    "https:evil" (no host) and normalises the whitespace tricks browsers would forgive.
    """
    if attribute not in ("href", "src"):
        return value
    url = _TAB_OR_NEWLINE.sub("", value).strip(_C0_AND_SPACE)
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme in ("http", "https") and parts.netloc:
        return url
    if scheme == "mailto" and element == "a" and parts.path:
        return url
    return None


def _cleaner(tags: frozenset[str], attribute_filter=_safe_url) -> nh3.Cleaner:
    return nh3.Cleaner(
        tags=set(tags),
        clean_content_tags=set(DROPPED_WITH_CONTENT),
        attributes={tag: attrs for tag, attrs in ALLOWED_ATTRIBUTES.items() if tag in {*tags, "*"}},
        attribute_filter=attribute_filter,
        url_schemes=set(URL_SCHEMES),
        url_relative="deny",  # also refuses protocol-relative "//host/..." URLs
        link_rel=LINK_REL,
        strip_comments=True,
    )


_SANITISER = _cleaner(ALLOWED_TAGS)
_WITHOUT_IMAGES = _cleaner(ALLOWED_TAGS - {"img"})

# Tidy-ups on nh3's output. Its serialisation is canonical (double-quoted attributes, "<" and
# ">" escaped inside them, only our attributes left), so these patterns are reliable on it.
_LINK_WITHOUT_HREF = re.compile(r'<a rel="[^"]*">(.*?)</a>', re.DOTALL)
_IMG_WITHOUT_SRC = re.compile(r'<img(?![^>]*\ssrc=")[^>]*>')
_EMPTY_PARAGRAPH = re.compile(r"<p>\s*</p>")
_BLANK_LINES = re.compile(r"\n\s*\n")


def _tidy(html: str) -> str:
    """Unwrap links whose unsafe href was removed and drop images left without a source:
    Wagtail's rich text has no use for either."""
    html = _LINK_WITHOUT_HREF.sub(r"\1", html)
    html = _IMG_WITHOUT_SRC.sub("", html)
    html = _EMPTY_PARAGRAPH.sub("", html)
    return _BLANK_LINES.sub("\n", html).strip()


def sanitise_html(html: str) -> str:
    """Partner HTML reduced to the rich-text subset; safe to store and render."""
    return _tidy(_SANITISER.clean(html))


def strip_images(html: str) -> tuple[str, list[str]]:
    """Sanitised HTML without any <img>, and the absolute URLs of the images removed.

    Published statements must not make readers' browsers load a partner's server (it could
    log who reads what), so images are downloaded into Wagtail's library by a later step
    from the URLs returned here.
    """
    urls: list[str] = []

    def collect(element: str, attribute: str, value: str) -> str | None:
        url = _safe_url(element, attribute, value)
        if element == "img" and attribute == "src" and url and url not in urls:
            urls.append(url)
        return url

    _cleaner(ALLOWED_TAGS, attribute_filter=collect).clean(html)
    return _tidy(_WITHOUT_IMAGES.clean(html)), urls


_BLOCK_TAGS = frozenset(
    {"p", "br", "li", "ul", "ol", "blockquote", "div", "section", "article", "figure"}
    | {"figcaption", "pre", "hr", "table", "tr", "td", "th", "dt", "dd"}
    | {"h1", "h2", "h3", "h4", "h5", "h6"}
)
_TEXT_ONLY = nh3.Cleaner(
    tags=set(_BLOCK_TAGS), clean_content_tags=set(DROPPED_WITH_CONTENT), attributes={"*": set()}
)
_TAG = re.compile(r"<[^>]*>")


def plain_text(html: str, limit: int = 300) -> str:
    """Readable text of an HTML fragment, cut at a word boundary to at most `limit` characters.

    Block boundaries become spaces so "<p>a</p><p>b</p>" reads "a b", not "ab". The result
    is text, not HTML: templates must escape it (Django does by default).
    """
    # nh3 first: its output is well-formed, so the simple tag regex below is reliable on it.
    text = _TAG.sub(" ", _TEXT_ONLY.clean(html))
    text = " ".join(unescape(text).split())
    if len(text) <= limit:
        return text
    cut = text[: max(limit - 1, 0)]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,.;:-–—") + "…"
