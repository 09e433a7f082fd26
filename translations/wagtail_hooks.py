"""Admin registration of the translators' views, menu item and dashboard panel."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import ListingButton
from wagtail.models import Locale

from network.models.roles import locale_ids_of_user
from translations import admin_urls
from translations.admin_panels import TranslationWorkPanel
from translations.views import locale_guard
from translations.views.machine import machine_translation_configured, user_can_machine_translate
from translations.views.sync import SyncTranslationsView


def works_on_translations(user) -> bool:
    return (
        user.is_superuser
        or user.has_perm("wagtail_localize.submit_translation")
        or bool(locale_ids_of_user(user))
    )


@hooks.register("register_admin_urls")
def register_translation_urls():
    return [path("translations/", include(admin_urls, namespace="translations"))]


# wagtail-localize's "Sync translated pages" can publish every translation at once, with
# no review. Ours, at the same address, cannot for pages; Django resolves the first
# matching pattern, and order=-1 puts this one before wagtail-localize's (which keeps
# its name, so its own reverse("wagtail_localize:update_translations") leads here).
@hooks.register("register_admin_urls", order=-1)
def register_sync_without_publishing():
    return [
        path(
            "localize/update/<int:translation_source_id>/",
            SyncTranslationsView.as_view(),
            name="translations_sync",
        )
    ]


# The same way, wagtail-localize's per-translation views are checked first for the
# translation's language (see translations/views/locale_guard.py).
@hooks.register("register_admin_urls", order=-1)
def register_locale_guards():
    return locale_guard.urlpatterns


class TranslationStatusMenuItem(MenuItem):
    def is_shown(self, request):
        return works_on_translations(request.user)


@hooks.register("register_admin_menu_item")
def register_translation_status_menu_item():
    return TranslationStatusMenuItem(
        _("Translations"),
        reverse("translations:status"),
        icon_name="wagtail-localize-language",
        order=250,
    )


@hooks.register("construct_homepage_panels")
def add_translation_work_panel(request, panels):
    if works_on_translations(request.user) and Locale.objects.count() > 1:
        panels.append(TranslationWorkPanel(request.user))


@hooks.register("register_page_header_buttons")
def translation_status_button(page, user, view_name=None, next_url=None):
    """From any page, the state of each of its translations."""
    if works_on_translations(user) and not page.is_root():
        yield ListingButton(
            _("Translation status"),
            reverse("translations:status") + f"?key={page.translation_key}",
            icon_name="wagtail-localize-language",
            priority=70,
        )


def machine_translate_button(page, user, view_name=None, next_url=None):
    """Beside wagtail-localize's "Translate this page", when a service is configured."""
    if (
        machine_translation_configured()
        and user_can_machine_translate(user)
        and not page.is_root()
        and not page.alias_of_id
    ):
        yield ListingButton(
            _("Machine translate"),
            reverse("translations:machine_translate", args=[page.pk]),
            icon_name="wagtail-localize-language",
            priority=61,
        )


hooks.register("register_page_header_buttons", machine_translate_button)
hooks.register("register_page_listing_more_buttons", machine_translate_button)


class TranslationFilesMenuItem(MenuItem):
    def is_shown(self, request):
        return works_on_translations(request.user)


@hooks.register("register_admin_menu_item")
def register_translation_files_menu_item():
    """PO files for translators' own tools: export, then import."""
    return TranslationFilesMenuItem(
        _("Translation files"),
        reverse("translations:po_export"),
        icon_name="doc-full",
        order=251,
    )


@hooks.register("register_page_header_buttons")
def export_po_button(page, user, view_name=None, next_url=None):
    """From any page, a PO file of its strings for one language."""
    if works_on_translations(user) and not page.is_root():
        yield ListingButton(
            _("Export a PO file"),
            reverse("translations:po_export") + f"?page={page.pk}",
            icon_name="download",
            priority=72,
        )
