"""Where each page stands in each language: the translators' overview.

For every group of translations (pages sharing a ``translation_key``) and every
locale, ``translation_matrix()`` works out one state:

- **source**: the page translations are made from;
- **missing**: no page in that language;
- **in progress**: a draft, untranslated segments, or changes requested by a reviewer;
- **in review**: waiting in a workflow for the language's reviewers;
- **stale**: published, but the source has been published again since the
  translation was last synced from it;
- **up to date**: published, with nothing left to do.

The whole matrix takes a fixed number of queries, however many pages there are.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page, WorkflowState
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

SOURCE = "source"
MISSING = "missing"
IN_PROGRESS = "in_progress"
IN_REVIEW = "in_review"
STALE = "stale"
UP_TO_DATE = "up_to_date"

STATE_LABELS = {
    SOURCE: _("Source"),
    MISSING: _("Missing"),
    IN_PROGRESS: _("In progress"),
    IN_REVIEW: _("In review"),
    STALE: _("Stale"),
    UP_TO_DATE: _("Up to date"),
}
# States a translator can act on, in the order the overview counts them.
WORK_STATES = (MISSING, IN_PROGRESS, IN_REVIEW, STALE, UP_TO_DATE)

PAGE_FIELDS = (
    "id",
    "title",
    "translation_key",
    "locale_id",
    "content_type_id",
    "live",
    "has_unpublished_changes",
    "last_published_at",
    "depth",
    "path",
)


@dataclass
class Cell:
    """One page in one language."""

    state: str
    page: Page | None = None
    translation_id: int | None = None
    segments_total: int = 0
    segments_translated: int = 0
    changes_requested: bool = False

    @property
    def label(self):
        return STATE_LABELS[self.state]

    @property
    def segments_missing(self) -> int:
        return self.segments_total - self.segments_translated


@dataclass
class Row:
    """A page and its translations: the source page and a cell per locale."""

    source: Page
    cells: dict = field(default_factory=dict)  # locale id -> Cell

    @property
    def translation_key(self):
        return self.source.translation_key


def _pages(page_queryset):
    return list(page_queryset.only(*PAGE_FIELDS).order_by("path"))


def _segment_progress(source_ids, translation_keys, locale_ids):
    """{(source id, locale id): (segments, translated segments)} in two queries."""
    segments = list(
        StringSegment.objects.filter(source_id__in=source_ids).values_list(
            "source_id", "context_id", "string_id"
        )
    )
    translated = set(
        StringTranslation.objects.filter(
            context__object_id__in=translation_keys,
            locale_id__in=locale_ids,
            has_error=False,
        ).values_list("locale_id", "context_id", "translation_of_id")
    )
    totals = defaultdict(int)
    for source_id, _context_id, _string_id in segments:
        totals[source_id] += 1
    progress = {}
    for locale_id in locale_ids:
        done = defaultdict(int)
        for source_id, context_id, string_id in segments:
            if (locale_id, context_id, string_id) in translated:
                done[source_id] += 1
        for source_id, total in totals.items():
            progress[(source_id, locale_id)] = (total, done[source_id])
    return progress


def _active_workflow_states(page_ids):
    page_type = ContentType.objects.get_for_model(Page)
    states = {}
    for object_id, status in (
        WorkflowState.objects.active()
        .filter(base_content_type=page_type, object_id__in=[str(pk) for pk in page_ids])
        .values_list("object_id", "status")
    ):
        states[int(object_id)] = status
    return states


def _pick_source(pages, sources_by_locale):
    """The page translations come from: the one wagtail-localize syncs from, else
    the oldest (the original the others were copied from)."""
    for page in pages:
        if page.locale_id in sources_by_locale:
            return page
    return min(pages, key=lambda page: page.pk)


def _cell(page, source_page, translation_source, translation, progress, workflow_status):
    if page is None:
        return Cell(MISSING)
    cell = Cell(IN_PROGRESS, page=page, translation_id=translation and translation.pk)
    if translation is not None:
        cell.segments_total, cell.segments_translated = progress.get(
            (translation.source_id, translation.target_locale_id), (0, 0)
        )
    if workflow_status == WorkflowState.STATUS_IN_PROGRESS:
        cell.state = IN_REVIEW
        return cell
    cell.changes_requested = workflow_status == WorkflowState.STATUS_NEEDS_CHANGES
    if not page.live or page.has_unpublished_changes or cell.changes_requested:
        return cell
    synced_at = translation_source.last_updated_at if translation_source else page.last_published_at
    if source_page.last_published_at and synced_at and source_page.last_published_at > synced_at:
        cell.state = STALE
    elif cell.segments_missing:
        cell.state = IN_PROGRESS
    else:
        cell.state = UP_TO_DATE
    return cell


def translation_matrix(page_queryset=None, locales=None) -> list[Row]:
    """A row per group of translations among ``page_queryset`` (default: every page
    below the root), with a cell per locale in ``locales`` (default: all)."""
    if page_queryset is None:
        page_queryset = Page.objects.filter(depth__gt=1)
    locales = list(locales if locales is not None else Locale.objects.order_by("language_code"))
    locale_ids = [locale.pk for locale in locales]

    groups = defaultdict(list)
    for page in _pages(page_queryset):
        groups[page.translation_key].append(page)
    # The other languages' pages of the groups found, wherever the filter left them.
    found_ids = {page.pk for pages in groups.values() for page in pages}
    for page in _pages(
        Page.objects.filter(translation_key__in=list(groups)).exclude(pk__in=found_ids)
    ):
        groups[page.translation_key].append(page)

    keys = list(groups)
    sources = {
        (source.object_id, source.locale_id): source
        for source in TranslationSource.objects.filter(object_id__in=keys).only(
            "id", "object_id", "locale_id", "last_updated_at"
        )
    }
    sources_by_key = defaultdict(dict)
    for (key, locale_id), source in sources.items():
        sources_by_key[key][locale_id] = source
    translations = {
        (translation.source_id, translation.target_locale_id): translation
        for translation in Translation.objects.filter(
            source_id__in=[source.pk for source in sources.values()], enabled=True
        ).only("id", "source_id", "target_locale_id")
    }
    progress = _segment_progress([source.pk for source in sources.values()], keys, locale_ids)
    workflow_states = _active_workflow_states(
        [page.pk for pages in groups.values() for page in pages]
    )

    rows = []
    for key, pages in groups.items():
        source_page = _pick_source(pages, sources_by_key[key])
        translation_source = sources_by_key[key].get(source_page.locale_id)
        by_locale = {page.locale_id: page for page in pages}
        row = Row(source=source_page)
        for locale_id in locale_ids:
            if locale_id == source_page.locale_id:
                row.cells[locale_id] = Cell(SOURCE, page=source_page)
                continue
            page = by_locale.get(locale_id)
            translation = (
                translations.get((translation_source.pk, locale_id)) if translation_source else None
            )
            row.cells[locale_id] = _cell(
                page,
                source_page,
                translation_source,
                translation,
                progress,
                workflow_states.get(page.pk) if page else None,
            )
        rows.append(row)
    rows.sort(key=lambda row: row.source.path)
    return rows


def counts_per_locale(rows, locale_ids) -> dict:
    """{locale id: {state: number of pages}} for the work states."""
    counts = {locale_id: dict.fromkeys(WORK_STATES, 0) for locale_id in locale_ids}
    for row in rows:
        for locale_id in locale_ids:
            state = row.cells[locale_id].state
            if state in counts[locale_id]:
                counts[locale_id][state] += 1
    return counts
