"""Keep the network layer's caches honest."""

from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.models import Locale, PageViewRestriction
from wagtail.signals import post_page_move, workflow_rejected

from network.localization import forget_locale_codes
from network.routing import forget_restricted_page_paths


def remember_deleted_statement(sender, instance, **kwargs):
    """A statement an editor deleted never comes back from its feed."""
    from network.models import FeedItem

    FeedItem.objects.filter(statement_id=instance.pk).update(status=FeedItem.Status.REJECTED)


def remember_rejected_statement(sender, instance, **kwargs):
    """A moderator who rejects an imported statement in "Statement review" decides that
    the network will not republish it: later versions in the feed are not imported."""
    from network.models import FeedItem
    from network.syndication.review import WORKFLOW_NAME

    if instance.workflow.name == WORKFLOW_NAME:
        FeedItem.objects.filter(statement_id=int(instance.object_id)).update(
            status=FeedItem.Status.REJECTED
        )


def connect():
    from network.models import StatementPage

    pre_delete.connect(
        remember_deleted_statement, sender=StatementPage, dispatch_uid="network-deleted-statement"
    )
    for signal in (post_save, post_delete):
        signal.connect(
            forget_restricted_page_paths,
            sender=PageViewRestriction,
            dispatch_uid="network-forget-restricted-paths-" + str(id(signal)),
        )
    workflow_rejected.connect(
        remember_rejected_statement, dispatch_uid="network-rejected-statement"
    )
    # A move changes the tree paths of the page and all its descendants.
    post_page_move.connect(forget_restricted_page_paths, dispatch_uid="network-forget-on-move")
    post_save.connect(forget_locale_codes, sender=Locale, dispatch_uid="network-locale-codes")
