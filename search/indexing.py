"""Keeping search entries in step with the pages they describe."""

from django.utils.html import strip_tags
from wagtail.models import Page
from wagtail.search import index

from .models import SearchEntry, text_search_config
from .snippets import MARK_END, MARK_START
from .spellings import fold_yo, name_keys, spellings_of


def kind_of(page_class) -> str:
    """The type readers filter by: "prisoner", "statement", "campaign", "country"…"""
    name = page_class._meta.model_name
    return name.removesuffix("page") or name


def searchable_text(page) -> str:
    """The text of a page's search fields other than its title and spellings of its name
    (those are matched as names and would only clutter snippets), as plain text."""
    spellings = set(spellings_of(page))
    texts = []
    for field in page.get_search_fields():
        if isinstance(field, index.SearchField) and field.field_name != "title":
            value = _as_text(field.get_value(page))
            lines = {line.strip() for line in value.splitlines() if line.strip()}
            if not lines <= spellings:
                texts.append(value)
        elif isinstance(field, index.RelatedFields):
            related = field.get_value(page)
            objects = related.all() if hasattr(related, "all") else [related]
            for obj in objects:
                if obj is None:
                    continue
                for sub_field in field.fields:
                    if isinstance(sub_field, index.SearchField):
                        texts.append(_as_text(sub_field.get_value(obj)))
    text = "\n".join(text for text in texts if text)
    # Markers are how snippets show matches; page text must never forge them.
    return fold_yo(strip_tags(text)).replace(MARK_START, "").replace(MARK_END, "")


def _as_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "\n".join(_as_text(item) for item in value)
    if isinstance(value, dict):
        return "\n".join(_as_text(item) for item in value.values())
    return str(value)


def index_page(page) -> SearchEntry | None:
    """Create or refresh the entry of one page (the root and site roots included: the
    search view decides what readers may see)."""
    page = page.specific
    if page.is_root():
        return None
    entry, _created = SearchEntry.objects.update_or_create(
        page_id=page.pk,
        defaults={
            "locale_id": page.locale_id,
            "config": text_search_config(page.locale.language_code),
            "kind": kind_of(type(page)),
            "title": page.title[:255],
            "text": searchable_text(page),
            "names": " " + " ".join(name_keys(*spellings_of(page))) + " ",
        },
    )
    return entry


def index_all_pages() -> int:
    count = 0
    for page in Page.objects.specific().iterator(chunk_size=200):
        if index_page(page) is not None:
            count += 1
    return count
