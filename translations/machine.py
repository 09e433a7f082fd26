"""Machine translation of a page into several languages at once.

The machine's output is a first draft, never a publication: each language's draft goes
to that language's reviewers. Only strings nobody has translated yet are sent to the
service, in one request per language, and a human translation is never overwritten.
The service is asked before anything is written, and each language is written in its
own transaction, so a language the service failed on is left exactly as it was.
"""

import logging
from dataclasses import dataclass

import requests
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.models import Locale, Page
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.models import (
    StringTranslation,
    Translation,
    TranslationLog,
    TranslationSource,
)
from wagtail_localize.operations import TranslationCreator
from wagtail_localize.strings import StringValue, validate_translation_links

from translations.review import save_translation_draft, send_to_review

logger = logging.getLogger(__name__)

DONE = "done"
UNCHANGED = "unchanged"
FAILED = "failed"


class MachineTranslationFailed(Exception):
    """The service or the page refused the translation into one language."""


@dataclass
class LocaleResult:
    """What happened to one language."""

    locale: Locale
    status: str
    message: str = ""
    page: Page | None = None
    strings_translated: int = 0

    @property
    def done(self) -> bool:
        return self.status == DONE


def machine_translator():
    """The configured translator (``WAGTAILLOCALIZE_MACHINE_TRANSLATOR``), or None."""
    return get_machine_translator()


def machine_translate_page(page, locales, user, translator=None) -> list[LocaleResult]:
    """Machine-translate ``page`` into each of ``locales`` as a draft sent to review.
    Returns one result per locale, in order; a failure in one does not stop the others."""
    translator = translator or machine_translator()
    if translator is None:
        raise MachineTranslationFailed(_("Machine translation is not configured."))
    page = page.specific
    source, _created = TranslationSource.get_or_create_from_instance(page)
    return [_translate_into(page, source, locale, user, translator) for locale in locales]


def _translate_into(page, source, locale, user, translator) -> LocaleResult:
    language = locale.get_display_name()
    try:
        translation = _existing_translation(page, source, locale)
        if not translator.can_translate(source.locale, locale):
            raise MachineTranslationFailed(
                _("%(service)s cannot translate from %(source)s into %(target)s.")
                % {
                    "service": translator.display_name,
                    "source": source.locale.get_display_name(),
                    "target": language,
                }
            )
        pending = untranslated_strings(source, locale)
        if not pending and translation is not None:
            return LocaleResult(
                locale,
                UNCHANGED,
                _("Nothing left to translate into %(language)s; the translation is unchanged.")
                % {"language": language},
                page=page.get_translation(locale),
            )
        machine_text = _ask(translator, source.locale, locale, pending)
        with transaction.atomic():
            filled = _store(machine_text, pending, locale, user, translator.display_name)
            target = _save_draft(page, source, locale, translation, user)
            send_to_review(target, user)
    except MachineTranslationFailed as error:
        return LocaleResult(locale, FAILED, _failure(language, str(error)))
    except ValidationError as error:
        return LocaleResult(locale, FAILED, _failure(language, "; ".join(error.messages)))
    except Exception as error:  # One language's surprise must not stop the others.
        logger.exception("Machine translation of page %s into %s failed", page.pk, locale)
        reason = _("Something unexpected went wrong (%(error)s); the server log has the details.")
        return LocaleResult(
            locale, FAILED, _failure(language, reason % {"error": type(error).__name__})
        )
    return LocaleResult(
        locale,
        DONE,
        ngettext(
            "%(language)s: %(count)s string machine-translated; the draft is waiting for review.",
            "%(language)s: %(count)s strings machine-translated; the draft is waiting for review.",
            filled,
        )
        % {"language": language, "count": filled},
        page=target,
        strings_translated=filled,
    )


def _failure(language: str, reason: str) -> str:
    return _("%(language)s: nothing was changed. %(reason)s") % {
        "language": language,
        "reason": reason,
    }


