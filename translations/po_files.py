"""PO files for translators' own tools: export the strings of pages for one language,
import them back.

A file may hold several pages. Each page is one wagtail-localize ``Translation``: the
header names it (``X-Translation-<uuid>``) with a fingerprint of its source strings,
and every entry's ``msgctxt`` is ``<uuid>:<path of the string in the page>``, so that
entries stay unique across pages and an import knows where each string goes.

An import is all or nothing: it checks the whole file first (language, translations,
permissions, source unchanged since the export) and refuses it with a message naming
the problem and the page, writing nothing; then it stores the strings as
wagtail-localize ``StringTranslation`` rows. The translated page itself is left as it
is: the translator reviews the strings in the editor and submits the draft for review.
"""

import hashlib
import re
import tempfile
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import polib
from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, to_locale
from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation
from wagtail_localize.operations import TranslationCreator

from translations.permissions import may_start_translation
from translations.roles import translators_group_name

TOOL_NAME = "PO file"
TRANSLATION_HEADER = "X-Translation-"
DATE_FORMAT = "%Y-%m-%d %H:%M%z"
EXCERPT_LENGTH = 60


class POFileError(Exception):
    """A refusal, with a message for the person who asked."""


class POExportError(POFileError):
    pass


class POImportError(POFileError):
    pass


@dataclass
class PageImport:
    """What an import did to the strings of one translated page."""

    page: Page
    added: int = 0
    changed: int = 0
    unchanged: int = 0
    untranslated: int = 0  # empty or fuzzy in the file: left as they were
    with_errors: int = 0  # stored, but their markup must be fixed in the editor


@dataclass
class ImportResult:
    locale: object
    pages: list[PageImport] = field(default_factory=list)

    def total(self, name: str) -> int:
        return sum(getattr(page, name) for page in self.pages)


# Export


def source_version(source) -> str:
    """A fingerprint of the strings to translate: it changes when the source's text
    changes (after "Sync translated pages"), not when it is merely synced again."""
    digest = hashlib.sha256()
    for path, text in (
        StringSegment.objects.filter(source=source)
        .order_by("order")
        .values_list("context__path", "string__data")
    ):
        digest.update(f"{path}\0{text}\0".encode())
    return digest.hexdigest()[:16]


def _title(page) -> str:
    return page.get_admin_display_title()


def _existing_translation(page, locale):
    """The synced translation of the page into the locale, from whichever language it
    is translated (a statement from Russian may be translated from its Russian page)."""
    candidates = Translation.objects.filter(
        source__object_id=page.translation_key, target_locale=locale
    ).select_related("source", "target_locale")
    own_source = [c for c in candidates if c.source.locale_id == page.locale_id]
    return (own_source or list(candidates) or [None])[0]


def translation_for_export(page, locale, user=None):
    """The page's Translation into the locale, started as "Translate this page" does
    when there is none yet (a draft page, not live). Raises POExportError when the
    page cannot be exported for that locale or by that user."""
    page = page.specific
    language = locale.get_display_name()
    if page.locale_id == locale.pk:
        raise POExportError(
            _("“%(title)s” is already in %(language)s: choose pages in another language.")
            % {"title": _title(page), "language": language}
        )
    translation = _existing_translation(page, locale)
    if translation is None:
        if page.has_translation(locale):
            raise POExportError(
                _(
                    "The %(language)s version of “%(title)s” was not made with the "
                    "translation tool: edit it directly instead."
                )
                % {"title": _title(page), "language": language}
            )
        if user is not None and not may_start_translation(user, page, locale):
            raise POExportError(
                _("You may not start a %(language)s translation of “%(title)s”.")
                % {"title": _title(page), "language": language}
            )
        TranslationCreator(user=user, target_locales=[locale]).create_translations(page)
        translation = _existing_translation(page, locale)
    if translation is None or not translation.enabled:
        raise POExportError(
            _(
                "The %(language)s version of “%(title)s” is no longer synced with its "
                "source: edit it directly instead."
            )
            % {"title": _title(page), "language": language}
        )
    target = _target_page(translation)
    if target is None:
        raise POExportError(
            _("The %(language)s draft of “%(title)s” could not be created.")
            % {"title": _title(page), "language": language}
        )
    if user is not None and not target.permissions_for_user(user).can_edit():
        raise POExportError(
            _("You may not edit “%(title)s” in %(language)s.")
            % {"title": _title(target), "language": language}
        )
    return translation


def _target_page(translation):
    try:
        target = translation.get_target_instance()
    except ObjectDoesNotExist:  # the page was deleted
        return None
    return target if isinstance(target, Page) else None


