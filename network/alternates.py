"""The language versions of a page that readers and search engines are pointed to.

A page's versions are its live translations that anyone may read (no view
restriction). The language switcher, the ``<link rel="alternate" hreflang>`` tags and
the sitemap all use the same list, so they never disagree about what exists.
"""

from collections import defaultdict

from django.conf import settings
from wagtail.models import Page

from network.localization import language_code_of_locale
from network.routing import restricted_page_paths

# Translation keys per query: well under the bound SQLite puts on query parameters.
KEYS_PER_QUERY = 500
_LANGUAGE_ORDER = {code: position for position, (code, _name) in enumerate(settings.LANGUAGES)}


def language_of(page) -> str:
    return language_code_of_locale(page.locale_id)


def live_versions(translation_keys) -> dict:
    """{translation key: [its live, public pages in the site's language order]}, in one
    query per 500 keys (restricted paths and locale codes come from the cache)."""
    keys = list(dict.fromkeys(translation_keys))
    restricted = restricted_page_paths()
    versions = defaultdict(list)
    for start in range(0, len(keys), KEYS_PER_QUERY):
        pages = Page.objects.live().filter(translation_key__in=keys[start : start + KEYS_PER_QUERY])
        for page in pages.order_by("pk"):
            if not any(page.path.startswith(path) for path in restricted):
                versions[page.translation_key].append(page)
    for pages in versions.values():
        pages.sort(key=lambda page: _LANGUAGE_ORDER.get(language_of(page), len(_LANGUAGE_ORDER)))
    return versions


def default_version(versions):
    """The version for readers whose language the page is not in (``x-default``): the
    one in the site's default language, else the original. A translation is always
    created after its source, so the oldest version is the original one."""
    for page in versions:
        if language_of(page) == settings.LANGUAGE_CODE:
            return page
    return min(versions, key=lambda page: page.pk, default=None)


def absolute_url(request, page) -> str | None:
    """The page's address on the host the reader (or crawler) asked, so that links work
    whatever the Site record's host name says; without a request, the Site's."""
    if request is None:
        return page.get_full_url()
    url = page.get_url(request)
    return request.build_absolute_uri(url) if url else None


def alternates(request, versions) -> list[dict]:
    """[{lang_code, location}] for every version, then ``x-default``: the shape Django's
    sitemap template reads, and what ``<link rel="alternate" hreflang>`` needs."""
    links = []
    for page in versions:
        url = absolute_url(request, page)
        if url:
            links.append({"lang_code": language_of(page), "location": url})
    fallback = default_version(versions)
    fallback_url = absolute_url(request, fallback) if fallback is not None else None
    if links and fallback_url:
        links.append({"lang_code": "x-default", "location": fallback_url})
    return links
