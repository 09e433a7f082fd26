"""URL configuration: the admin outside the language prefix, everything readers see
inside it (``/en/…``, ``/fr/…``). A bare ``/`` is redirected by LocaleMiddleware to
the reader's language from Accept-Language."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from network.api import api_router
from network.robots import robots_txt
from network.sitemaps import TranslatedSitemap
from search import views as search_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": TranslatedSitemap}}),
    path("robots.txt", robots_txt, name="robots_txt"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

if settings.SYNDICATION_ALLOW_LOOPBACK:
    # Sample partner feeds for the demo site to poll from itself (development only:
    # production refuses loopback addresses, so these would be useless there).
    from django.views.static import serve

    urlpatterns += [
        path(
            "demo-feeds/<path:path>",
            serve,
            {"document_root": settings.BASE_DIR / "home" / "fixtures" / "feeds"},
        )
    ]

urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    # Files that pages offer as sub-URLs (/en/prisoners/hearings.ics, …/export.csv):
    # Wagtail's own pattern only matches paths ending in "/", so route these here.
    re_path(
        r"^((?:[\w\-]+/)*[\w\-]+\.(?:ics|csv|json))$",
        wagtail_views.serve,
        name="wagtail_serve_file",
    ),
    path("", include(wagtail_urls)),
)
