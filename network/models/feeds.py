"""Partner feeds and the items seen in them."""

import datetime

from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

# However often a partner fails, we try again at least once a day.
MAX_BACKOFF = datetime.timedelta(hours=24)


class FeedSourceQuerySet(models.QuerySet):
    def due(self, now=None):
        """Active sources whose next poll time has come (or that were never polled)."""
        now = now or timezone.now()
        return self.filter(is_active=True).filter(
            models.Q(next_poll_at__isnull=True) | models.Q(next_poll_at__lte=now)
        )

    def failing(self):
        return self.filter(is_active=True, consecutive_failures__gt=0)


class FeedSource(models.Model):
    """A partner's RSS or Atom feed that the site polls and republishes from."""

    class Trust(models.TextChoices):
        REVIEW = "review", _("Draft for review")
        PUBLISH = "publish", _("Publish directly")

    organisation = models.ForeignKey(
        "network.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="feed_sources",
        help_text=_("Shown as the publisher of every statement from this feed."),
    )
    url = models.URLField(_("feed address"), max_length=500)
    locale = models.ForeignKey(
        Locale,
        verbose_name=_("language"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The language of items that do not say which language they are in."),
    )
    statement_index = models.ForeignKey(
        "network.StatementIndexPage",
        verbose_name=_("statement list"),
        on_delete=models.PROTECT,
        related_name="feed_sources",
        help_text=_("New statements go here, or under its translation in the item's language."),
    )
    trust = models.CharField(_("trust"), max_length=10, choices=Trust.choices, default=Trust.REVIEW)
    poll_interval_minutes = models.PositiveIntegerField(
        _("poll every (minutes)"), default=60, validators=[MinValueValidator(5)]
    )
    min_interval_minutes = models.PositiveIntegerField(
        _("never more often than (minutes)"),
        default=15,
        validators=[MinValueValidator(5)],
        help_text=_("A lower bound on the feed's own hints (RSS ttl, Cache-Control)."),
    )
    max_interval_minutes = models.PositiveIntegerField(
        _("never less often than (minutes)"),
        default=24 * 60,
        help_text=_("An upper bound on the feed's own hints."),
    )
    is_active = models.BooleanField(_("active"), default=True)

    # Conditional GET validators from the last successful answer.
    etag = models.CharField(max_length=255, blank=True, editable=False)
    last_modified = models.CharField(max_length=255, blank=True, editable=False)

    # Health, at a glance in the admin.
    last_polled_at = models.DateTimeField(_("last polled"), null=True, editable=False)
    last_success_at = models.DateTimeField(_("last success"), null=True, editable=False)
    next_poll_at = models.DateTimeField(_("next poll"), null=True, editable=False, db_index=True)
    last_error = models.TextField(_("last error"), blank=True, editable=False)
    last_warnings = models.TextField(_("last warnings"), blank=True, editable=False)
    consecutive_failures = models.PositiveIntegerField(
        _("failures in a row"), default=0, editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = FeedSourceQuerySet.as_manager()

    class Meta:
        verbose_name = _("feed source")
        verbose_name_plural = _("feed sources")
        ordering = ["organisation__name", "url"]
        constraints = [
            models.UniqueConstraint(
                fields=["url", "statement_index"], name="one_source_per_feed_and_list"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} – {self.url}"

    @property
    def health(self) -> str:
        if not self.is_active:
            return "paused"
        if self.consecutive_failures:
            return "failing"
        if self.last_success_at is None:
            return "waiting"
        return "ok"

    def get_health_display(self) -> str:
        return {
            "paused": _("Paused"),
            "failing": _("Failing"),
            "waiting": _("Not polled yet"),
            "ok": _("Working"),
        }[self.health]


class FeedItem(models.Model):
    """One entry seen in a partner's feed, remembered for good: it is what makes
    every poll idempotent and keeps a rejected statement from coming back."""

    class Status(models.TextChoices):
        IMPORTED = "imported", _("Imported")
        CHANGE_HELD = "change_held", _("Changed in the feed, held for an editor")
        REJECTED = "rejected", _("Rejected or deleted by an editor")

    source = models.ForeignKey(
        FeedSource, verbose_name=_("feed source"), on_delete=models.CASCADE, related_name="items"
    )
    key = models.CharField(_("stable key"), max_length=500)
    link = models.URLField(_("link"), max_length=1000, blank=True)
    title = models.CharField(_("title"), max_length=500)
    published_at = models.DateTimeField(_("published"))
    date_missing = models.BooleanField(
        _("date missing in the feed"),
        default=False,
        help_text=_("The feed gave no usable date; the time it was first seen is used."),
    )
    language = models.CharField(_("language"), max_length=7, blank=True)
    content_hash = models.CharField(max_length=64)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.IMPORTED
    )
    statement = models.ForeignKey(
        "network.StatementPage",
        verbose_name=_("statement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="feed_items",
    )
    # The revision the feed last wrote; a newer one means an editor has worked on it.
    imported_revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    notes = models.TextField(
        _("notes for editors"),
        blank=True,
        editable=False,
        help_text=_("What the import changed or left out, such as images it dropped."),
    )
    held_change = models.JSONField(
        _("change waiting for an editor"), null=True, blank=True, editable=False
    )
    first_seen_at = models.DateTimeField(_("first seen"), default=timezone.now)
    last_seen_at = models.DateTimeField(_("last seen"), default=timezone.now)

    class Meta:
        verbose_name = _("feed item")
        verbose_name_plural = _("feed items")
        ordering = ["-published_at"]
        constraints = [
            models.UniqueConstraint(fields=["source", "key"], name="one_item_per_key_and_source")
        ]

    def __str__(self) -> str:
        return self.title
