"""Admin registration of the translators' views, menu item and dashboard panel."""

from django.urls import include, path
from wagtail import hooks

from translations import admin_urls


@hooks.register("register_admin_urls")
def register_translation_urls():
    return [path("translations/", include(admin_urls, namespace="translations"))]
