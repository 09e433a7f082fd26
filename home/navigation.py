"""The main navigation: the sections (home page's children shown in menus) of one
language tree, kept in the cache until a page is published, unpublished, moved or
deleted anywhere (which is rare next to page views)."""

from django.core.cache import cache
from wagtail.models import Page

VERSION_KEY = "home:navigation-version"


def _version() -> int:
    return cache.get_or_set(VERSION_KEY, 1, timeout=None)


def forget_navigation(**kwargs) -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 1, timeout=None)


def sections(request, home_path: str | None = None, language_code: str | None = None):
    """[{title, url, path}] for the tree under ``home_path`` (or the home page of
    ``language_code`` when the request is not for a page)."""
    key = f"home:navigation:{_version()}:{home_path or language_code}"
    cached = cache.get(key)
    if cached is not None:
        return cached
    pages = Page.objects.live().in_menu().filter(depth=3)
    if home_path:
        pages = pages.filter(path__startswith=home_path)
    else:
        pages = pages.filter(locale__language_code=language_code)
    result = [
        {"title": page.title, "url": page.get_url(request), "path": page.path}
        for page in pages.order_by("path")
    ]
    cache.set(key, result, timeout=None)
    return result
