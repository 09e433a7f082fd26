"""Navigation and language switcher for the base layout, each one query."""

from django import template
from django.conf import settings
from django.utils.translation import get_language, get_language_info
from wagtail.models import Page

from home import navigation

register = template.Library()


@register.simple_tag(takes_context=True)
def main_navigation(context, page=None):
    """The sections of the language tree the page belongs to (its home's children)."""
    request = context.get("request")
    if page is not None and getattr(page, "path", None):
        return navigation.sections(request, home_path=page.path[: Page.steplen * 2])
    return navigation.sections(request, language_code=get_language())


@register.simple_tag(takes_context=True)
def language_links(context, page=None):
    """One entry per site language: a link to this page's translation where it exists,
    else to that language's home page; marked current for the active language."""
    request = context.get("request")
    current = get_language()
    urls = {}
    if page is not None and getattr(page, "pk", None):
        for translation in page.get_translations(inclusive=True).live().select_related("locale"):
            urls[translation.locale.language_code] = translation.get_url(request)
    links = []
    for code, _name in settings.LANGUAGES:
        url = urls.get(code)
        if url is None and page is None:
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
    return links


@register.simple_tag
def site_name():
    return settings.WAGTAIL_SITE_NAME
