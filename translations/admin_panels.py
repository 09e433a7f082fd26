"""The dashboard panel: translation work waiting in the user's languages."""

from wagtail.admin.ui.components import Component
from wagtail.models import Locale

from network.models.roles import locale_ids_of_user
from translations import status

# The states that mean someone has work to do.
WAITING_STATES = (status.MISSING, status.IN_PROGRESS, status.IN_REVIEW, status.STALE)


class TranslationWorkPanel(Component):
    name = "translation_work"
    order = 120
    template_name = "translations/admin/dashboard_panel.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        own = locale_ids_of_user(self.user)
        locales = Locale.objects.order_by("language_code")
        if own:
            locales = locales.filter(pk__in=own)
        locales = list(locales)
        rows = status.translation_matrix(locales=locales)
        counts = status.counts_per_locale(rows, [locale.pk for locale in locales])
        return {
            "states": [(state, status.STATE_LABELS[state]) for state in WAITING_STATES],
            "counts": [
                (locale, [(state, counts[locale.pk][state]) for state in WAITING_STATES])
                for locale in locales
            ],
            "is_filtered": bool(own),
        }