def same_newlines(msgid: str, msgstr: str) -> str:
    """msgfmt requires a translation to begin and end with a newline exactly when its
    original does; adjust a translation made elsewhere (in the editor) to that rule."""
    if not msgstr:
        return msgstr
    if msgid.startswith("\n") and not msgstr.startswith("\n"):
        msgstr = "\n" + msgstr
    elif not msgid.startswith("\n"):
        msgstr = msgstr.lstrip("\n")
    if msgid.endswith("\n") and not msgstr.endswith("\n"):
        msgstr += "\n"
    elif not msgid.endswith("\n"):
        msgstr = msgstr.rstrip("\n")
    return msgstr


def _context(translation, path: str) -> str:
    return f"{translation.uuid}:{path}"


def _entries(translation, seen: set):
    """The translation's entries: its current strings, then, as obsolete entries for
    the translator's memory, translations of strings the source no longer has."""
    source = translation.source
    segments = (
        StringSegment.objects.filter(source=source)
        .order_by("order")
        .select_related("context", "string")
        .annotate_translation(translation.target_locale, include_errors=True)
    )
    for segment in segments:
        msgctxt = _context(translation, segment.context.path)
        msgid = segment.string.data
        if not msgid or (msgctxt, msgid) in seen:
            continue  # a string repeated in one field has one translation
        seen.add((msgctxt, msgid))
        yield polib.POEntry(
            msgctxt=msgctxt,
            msgid=msgid,
            msgstr=same_newlines(msgid, segment.translation or ""),
            comment=f"{source.object_repr} · {segment.context.field_path or segment.context.path}",
        )
    obsolete = (
        StringTranslation.objects.filter(
            context__object_id=source.object_id, locale=translation.target_locale
        )
        .exclude(
            translation_of_id__in=StringSegment.objects.filter(source=source).values("string_id")
        )
        .select_related("translation_of", "context")
        .order_by("pk")
    )
    for string_translation in obsolete:
        msgctxt = _context(translation, string_translation.context.path)
        msgid = string_translation.translation_of.data
        if not msgid or (msgctxt, msgid) in seen:
            continue
        seen.add((msgctxt, msgid))
        yield polib.POEntry(
            msgctxt=msgctxt,
            msgid=msgid,
            msgstr=same_newlines(msgid, string_translation.data),
            obsolete=True,
        )


def _revision_date(translations):
    """When the file's content last changed: its newest translated string, or its
    newest source. Stable across exports, so that a round trip gives the same file."""
    sources = [translation.source for translation in translations]
    latest = max(source.last_updated_at for source in sources)
    for translation in translations:
        updated = StringTranslation.objects.filter(
            context__object_id=translation.source.object_id, locale=translation.target_locale
        ).aggregate(latest=Max("updated_at"))["latest"]
        if updated and updated > latest:
            latest = updated
    return latest


def _last_translator(translations):
    newest = (
        StringTranslation.objects.filter(
            context__object_id__in=[t.source.object_id for t in translations],
            locale=translations[0].target_locale,
            last_translated_by__isnull=False,
        )
        .select_related("last_translated_by")
        .order_by("-updated_at", "-pk")
        .first()
    )
    if newest is None:
        return None
    user = newest.last_translated_by
    return user.get_full_name() or user.get_username()


@transaction.atomic
def export_po(pages, locale, user=None) -> polib.POFile:
    """One PO file with the strings of the pages for translation into the locale, and
    the translations made so far. With a user, refuses pages that user may not
    translate; without one (the management command), trusts the caller."""
    unique_pages = list({page.pk: page for page in pages}.values())
    if not unique_pages:
        raise POExportError(_("Choose at least one page to export."))
    translations = [translation_for_export(page, locale, user) for page in unique_pages]
    po = polib.POFile(wrapwidth=200)
    po.header = ngettext(
        "Strings of %(count)d page to translate into %(language)s.",
        "Strings of %(count)d pages to translate into %(language)s.",
        len(translations),
    ) % {"count": len(translations), "language": locale.get_display_name()}
    po.header += "\n" + _(
        "Write translations in msgstr; leave msgctxt and msgid as they are. "
        "An empty msgstr leaves the string untranslated."
    )
    metadata = {
        "Project-Id-Version": settings.WAGTAIL_SITE_NAME,
        "POT-Creation-Date": timezone.now().strftime(DATE_FORMAT),
        "PO-Revision-Date": _revision_date(translations).strftime(DATE_FORMAT),
        "Language-Team": translators_group_name(locale.language_code),
        "Language": to_locale(locale.language_code),
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
    }
    last_translator = _last_translator(translations)
    if last_translator:
        metadata["Last-Translator"] = last_translator
    for translation in translations:
        metadata[f"{TRANSLATION_HEADER}{translation.uuid}"] = source_version(translation.source)
    po.metadata = metadata
    seen = set()
    for translation in translations:
        po.extend(_entries(translation, seen))
    return po


