"""Snippets of page text with the matching words marked, safe to put in HTML.

The database (or Python on SQLite) marks matches with private-use characters that page
text never contains; the text is escaped first and only then do the markers become
``<mark>`` elements, so nothing from a page or a query can inject markup.
"""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

from .spellings import WORD, fold_yo

MARK_START = "\ue000"
MARK_END = "\ue001"
SNIPPET_LENGTH = 240


def as_html(marked_text: str) -> str:
    html = escape(marked_text).replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")
    return mark_safe(html)  # noqa: S308 - escaped above, only our own markers remain


def mark_words(text: str, query: str) -> str:
    """A window of ``text`` around the first query word, with query words marked: a plain
    Python stand-in for PostgreSQL's ts_headline, matching words by their beginning."""
    stems = [re.escape(fold_yo(word)[:6]) for word in WORD.findall(query) if len(word) > 1]
    if not text or not stems:
        return text[:SNIPPET_LENGTH]
    pattern = re.compile(r"\b(?:" + "|".join(stems) + r")\w*", re.IGNORECASE)
    first = pattern.search(text)
    start = max(0, first.start() - SNIPPET_LENGTH // 3) if first else 0
    window = text[start : start + SNIPPET_LENGTH]
    if start:
        window = "…" + window.split(" ", 1)[-1]
    if start + SNIPPET_LENGTH < len(text):
        window = window.rsplit(" ", 1)[0] + "…"
    return pattern.sub(lambda match: MARK_START + match.group(0) + MARK_END, window)