def _existing_translation(page, source, locale):
    """This page's translation into ``locale``, or None when there is none yet. A page
    in ``locale`` that is not kept by such a translation (written by hand, or translated
    from another language) is left alone."""
    translation = Translation.objects.filter(source=source, target_locale=locale).first()
    existing = page.get_translation_or_none(locale)
    if existing is None or existing.alias_of_id is not None:
        return translation
    if translation is not None and translation.enabled:
        return translation
    other = (
        Translation.objects.filter(
            source__object_id=source.object_id, target_locale=locale, enabled=True
        )
        .select_related("source__locale")
        .first()
    )
    if other is not None:
        raise MachineTranslationFailed(
            _(
                "The %(language)s version is translated from %(source)s: machine-translate "
                "the %(source)s page instead."
            )
            % {
                "language": locale.get_display_name(),
                "source": other.source.locale.get_display_name(),
            }
        )
    raise MachineTranslationFailed(
        _("The %(language)s version is edited by hand; machine translation leaves it alone.")
        % {"language": locale.get_display_name()}
    )


def untranslated_strings(source, locale) -> dict[StringValue, list[tuple[int, int]]]:
    """The page's strings with no translation into ``locale`` yet, each with the
    (string, context) pairs it fills: a string used twice is translated once."""
    translated = set(
        StringTranslation.objects.filter(
            locale=locale, context__object_id=source.object_id
        ).values_list("translation_of_id", "context_id")
    )
    pending = {}
    for segment in source.stringsegment_set.select_related("string").order_by("order"):
        if (segment.string_id, segment.context_id) in translated:
            continue
        pending.setdefault(segment.string.as_value(), []).append(
            (segment.string_id, segment.context_id)
        )
    return pending


def _ask(translator, source_locale, target_locale, pending) -> dict[StringValue, str]:
    """All pending strings in one request; a translation that is not valid string HTML
    (or loses its links) counts as a failed answer."""
    if not pending:
        return {}
    service = translator.display_name
    try:
        answer = translator.translate(source_locale, target_locale, list(pending))
    except requests.HTTPError as error:
        raise MachineTranslationFailed(
            _("%(service)s answered with an error (HTTP %(status)s): %(detail)s")
            % {
                "service": service,
                "status": error.response.status_code,
                "detail": _error_detail(error.response),
            }
        ) from error
    except requests.Timeout as error:
        raise MachineTranslationFailed(
            _("%(service)s did not answer in time.") % {"service": service}
        ) from error
    except requests.ConnectionError as error:
        raise MachineTranslationFailed(
            _("%(service)s could not be reached.") % {"service": service}
        ) from error
    except (requests.RequestException, ValueError, KeyError, TypeError) as error:
        raise MachineTranslationFailed(_unusable(service)) from error
    texts = {}
    for string in pending:
        value = answer.get(string)
        data = getattr(value, "data", None)
        if not isinstance(data, str) or not data.strip():
            raise MachineTranslationFailed(_unusable(service))
        try:
            StringValue.from_translated_html(data)
            validate_translation_links(string.data, data)
        except ValueError as error:
            raise MachineTranslationFailed(_unusable(service)) from error
        texts[string] = data
    return texts


def _unusable(service: str) -> str:
    return _("%(service)s gave an answer that is not a usable translation.") % {"service": service}


def _error_detail(response) -> str:
    try:
        return str(response.json().get("error") or response.reason)
    except (ValueError, AttributeError):
        return response.reason or ""


def _store(machine_text, pending, locale, user, tool_name) -> int:
    """Write the machine's strings where no translation exists yet (a translator may
    have written one while the service was working)."""
    filled = 0
    for string, places in pending.items():
        for string_id, context_id in places:
            _obj, created = StringTranslation.objects.get_or_create(
                translation_of_id=string_id,
                locale=locale,
                context_id=context_id,
                defaults={
                    "data": machine_text[string],
                    "translation_type": StringTranslation.TRANSLATION_TYPE_MACHINE,
                    "tool_name": tool_name,
                    "last_translated_by": user,
                    "has_error": False,
                    "field_error": "",
                },
            )
            filled += int(created)
    return filled


def _save_draft(page, source, locale, translation, user):
    """A draft of the target page with the translated strings. A new translation is
    made the way "Translate this page" makes it (untranslated parents are copied as
    aliases), which already saves the draft with the strings stored above."""
    if translation is None:
        logs = TranslationLog.objects.filter(source=source, locale=locale)
        saved_before = logs.count()
        TranslationCreator(user, [locale]).create_translations(page)
        if logs.count() > saved_before:
            return page.get_translation(locale).specific
        # TranslationCreator keeps quiet when the page refuses to save: save again
        # so that the reason reaches the editor.
        translation = Translation.objects.get(source=source, target_locale=locale)
    return save_translation_draft(translation, user)
