"""What changed in a translation's source since the translator last worked on it.

wagtail-localize keys a translated string by its source text (``String``) and by where
it sits (``TranslationContext``: the object and a content path such as
``body.<block id>``). When the source text of a paragraph changes, a sync makes a new
``String`` for the same context; the French text written for the old ``String`` stays
in the database but no longer applies. These functions find those old translations so
that a translator sees the old and the new source text and what they had written,
instead of a blank segment.
"""

import difflib
import re
from dataclasses import dataclass, field

from django.core.exceptions import FieldDoesNotExist
from django.db.models import OuterRef, Subquery
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from wagtail import blocks
from wagtail.fields import StreamField
from wagtail_localize.models import StringSegment, StringTranslation


@dataclass(frozen=True)
class SegmentToTranslate:
    """A segment of the current source with no usable translation in the target locale.

    ``old_source`` and ``previous_translation`` are set when the same place in the
    content had been translated before, for an earlier source text."""

    segment_id: int
    label: str
    new_source: str
    old_source: str | None = None
    previous_translation: str | None = None

    @property
    def changed(self) -> bool:
        return self.old_source is not None

    @property
    def diff(self):
        """The new source against the old one, word by word, as safe HTML."""
        if self.old_source is None:
            return escape(self.new_source)
        return word_diff(self.old_source, self.new_source)


@dataclass(frozen=True)
class SourceChanges:
    to_translate: list[SegmentToTranslate] = field(default_factory=list)
    # Segments of the current source that have a translation (unchanged ones keep it).
    translated_count: int = 0

    @property
    def changed(self) -> list[SegmentToTranslate]:
        """Segments whose source text changed after they had been translated."""
        return [segment for segment in self.to_translate if segment.changed]

    @property
    def new(self) -> list[SegmentToTranslate]:
        """Segments that were never translated (new content, or a translation not done)."""
        return [segment for segment in self.to_translate if not segment.changed]


def source_changes(translation) -> SourceChanges:
    """The segments of ``translation``'s source that need work in its target locale,
    with the old source text and the previous translation where there was one.

    Two queries, whatever the number of segments."""
    locale_id = translation.target_locale_id
    segments = list(
        StringSegment.objects.filter(source_id=translation.source_id)
        .select_related("string", "context")
        .annotate(
            translation_text=Subquery(
                StringTranslation.objects.filter(
                    translation_of_id=OuterRef("string_id"),
                    context_id=OuterRef("context_id"),
                    locale_id=locale_id,
                    has_error=False,
                ).values("data")[:1]
            )
        )
        .order_by("order")
    )
    untranslated = [segment for segment in segments if segment.translation_text is None]
    if not untranslated:
        return SourceChanges(translated_count=len(segments))

    previous = _previous_translations(segments, untranslated, locale_id)
    model = translation.source.specific_content_type.model_class()
    labels = {}
    to_translate = []
    for segment in untranslated:
        field_path = segment.context.field_path or segment.context.path
        if field_path not in labels:
            labels[field_path] = segment_label(model, field_path)
        earlier = previous.get(segment.pk)
        to_translate.append(
            SegmentToTranslate(
                segment_id=segment.pk,
                label=labels[field_path],
                new_source=segment.string.data,
                old_source=earlier.translation_of.data if earlier else None,
                previous_translation=earlier.data if earlier else None,
            )
        )
    return SourceChanges(
        to_translate=to_translate, translated_count=len(segments) - len(untranslated)
    )


def _previous_translations(segments, untranslated, locale_id):
    """For each untranslated segment (by id), the translation made in its context for
    an earlier source text, or nothing.

    A context holds several segments when a rich-text block has several paragraphs; if
    more than one of them changed, each is paired with the old text most like it."""
    current = {(segment.string_id, segment.context_id) for segment in segments}
    context_ids = {segment.context_id for segment in untranslated}
    candidates = {}
    for old in (
        StringTranslation.objects.filter(
            context_id__in=context_ids, locale_id=locale_id, has_error=False
        )
        .select_related("translation_of")
        .order_by("-updated_at", "-pk")
    ):
        if (old.translation_of_id, old.context_id) not in current:
            candidates.setdefault(old.context_id, []).append(old)

    by_context = {}
    for segment in untranslated:
        by_context.setdefault(segment.context_id, []).append(segment)

    previous = {}
    for context_id, waiting in by_context.items():
        olds = candidates.get(context_id, [])
        if not olds:
            continue
        if len(waiting) == 1:
            # The latest translation in this place: after several edits of a paragraph,
            # the one the translator wrote last.
            previous[waiting[0].pk] = olds[0]
            continue
        # Most alike first; among equals, the most recent translation first.
        pairs = sorted(
            (-_similarity(old.translation_of.data, segment.string.data), rank, i)
            for rank, old in enumerate(olds)
            for i, segment in enumerate(waiting)
        )
        used_old, used_segment = set(), set()
        for _score, rank, i in pairs:
            if rank in used_old or i in used_segment:
                continue
            used_old.add(rank)
            used_segment.add(i)
            previous[waiting[i].pk] = olds[rank]
    return previous


def _similarity(old: str, new: str) -> float:
    return difflib.SequenceMatcher(None, old, new, autojunk=False).ratio()


def segment_label(model, field_path: str) -> str:
    """A reader's name for where a segment sits, from its context's field path:
    "Title", "Text" for a paragraph block of the body, "Quote › Attribution" for a
    field of a struct block.
    Falls back to the path itself for anything it does not know."""
    names = field_path.split(".")
    try:
        model_field = model._meta.get_field(names[0])
    except (FieldDoesNotExist, AttributeError):
        return field_path
    if isinstance(model_field, StreamField):
        labels = []
        block = model_field.stream_block
        for name in names[1:]:
            if isinstance(block, blocks.ListBlock):
                block = block.child_block
            child_blocks = getattr(block, "child_blocks", None)
            if not child_blocks or name not in child_blocks:
                break
            block = child_blocks[name]
            labels.append(capfirst(str(block.label)))
        if labels:
            return " › ".join(labels)
        return capfirst(str(model_field.verbose_name))
    related_model = getattr(model_field, "related_model", None)
    if model_field.one_to_many and related_model is not None and len(names) > 1:
        try:
            child = related_model._meta.get_field(names[1])
        except FieldDoesNotExist:
            return capfirst(str(related_model._meta.verbose_name))
        return "{} › {}".format(
            capfirst(str(related_model._meta.verbose_name)),
            capfirst(str(getattr(child, "verbose_name", names[1]))),
        )
    return capfirst(str(getattr(model_field, "verbose_name", names[0])))


_WORDS = re.compile(r"\s+|[^\s]+")


def word_diff(old: str, new: str):
    """``new`` with the words taken out of ``old`` in <del> and the words put in, in
    <ins>; everything escaped (source text may hold inline HTML)."""
    old_words = _WORDS.findall(old)
    new_words = _WORDS.findall(new)
    parts = []
    matcher = difflib.SequenceMatcher(None, old_words, new_words, autojunk=False)
    for operation, old_from, old_to, new_from, new_to in matcher.get_opcodes():
        removed = escape("".join(old_words[old_from:old_to]))
        added = escape("".join(new_words[new_from:new_to]))
        if operation == "equal":
            parts.append(added)
            continue
        if removed.strip():
            parts.append(f"<del>{removed}</del>")
        if added.strip():
            parts.append(f"<ins>{added}</ins>")
        elif added:
            parts.append(added)
    return mark_safe("".join(parts))