def export_filename(pages, locale) -> str:
    """``<slug>-<language>.po`` for one page, ``batch-<language>.po`` for several."""
    unique = {page.pk: page for page in pages}
    stem = next(iter(unique.values())).slug if len(unique) == 1 else "batch"
    return f"{stem}-{locale.language_code}.po"


# Import


# A blank line, a comment (also #~ obsolete and #| previous entries), a keyword with
# its quoted string, or a quoted continuation. polib reads unterminated strings
# without complaint, so that a truncated file would pass for a shorter one.
PO_LINE = re.compile(
    rb'\s*(?:#.*|(?:(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+)?"(?:[^"\\]|\\.)*")?\s*'
)


def _syntax_error_line(content: bytes):
    for number, line in enumerate(content.splitlines(), start=1):
        if not PO_LINE.fullmatch(line):
            return number
    return None


def _parse(content) -> polib.POFile:
    """Parse through a file: polib reads a string that names an existing file as that
    file, so uploaded content is never handed to it as a string."""
    if isinstance(content, str):
        content = content.encode("utf-8")
    line = _syntax_error_line(content)
    if line is not None:
        raise POImportError(
            _("This is not a valid PO file: syntax error at line %(line)s.") % {"line": line}
        )
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "upload.po"
        path.write_bytes(content)
        try:
            return polib.pofile(str(path))
        except (UnicodeDecodeError, LookupError) as error:
            raise POImportError(
                _("This is not a valid PO file: its text is not in the encoding it declares.")
            ) from error
        except (OSError, ValueError, IndexError) as error:
            line = re.search(r"line (\d+)", str(error))
            if line is None:
                raise POImportError(_("This is not a valid PO file.")) from error
            raise POImportError(
                _("This is not a valid PO file: syntax error at line %(line)s.")
                % {"line": line.group(1)}
            ) from error


