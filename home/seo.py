"""What search engines and link previews read about a page: its canonical address,
OpenGraph tags and JSON-LD. Plain functions of a page and a request, so tests can call
them directly; the ``seo`` template tags only put their results into ``<head>``.

This module sits in the top layer because it knows every page type (statements are
news articles, prisoners are people, the home page is the web site).
"""

import json
from urllib.parse import urlsplit

from django.conf import settings
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from wagtail.images.models import AbstractImage
from wagtail.models import Page

from campaigns.models import CampaignPage, PrisonerPage
from home.models import HomePage
from network import alternates
from network.localization import language_code_of_locale
from network.models import SectionIndexPage, StatementPage

# OpenGraph wants language_TERRITORY; the territory where most readers of each
# language live is a guess that previews only use for typography.
OG_LOCALES = {
    "en": "en_GB",
    "fr": "fr_FR",
    "ru": "ru_RU",
    "uk": "uk_UA",
    "es": "es_ES",
    "de": "de_DE",
    "fa": "fa_IR",
}
# Large enough for link previews, never cropped: a cropped face is worse than a border.
SHARE_IMAGE_SPEC = "max-1200x1200"
# Characters that could end a <script> element or confuse an HTML parser, written as
# JSON escapes (the same as Django's json_script), plus the two line separators that
# older JavaScript parsers treat as line ends.
_SCRIPT_ESCAPES = {
    ord("<"): "\\u003C",
    ord(">"): "\\u003E",
    ord("&"): "\\u0026",
    0x2028: "\\u2028",
    0x2029: "\\u2029",
}


def canonical_url(request, page=None) -> str:
    """The page's one address: absolute, on the host asked, without query strings
    except the page number of a paginated list (``?page=2``)."""
    if isinstance(page, Page) and page.pk is not None:
        url = alternates.absolute_url(request, page) or request.build_absolute_uri(request.path)
    else:
        url = request.build_absolute_uri(request.path)
    number = request.GET.get("page", "")
    if number.isdigit() and int(number) > 1:
        url = f"{url}?page={int(number)}"
    return url


def share_image(page):
    """The image a link preview should show: a prisoner's photo unless it is hidden,
    a campaign's image; else none."""
    image = getattr(page, "visible_photo", None) if isinstance(page, PrisonerPage) else None
    if isinstance(page, CampaignPage):
        image = page.image
    return image if isinstance(image, AbstractImage) else None


def share_image_rendition(request, page) -> dict | None:
    """{url, width, height, alt} of the share image, absolute, or None when the image
    would come from another host (readers' previews must not call third parties)."""
    image = share_image(page)
    if image is None:
        return None
    rendition = image.get_rendition(SHARE_IMAGE_SPEC)
    url = request.build_absolute_uri(rendition.url)
    if urlsplit(url).netloc != request.get_host():
        return None
    return {
        "url": url,
        "width": rendition.width,
        "height": rendition.height,
        "alt": image.default_alt_text,
    }


def og_type(page) -> str:
    if isinstance(page, StatementPage):
        return "article"
    if isinstance(page, PrisonerPage):
        return "profile"
    return "website"


def og_locales(language_code: str, language_alternates) -> tuple[str, list[str]]:
    """og:locale for the page's language and og:locale:alternate for its translations."""
    current = OG_LOCALES.get(language_code, language_code)
    others = []
    for alternate in language_alternates:
        code = alternate["lang_code"]
        if code not in ("x-default", language_code):
            others.append(OG_LOCALES.get(code, code))
    return current, others


def page_language(page) -> str:
    if isinstance(page, Page) and page.locale_id:
        return language_code_of_locale(page.locale_id)
    return get_language() or settings.LANGUAGE_CODE


def _organisation(organisation) -> dict:
    data = {"@type": "Organization", "name": organisation.name}
    other_names = [n for n in (organisation.short_name, organisation.native_name) if n]
    if other_names:
        data["alternateName"] = other_names
    if organisation.website:
        data["url"] = organisation.website
    return data


def _site_organisation(request, language_code: str) -> dict:
    return {
        "@type": "Organization",
        "name": settings.WAGTAIL_SITE_NAME,
        "url": request.build_absolute_uri(f"/{language_code}/"),
    }


def _statement(request, page, url, language_code) -> dict:
    """A republished statement: a news article by its first publisher, based on the
    original (``isBasedOn``), as the page's own provenance box says."""
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": page.title[:110],
        "url": url,
        "mainEntityOfPage": url,
        "inLanguage": language_code,
    }
    published = page.first_published_on or page.first_published_at
    if published:
        data["datePublished"] = published.isoformat()
    if page.last_published_at:
        data["dateModified"] = page.last_published_at.isoformat()
    if page.description or page.summary:
        data["description"] = page.description or page.summary
    publisher = (
        _organisation(page.publisher)
        if page.publisher
        else _site_organisation(request, language_code)
    )
    data["publisher"] = publisher
    data["author"] = publisher
    if page.original_url:
        data["isBasedOn"] = page.original_url
    if page.countries:
        data["contentLocation"] = [
            {"@type": "Country", "name": country.name} for country in page.countries
        ]
    return data


def _prisoner(request, page, url, language_code) -> dict:
    """A person: the name in this language, the other spellings and native name (so a
    search in any script finds them), and the country that holds them."""
    data = {
        "@context": "https://schema.org",
        "@type": "Person",
        "name": page.title,
        "url": url,
        "mainEntityOfPage": url,
    }
    other_names = [name for name in [page.native_name, *page.spellings] if name]
    if other_names:
        data["alternateName"] = list(dict.fromkeys(other_names))
    if page.summary or page.description:
        data["description"] = page.summary or page.description
    if page.country:
        # Where they are held, not a nationality we cannot vouch for.
        address = {"@type": "PostalAddress", "addressCountry": page.country.code}
        if page.region:
            address["addressRegion"] = page.region
        data["address"] = address
    return data


def _home(request, page, url, language_code) -> dict:
    search_url = request.build_absolute_uri(reverse("search"))
    return {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": settings.WAGTAIL_SITE_NAME,
        "url": url,
        "inLanguage": language_code,
        "potentialAction": {
            "@type": "SearchAction",
            "target": {"@type": "EntryPoint", "urlTemplate": f"{search_url}?q={{query}}"},
            "query-input": "required name=query",
        },
    }


def structured_data(request, page, url: str, image: dict | None = None) -> dict | None:
    """The page's JSON-LD as a dict, by page type; None for views that are not pages.
    ``image`` is the share image from ``share_image_rendition``."""
    if not isinstance(page, Page):
        return None
    language_code = page_language(page)
    if isinstance(page, StatementPage):
        data = _statement(request, page, url, language_code)
    elif isinstance(page, PrisonerPage):
        data = _prisoner(request, page, url, language_code)
    elif isinstance(page, HomePage):
        return _home(request, page, url, language_code)
    else:
        data = {
            "@context": "https://schema.org",
            "@type": "CollectionPage" if isinstance(page, SectionIndexPage) else "WebPage",
            "name": page.title,
            "url": url,
            "inLanguage": language_code,
        }
        if page.description:
            data["description"] = page.description
    if image:
        data["image"] = image["url"]
    return data


def json_for_script(data) -> str:
    """JSON that is safe inside ``<script type="application/ld+json">``: no text in it
    can close the element, whatever an editor or a partner feed typed."""
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(_SCRIPT_ESCAPES))
