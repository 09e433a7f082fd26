"""One search entry per page, in the page's own language.

Wagtail's database backend indexes every page with one PostgreSQL text search
configuration (wagtail/wagtail#9253), so a Russian page is stemmed as if it were
English. Each entry here records the configuration of its page's language; the query is
parsed with the same configuration row by row, so stemming always follows the page.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page

# PostgreSQL's built-in snowball configurations; languages without one get "simple".
TEXT_SEARCH_CONFIGS = {
    "en": "english",
    "fr": "french",
    "ru": "russian",
    "es": "spanish",
    "de": "german",
}


def text_search_config(language_code: str) -> str:
    return TEXT_SEARCH_CONFIGS.get(language_code.split("-")[0], "simple")


class SearchEntry(models.Model):
    page = models.OneToOneField(
        Page, on_delete=models.CASCADE, related_name="search_entry", verbose_name=_("page")
    )
    locale = models.ForeignKey(Locale, on_delete=models.CASCADE, related_name="+")
    config = models.CharField(_("text search configuration"), max_length=32)
    kind = models.CharField(_("type"), max_length=64, db_index=True)
    title = models.CharField(_("title"), max_length=255)
    text = models.TextField(_("searchable text"), blank=True)
    names = models.TextField(
        _("name keys"),
        blank=True,
        help_text=_("Spellings of the page's name reduced to keys, between spaces."),
    )

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")

    def __str__(self):
        return self.title
