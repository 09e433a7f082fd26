"""Django's LocaleMiddleware, minus its redirect of 404s to a language prefix for the
addresses that live outside one (the API, the admin, feeds of the site as a whole).

For a 404 at ``/api/v2/pages/9/`` Django would redirect to ``/en/api/v2/pages/9/``,
an HTML page, so API clients would never get the API's own JSON 404."""

from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware

UNPREFIXED_PATHS = ("/api/", "/admin/", "/documents/", "/sitemap.xml", "/robots.txt")


class LocaleMiddleware(DjangoLocaleMiddleware):
    def process_response(self, request, response):
        if response.status_code == 404 and request.path_info.startswith(UNPREFIXED_PATHS):
            return response
        return super().process_response(request, response)
