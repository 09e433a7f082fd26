"""Organisations (partners, publishers, co-signers) and the topics statements carry."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from network.languages import language_name, validate_language_codes


class Organisation(TranslatableMixin, index.Indexed, models.Model):
    """A group in the network: it publishes, co-signs or endorses."""

    name = models.CharField(_("name"), max_length=255)
    short_name = models.CharField(
        _("short name"), max_length=50, blank=True, help_text=_("For example: RSD")
    )
    native_name = models.CharField(_("name in its own language"), max_length=255, blank=True)
    website = models.URLField(_("website"), blank=True)
    countries = CountryField(_("countries"), multiple=True, blank=True)
    languages = models.CharField(
        _("languages"),
        max_length=100,
        blank=True,
        validators=[validate_language_codes],
        help_text=_("Language codes it publishes in, separated by commas: ru, en"),
    )
    logo = models.ForeignKey(
        "network.NetworkImage",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    description = RichTextField(_("description"), blank=True, features=["bold", "italic", "link"])

    panels = [
        FieldPanel("name"),
        FieldPanel("short_name"),
        FieldPanel("native_name"),
        FieldPanel("website"),
        FieldPanel("countries"),
        FieldPanel("languages"),
        FieldPanel("logo"),
        FieldPanel("description"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("short_name"),
        index.SearchField("native_name"),
        index.FilterField("locale_id"),
    ]
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("description"),
        SynchronizedField("short_name", overridable=False),
        SynchronizedField("native_name", overridable=False),
        SynchronizedField("website", overridable=False),
        SynchronizedField("countries", overridable=False),
        SynchronizedField("languages", overridable=False),
        SynchronizedField("logo"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        """The short name readers know (RSD), else the full name."""
        return self.short_name or self.name

    @property
    def language_names(self) -> list[str]:
        return [language_name(code) for code in self.language_codes]

    @property
    def language_codes(self) -> list[str]:
        return [code.strip() for code in self.languages.split(",") if code.strip()]

    def clean(self):
        super().clean()
        if self.short_name and self.short_name == self.name:
            raise ValidationError({"short_name": _("Leave empty if it is the same as the name.")})


class Topic(TranslatableMixin, models.Model):
    """A subject statements are filed under (political prisoners, anti-war movement)."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100)

    panels = [FieldPanel("name"), FieldPanel("slug")]
    translatable_fields = [TranslatableField("name"), SynchronizedField("slug", overridable=False)]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self) -> str:
        return self.name
