"""Cheaper page routing and view-restriction checks for public pages.

Wagtail routes ``/en/statements/some-statement/`` one level at a time (a query for
each child and another for its specific type) and checks view restrictions with two
more queries per request. On a site whose readers may be on slow connections, and
whose pages should stay within a small query budget, we find the page by its
``url_path`` in one query and load it with the relations its template needs in one
more, and keep the (rare) restricted paths in the cache.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db.models import Q
from wagtail.models import Page, PageViewRestriction

RESTRICTED_PATHS_CACHE_KEY = "network:restricted-page-paths"


def find_live_descendant(root, path_components):
    """The live page under ``root`` at these path components, fully loaded, or None
    (then the caller falls back to Wagtail's own routing, which also handles sub-URLs
    of routable pages)."""
    url_path = root.url_path + "".join(f"{component}/" for component in path_components)
    found = (
        Page.objects.filter(url_path=url_path, path__startswith=root.path, live=True)
        .values_list("pk", "content_type_id")
        .first()
    )
    if found is None:
        return None
    pk, content_type_id = found
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    related = getattr(model, "select_related_for_serving", ())
    return model.objects.select_related(*related).filter(pk=pk).first()


def restricted_page_paths() -> list[str]:
    return cache.get_or_set(
        RESTRICTED_PATHS_CACHE_KEY,
        lambda: list(PageViewRestriction.objects.values_list("page__path", flat=True)),
        timeout=None,
    )


def outside_restricted_sections() -> Q:
    """Pages outside every view-restricted section, for public lists (the restricted
    paths are cached, so this costs no query once the cache is warm)."""
    private = Q(pk__in=[])
    for path in restricted_page_paths():
        private |= Q(path__startswith=path)
    return ~private


def forget_restricted_page_paths(**kwargs) -> None:
    cache.delete(RESTRICTED_PATHS_CACHE_KEY)


def may_be_restricted(page) -> bool:
    """False only when no view restriction can apply to the page: it is not an alias
    and neither it nor any ancestor carries a restriction."""
    if page.alias_of_id:
        return True
    return any(page.path.startswith(path) for path in restricted_page_paths())
