"""The sitemap: every language tree of the site, each page with its language versions.

Wagtail's own sitemap lists the pages under the site's root page only, that is the
default language's tree, and no alternates. Search engines find the other languages
here, through ``<xhtml:link rel="alternate" hreflang>`` on every ``<url>``, which
Django's sitemap template writes from each entry's ``alternates``.
"""

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from network import alternates


class TranslatedSitemap(Sitemap):
    def items(self):
        homes = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        in_this_site = Q()
        for home in homes:
            in_this_site |= Q(path__startswith=home.path)
        return (
            Page.objects.live().public().filter(in_this_site).order_by("path").defer_streamfields()
        )

    def _urls(self, page, protocol, domain):
        """One entry per page, with the same addresses as the pages' own hreflang links;
        the versions of the whole sitemap page come from one query."""
        pages = list(self.paginator.page(page).object_list)
        versions = alternates.live_versions(item.translation_key for item in pages)
        urls = []
        for item in pages:
            location = alternates.absolute_url(self.request, item)
            if location is None:
                continue
            urls.append(
                {
                    "item": item,
                    "location": location,
                    "lastmod": self.lastmod(item),
                    "alternates": alternates.alternates(
                        self.request, versions.get(item.translation_key, [])
                    ),
                }
            )
        last_mods = {url["lastmod"] for url in urls}
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls
