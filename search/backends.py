"""Finding search entries: per-language full-text search and name matching on PostgreSQL,
plain substring matching on SQLite.

Both return a queryset of :class:`SearchEntry` ordered best first and restricted to
live pages readers may see.
"""

import unicodedata

from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVector,
    TrigramWordSimilarity,
)
from django.db import connection
from django.db.models import Case, F, IntegerField, Q, Value, When
from django.db.models.functions import Replace
from wagtail.models import Page

from .models import SearchEntry
from .snippets import MARK_END, MARK_START, as_html, mark_words
from .spellings import WORD, fold_yo, name_key, name_keys

MAX_QUERY_LENGTH = 200
# word_similarity between the keys of a query and a page's name keys: "Kagarlicki"
# against "kagarlitski" scores 0.73, unrelated short names stay below 0.5.
NAME_SIMILARITY = 0.6


def clean_query(raw: str) -> str:
    """The query as typed, without control or invisible characters (NUL included),
    whitespace collapsed, capped in length."""
    visible = "".join(char for char in raw if unicodedata.category(char)[0] != "C")
    return " ".join(visible.split())[:MAX_QUERY_LENGTH]


def has_words(query: str) -> bool:
    return bool(WORD.search(query))


def visible_entries():
    """Entries of live pages without a view restriction (password, login or groups)."""
    return SearchEntry.objects.filter(page__in=Page.objects.live().public().values("pk"))


def matching_entries(query: str, entries=None):
    entries = visible_entries() if entries is None else entries
    if connection.vendor == "postgresql":
        return _postgresql_matches(query, entries)
    return _simple_matches(query, entries)


def with_snippets(entries, query: str):
    """Evaluate a page of results with highlighted snippets; one query."""
    if connection.vendor == "postgresql":
        entries = entries.annotate(
            marked=SearchHeadline(
                "text",
                _text_query(query),
                config=F("config"),
                start_sel=MARK_START,
                stop_sel=MARK_END,
                max_words=35,
                min_words=15,
                short_word=2,
                highlight_all=False,
            )
        )
    results = list(entries.select_related("page", "page__locale", "locale"))
    for entry in results:
        marked = getattr(entry, "marked", None)
        if marked is None:
            marked = mark_words(entry.text, query)
        entry.snippet = as_html(marked) if entry.text else ""
    return results


def _text_query(query: str):
    # Parsed with each row's own configuration: a Russian page stems the query as Russian.
    return SearchQuery(fold_yo(query), config=F("config"), search_type="websearch")


def _folded(field: str):
    return Replace(Replace(F(field), Value("ё"), Value("е")), Value("Ё"), Value("Е"))


def _postgresql_matches(query: str, entries):
    text_query = _text_query(query)
    document = SearchVector(_folded("title"), weight="A", config=F("config")) + SearchVector(
        "text", weight="B", config=F("config")
    )
    keys = name_keys(query)
    same_name = Q()
    for key in keys:
        same_name &= Q(names__contains=f" {key} ")
    return (
        entries.annotate(
            document=document,
            name_similarity=TrigramWordSimilarity(Value(" ".join(keys)), "names"),
        )
        .filter(Q(document=text_query) | same_name | Q(name_similarity__gte=NAME_SIMILARITY))
        .annotate(rank=SearchRank(document, text_query) + F("name_similarity"))
        .order_by("-rank", "pk")
    )


def _simple_matches(query: str, entries):
    """Every word must appear in the title or text (a trailing plural "s" ignored) or be
    one of the page's name keys."""
    words = WORD.findall(fold_yo(query))
    for word in words:
        stem = word[:-1] if len(word) > 3 and word.lower().endswith("s") else word
        entries = entries.filter(
            Q(title__icontains=stem)
            | Q(text__icontains=stem)
            | Q(names__contains=f" {name_key(word)} ")
        )
    first = words[0] if words else ""
    return entries.annotate(
        rank=Case(When(title__icontains=first, then=1), default=0, output_field=IntegerField())
    ).order_by("-rank", "title", "pk")
