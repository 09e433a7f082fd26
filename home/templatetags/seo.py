"""Canonical address, OpenGraph tags and JSON-LD in ``<head>`` (see ``home.seo``)."""

from django import template
from django.conf import settings
from wagtail.models import Page

from home import seo

register = template.Library()


@register.inclusion_tag("components/seo_head.html", takes_context=True)
def seo_head(context, page=None, languages=None):
    """``languages`` is what ``language_versions`` returned for the same page, so the
    og:locale alternates and the hreflang links name the same translations."""
    request = context.get("request")
    # Error pages (Django's 404 view passes request_path) have no address to point to.
    if request is None or "request_path" in context:
        return {}
    # A view that is not a page (search) passes "" for the missing variable.
    page = page if isinstance(page, Page) else None
    url = seo.canonical_url(request, page)
    language_code = seo.page_language(page)
    locale, locale_alternates = seo.og_locales(
        language_code, (languages or {}).get("alternates", [])
    )
    image = seo.share_image_rendition(request, page) if page is not None else None
    data = seo.structured_data(request, page, url, image)
    return {
        "canonical_url": url,
        "og_title": (page.seo_title or page.title) if page is not None else "",
        "og_description": getattr(page, "description", ""),
        "og_type": seo.og_type(page),
        "og_locale": locale,
        "og_locale_alternates": locale_alternates,
        "site_name": settings.WAGTAIL_SITE_NAME,
        "image": image,
        "json_ld": seo.json_for_script(data) if data else "",
    }
