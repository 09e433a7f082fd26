"""Navigation, language switcher and hreflang links for the base layout, each one query."""

from django import template
from django.conf import settings
from django.utils.translation import get_language, get_language_info
from wagtail.models import Page

from home import navigation
from network import alternates

register = template.Library()


@register.simple_tag(takes_context=True)
def main_navigation(context, page=None):
    """The sections of the language tree the page belongs to (its home's children)."""
    request = context.get("request")
    if page is not None and getattr(page, "path", None):
        return navigation.sections(request, home_path=page.path[: Page.steplen * 2])
    return navigation.sections(request, language_code=get_language())


@register.simple_tag(takes_context=True)
def language_versions(context, page=None):
    """The page's language versions, worked out once per request for both the
    ``hreflang`` links in ``<head>`` and the language switcher.

    ``links``: one entry per site language in which the page exists live (on views
    that are not pages, such as search, every language's home page), marked current
    for the active language. ``alternates``: [{lang_code, location}] with absolute
    addresses, then ``x-default``.
    """
    request = context.get("request")
    current = get_language()
    # A view without a page passes "" (Django's stand-in for a missing variable).
    is_page = isinstance(page, Page)
    versions = []
    if is_page and page.pk is not None:
        versions = alternates.live_versions([page.translation_key])[page.translation_key]
    urls = {alternates.language_of(version): version.get_url(request) for version in versions}
    links = []
    for code, _name in settings.LANGUAGES:
        url = urls.get(code)
        if url is None and not is_page:
            url = f"/{code}/"
        if url is None:
            continue
        info = get_language_info(code)
        links.append(
            {
                "code": code,
                "name": info["name_local"],
                "url": url,
                "is_current": code == current,
                "bidi": info["bidi"],
            }
        )
    return {"links": links, "alternates": alternates.alternates(request, versions)}


@register.simple_tag
def site_name():
    return settings.WAGTAIL_SITE_NAME