def _excerpt(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= EXCERPT_LENGTH else text[: EXCERPT_LENGTH - 1] + "…"


def _language_of(po) -> str:
    return po.metadata.get("Language", "").strip().replace("_", "-").lower()


@dataclass
class _PlannedPage:
    translation: Translation
    target: Page
    # (path, msgid) → (context_id, string_id) for every current string of the source
    strings: dict
    result: PageImport


def _planned_pages(po, locale, user) -> dict[str, _PlannedPage]:
    """Check every translation the header names; refuse the file on the first one
    that cannot be imported by this user into this locale."""
    language = locale.get_display_name()
    versions = {
        key[len(TRANSLATION_HEADER) :]: value.strip()
        for key, value in po.metadata.items()
        if key.startswith(TRANSLATION_HEADER)
    }
    if not versions:
        raise POImportError(
            _("This PO file was not exported from this site: its header names no translation.")
        )
    planned = {}
    for key, version in versions.items():
        try:
            translation = Translation.objects.select_related("source", "target_locale").get(
                uuid=uuid.UUID(key)
            )
        except (ValueError, Translation.DoesNotExist):
            raise POImportError(
                _(
                    "This file names a translation (%(key)s) that does not exist on this "
                    "site. Export a new file from this site."
                )
                % {"key": key}
            ) from None
        target = _target_page(translation)
        title = _title(target) if target is not None else translation.source.object_repr
        if translation.target_locale_id != locale.pk:
            raise POImportError(
                _("“%(title)s” in this file is a translation into %(other)s, not %(language)s.")
                % {
                    "title": title,
                    "other": translation.target_locale.get_display_name(),
                    "language": language,
                }
            )
        if target is None or not translation.enabled:
            raise POImportError(
                _(
                    "The %(language)s version of “%(title)s” no longer exists or is no "
                    "longer synced with its source."
                )
                % {"title": title, "language": language}
            )
        if not target.permissions_for_user(user).can_edit():
            raise POImportError(
                _("You may not edit “%(title)s” in %(language)s.")
                % {"title": title, "language": language}
            )
        if version != source_version(translation.source):
            raise POImportError(
                _(
                    "The source of “%(title)s” has changed since this file was exported. "
                    "Export a new file and copy your translations into it."
                )
                % {"title": title}
            )
        strings = {
            (path, text): (context_id, string_id)
            for path, text, context_id, string_id in StringSegment.objects.filter(
                source=translation.source
            ).values_list("context__path", "string__data", "context_id", "string_id")
        }
        planned[key] = _PlannedPage(translation, target, strings, PageImport(page=target))
    return planned


def _planned_entries(po, planned):
    """Each live entry with its page and its string; refuses entries that do not
    belong to a page of the header or no longer match their source string."""
    entries = []
    seen = {}
    for entry in po:
        if entry.obsolete:
            continue
        key, _sep, path = (entry.msgctxt or "").partition(":")
        page = planned.get(key)
        if page is None or not path:
            raise POImportError(
                _(
                    "The entry “%(text)s” does not belong to any page named in the file's "
                    "header: its msgctxt was changed."
                )
                % {"text": _excerpt(entry.msgid)}
            )
        if entry.msgid_plural:
            raise POImportError(
                _("The entry “%(text)s” has plural forms, which pages do not use.")
                % {"text": _excerpt(entry.msgid)}
            )
        ids = page.strings.get((path, entry.msgid))
        if ids is None:
            raise POImportError(
                _(
                    "The text “%(text)s” of “%(title)s” no longer matches its source. "
                    "Export a new file and copy your translations into it."
                )
                % {"text": _excerpt(entry.msgid), "title": _title(page.target)}
            )
        msgstr = "" if entry.fuzzy else same_newlines(entry.msgid, entry.msgstr)
        if seen.setdefault((key, path, entry.msgid), msgstr) != msgstr:
            raise POImportError(
                _("The text “%(text)s” of “%(title)s” appears twice with different translations.")
                % {"text": _excerpt(entry.msgid), "title": _title(page.target)}
            )
        entries.append((page, ids, entry.msgid, msgstr))
    return entries


def _store(page, ids, msgid, msgstr, existing, user):
    context_id, string_id = ids
    result = page.result
    if not msgstr:
        result.untranslated += 1
        return
    current = existing.get((string_id, context_id))
    if current is None:
        current = StringTranslation(
            translation_of_id=string_id,
            locale_id=page.translation.target_locale_id,
            context_id=context_id,
            data=msgstr,
        )
        result.added += 1
    elif msgstr in (current.data, same_newlines(msgid, current.data)):
        result.unchanged += 1
        result.with_errors += int(current.has_error)
        return
    else:
        current.data = msgstr
        result.changed += 1
    current.translation_type = StringTranslation.TRANSLATION_TYPE_MANUAL
    current.tool_name = TOOL_NAME
    current.last_translated_by = user
    current.has_error = False  # checked again by save()
    current.field_error = ""
    current.save()
    existing[(string_id, context_id)] = current
    result.with_errors += int(current.has_error)


@transaction.atomic
def import_po(content, locale, user) -> ImportResult:
    """Store the translations of a PO file exported by ``export_po``. Refuses the whole
    file (POImportError, nothing written) when it is malformed, for another language,
    for a translation that does not exist, for a page the user may not edit, or
    exported before its source changed. An empty msgstr leaves a string as it was."""
    po = _parse(content)
    language = _language_of(po)
    if not language:
        raise POImportError(_("This PO file does not say which language it is in."))
    if language != locale.language_code.lower():
        raise POImportError(
            _("This PO file is in “%(found)s”, not %(language)s (%(code)s).")
            % {
                "found": language,
                "language": locale.get_display_name(),
                "code": locale.language_code,
            }
        )
    planned = _planned_pages(po, locale, user)
    entries = _planned_entries(po, planned)
    existing = {}
    for page in planned.values():
        existing.update(
            ((st.translation_of_id, st.context_id), st)
            for st in StringTranslation.objects.filter(
                locale_id=page.translation.target_locale_id,
                context__object_id=page.translation.source.object_id,
            )
        )
    for page, ids, msgid, msgstr in entries:
        _store(page, ids, msgid, msgstr, existing, user)
    return ImportResult(locale=locale, pages=[page.result for page in planned.values()])


def import_summary(result: ImportResult) -> list[str]:
    """One line per page, for a message in the admin or the command's output."""
    lines = []
    for page in result.pages:
        line = _(
            "“%(title)s”: %(added)d added, %(changed)d changed, %(unchanged)d unchanged, "
            "%(untranslated)d without translation."
        ) % {
            "title": _title(page.page),
            "added": page.added,
            "changed": page.changed,
            "unchanged": page.unchanged,
            "untranslated": page.untranslated,
        }
        if page.with_errors:
            line += " " + _("%(count)d with markup errors to fix in the editor.") % {
                "count": page.with_errors
            }
        lines.append(line)
    return lines
