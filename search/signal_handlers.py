"""Refresh a page's search entry whenever the page row is saved."""

from django.db.models.signals import post_save
from wagtail.models import Page

from .indexing import index_page


def page_saved(sender, instance, update_fields=None, raw=False, **kwargs):
    if raw or not isinstance(instance, Page):
        return
    if update_fields is not None:
        # A partial save (e.g. a draft revision) may leave unsaved, unpublished values on
        # the instance: read what the database holds instead.
        instance = Page.objects.get(pk=instance.pk)
    index_page(instance)


def register_signal_handlers():
    post_save.connect(page_saved, dispatch_uid="search.page_saved")
