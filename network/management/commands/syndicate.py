from django.core.management.base import BaseCommand, CommandError

from network.models import FeedSource
from network.syndication.ingest import Outcome
from network.syndication.poll import poll_source

BAR_WIDTH = 24


class Command(BaseCommand):
    help = (
        "Poll partner feeds now, in this process (no worker needed), and print what "
        "happened. Without options, polls the sources that are due."
    )

    def add_arguments(self, parser):
        parser.add_argument("--source", type=int, action="append", help="a feed source's id")
        parser.add_argument("--all", action="store_true", help="every active source")

    def handle(self, *args, source=None, all=False, **options):
        if source:
            sources = list(FeedSource.objects.filter(pk__in=source))
            missing = set(source) - {s.pk for s in sources}
            if missing:
                raise CommandError(f"No feed source with id {', '.join(map(str, missing))}.")
        elif all:
            sources = list(FeedSource.objects.filter(is_active=True))
        else:
            sources = list(FeedSource.objects.due())
        if not sources:
            self.stdout.write("No feed source to poll.")
            return
        totals = {Outcome.NEW: 0, Outcome.UPDATED: 0, Outcome.UNCHANGED: 0, "failed": 0}
        for number, feed_source in enumerate(sources, start=1):
            summary = poll_source(feed_source.pk)
            for outcome in (Outcome.NEW, Outcome.UPDATED, Outcome.UNCHANGED):
                totals[outcome] += summary.outcomes.get(outcome, 0)
            totals["failed"] += bool(summary.error) + summary.failed_items
            done = BAR_WIDTH * number // len(sources)
            bar = "#" * done + "-" * (BAR_WIDTH - done)
            if summary.error:
                result = self.style.ERROR(f"failed: {summary.error}")
            elif summary.not_modified:
                result = "not modified"
            else:
                result = ", ".join(f"{n} {what}" for what, n in summary.outcomes.items()) or "empty"
            self.stdout.write(f"[{bar}] {number}/{len(sources)} {feed_source}: {result}")
        self.stdout.write(
            self.style.SUCCESS(
                "{new} new, {updated} updated, {unchanged} unchanged, {failed} failed".format(
                    **totals
                )
            )
        )
