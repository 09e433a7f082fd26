"""Reading page links in the reader's language.

wagtail-localize keeps links to pages (a campaign's prisoners, a statement's
prisoners) pointing at the source page in every translation. These helpers swap
each linked page for its live translation in the wanted locale, one query per model.
"""

from collections import defaultdict

from django.core.cache import cache
from wagtail.models import Locale


def localized_pages(pages, locale_id):
    """The pages in the same order, each replaced by its live translation in
    ``locale_id`` when one exists; pages that are not live are left out."""
    pages = [page for page in pages if page is not None]
    keys_by_model = defaultdict(set)
    for page in pages:
        if page.locale_id != locale_id:
            keys_by_model[type(page)].add(page.translation_key)
    translations = {}
    for model, keys in keys_by_model.items():
        for translation in model.objects.live().filter(
            locale_id=locale_id, translation_key__in=keys
        ):
            translations[translation.translation_key] = translation
    result = []
    for page in pages:
        page = translations.get(page.translation_key, page)
        if page.live and page not in result:
            result.append(page)
    return result


LOCALE_CODES_CACHE_KEY = "network:locale-codes"


def language_code_of_locale(locale_id) -> str:
    """A locale's language code without a query per page (locales rarely change)."""
    codes = cache.get(LOCALE_CODES_CACHE_KEY)
    if codes is None or locale_id not in codes:
        codes = dict(Locale.all_objects.values_list("pk", "language_code"))
        cache.set(LOCALE_CODES_CACHE_KEY, codes, timeout=3600)
    return codes.get(locale_id, "")


def forget_locale_codes(**kwargs) -> None:
    cache.delete(LOCALE_CODES_CACHE_KEY)
