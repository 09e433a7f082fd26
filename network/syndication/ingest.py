"""Turning one parsed feed item into a statement page, exactly once.

Every step is idempotent. The (source, key) unique constraint and a row lock on the
feed item make two workers ingesting the same item at once leave one page; a worker
killed half-way leaves nothing, because the item row and the page are written in one
transaction and a retry starts again from the beginning.
"""

from anyascii import anyascii
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.coreutils import find_available_slug
from wagtail.models import Locale

from network.languages import LANGUAGE_CHOICES
from network.models import FeedItem, FeedSource, StatementPage
from network.signals import statement_ingested
from network.syndication.parse import ParsedItem
from network.syndication.review import statement_review_workflow
from network.syndication.sanitise import plain_text, sanitise_html, strip_images

KNOWN_LANGUAGES = {code for code, _name in LANGUAGE_CHOICES}


class Outcome:
    NEW = "new"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    HELD = "held"
    REJECTED = "rejected"


def ingest_item(source: FeedSource, parsed: ParsedItem, now=None) -> str:
    """Create, update or leave alone the statement for one feed item; say which."""
    now = now or timezone.now()
    with transaction.atomic():
        item = claim_item(source, parsed, now)
        if item.status == FeedItem.Status.REJECTED:
            return touch(item, now, Outcome.REJECTED)
        if item.statement_id is None:
            create_statement(source, parsed, item)
            return Outcome.NEW
        if item.content_hash == parsed.content_hash:
            return touch(item, now, Outcome.UNCHANGED)
        page = item.statement
        if page.latest_revision_id != item.imported_revision_id:
            hold_change(item, parsed, now)
            return Outcome.HELD
        update_statement(source, page, parsed, item)
        return Outcome.UPDATED


def claim_item(source, parsed, now) -> FeedItem:
    """The item's row, created if new, and locked until the transaction ends."""
    try:
        with transaction.atomic():
            FeedItem.objects.get_or_create(
                source=source,
                key=parsed.key,
                defaults={
                    "link": parsed.link[:1000],
                    "title": parsed.title[:500],
                    "published_at": parsed.published,
                    "date_missing": parsed.date_missing,
                    "language": parsed.language,
                    "first_seen_at": now,
                    "last_seen_at": now,
                },
            )
    except IntegrityError:
        pass  # another worker created it first; its row is what we lock below
    # of=("self",): PostgreSQL cannot lock the nullable side of the statement join.
    return (
        FeedItem.objects.select_for_update(of=("self",))
        .select_related("statement")
        .get(source=source, key=parsed.key)
    )


def touch(item, now, outcome):
    FeedItem.objects.filter(pk=item.pk).update(last_seen_at=now)
    return outcome


def hold_change(item, parsed, now):
    """An editor has worked on the page since we imported it: keep their work and
    keep the partner's new version beside it for them to look at."""
    item.status = FeedItem.Status.CHANGE_HELD
    item.held_change = {
        "title": parsed.title,
        "link": parsed.link,
        "content_html": sanitise_html(parsed.content_html),
        "content_hash": parsed.content_hash,
        "seen_at": now.isoformat(),
    }
    item.last_seen_at = now
    item.save(update_fields=["status", "held_change", "last_seen_at"])


def target_index(source, language):
    """The source's statement list, or its translation in the item's language."""
    index = source.statement_index
    if language and language != index.locale.language_code:
        locale = Locale.objects.filter(language_code=language).first()
        translated = index.get_translation_or_none(locale) if locale else None
        if translated is not None:
            return translated.specific
    return index


def statement_fields(source, parsed, locale_id):
    html, dropped_images = strip_images(sanitise_html(parsed.content_html))
    publisher = source.organisation.get_translation_or_none(locale_id) or source.organisation
    fields = {
        "title": parsed.title[:255] or parsed.link[:255],
        "summary": parsed.summary,
        "body": [{"type": "paragraph", "value": html}] if html.strip() else [],
        "publisher": publisher,
        "authors": ", ".join(parsed.authors)[:255],
        "original_url": parsed.link[:500],
        "first_published_on": parsed.published.date(),
        "original_language": parsed.language if parsed.language in KNOWN_LANGUAGES else "",
    }
    notes = []
    if dropped_images:
        notes.append(
            f"{len(dropped_images)} image(s) from the partner's site were left out so that "
            "readers' browsers never contact it: " + ", ".join(dropped_images)
        )
    if parsed.date_missing:
        notes.append("The feed gave no usable date: the date first seen is used.")
    return fields, "\n".join(notes)


def create_statement(source, parsed, item):
    index = target_index(source, parsed.language)
    fields, notes = statement_fields(source, parsed, index.locale_id)
    base_slug = slugify(anyascii(parsed.title))[:70] or f"statement-{item.pk}"
    page = StatementPage(
        slug=find_available_slug(index, base_slug),
        live=source.trust == FeedSource.Trust.PUBLISH,
        **fields,
    )
    index.add_child(instance=page)
    revision = save_and_announce(page, parsed)
    if source.trust == FeedSource.Trust.PUBLISH:
        revision.publish()
    else:
        statement_review_workflow().start(page, user=None)
    record_import(item, parsed, page, revision, notes)


def update_statement(source, page, parsed, item):
    latest = page.get_latest_revision_as_object()
    fields, notes = statement_fields(source, parsed, page.locale_id)
    for name, value in fields.items():
        setattr(latest, name, value)
    revision = save_and_announce(latest, parsed)
    if source.trust == FeedSource.Trust.PUBLISH and page.live:
        revision.publish()
    elif not page.workflow_in_progress:
        statement_review_workflow().start(page, user=None)
    record_import(item, parsed, page, revision, notes)


def save_and_announce(page, parsed):
    """Let the layers above add to the page (suggested prisoner links) before the
    revision is taken, so what they add is part of it."""
    text = f"{parsed.title}\n{plain_text(parsed.content_html, limit=100_000)}"
    statement_ingested.send(sender=StatementPage, page=page, text=text)
    return page.save_revision(user=None, log_action=True)


def record_import(item, parsed, page, revision, notes):
    item.statement = page
    item.imported_revision = revision
    item.content_hash = parsed.content_hash
    item.title = parsed.title[:500]
    item.link = parsed.link[:1000]
    item.published_at = parsed.published
    item.status = FeedItem.Status.IMPORTED
    item.held_change = None
    item.notes = notes
    item.save()
