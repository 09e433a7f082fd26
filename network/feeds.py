"""Outgoing RSS 2.0 and Atom feeds of statements, so partners can syndicate from us.

Each item carries its attribution: the description starts with "by RSD (Date first
published: 31 July 2023)" in the feed's language, RSS items name the original in a
``<source url="…">`` element and Atom entries link it with ``rel="via"``.
"""

import datetime

from django.contrib.syndication.views import Feed
from django.template.loader import render_to_string
from django.utils import feedgenerator, timezone

FEED_LENGTH = 50


class AttributedRssFeed(feedgenerator.Rss201rev2Feed):
    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("original_url"):
            handler.addQuickElement(
                "source", item["publisher"] or item["original_url"], {"url": item["original_url"]}
            )


class AttributedAtomFeed(feedgenerator.Atom1Feed):
    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("original_url"):
            handler.addQuickElement("link", "", {"rel": "via", "href": item["original_url"]})


FEED_TYPES = {"rss": AttributedRssFeed, "atom": AttributedAtomFeed}


class StatementFeed(Feed):
    """A feed of the given statements; built per request by the page that offers it."""

    def __init__(self, *, page, statements, kind, title=None, description=""):
        super().__init__()
        self.page = page
        self.statements = statements
        self.feed_type = FEED_TYPES[kind]
        self.feed_title = title or page.title
        self.feed_description = description or page.search_description or page.title
        self.request = None

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return self.page

    def title(self):
        return self.feed_title

    def link(self):
        return self.page.get_full_url(self.request)

    def description(self):
        return self.feed_description

    def feed_url(self):
        return self.request.build_absolute_uri()

    def items(self):
        return list(self.statements[:FEED_LENGTH])

    def item_title(self, statement):
        return statement.title

    def item_link(self, statement):
        return statement.get_full_url(self.request)

    def item_guid(self, statement):
        return statement.get_full_url(self.request)

    def item_description(self, statement):
        return render_to_string(
            "network/feeds/statement_description.html", {"statement": statement}, self.request
        )

    def item_pubdate(self, statement):
        if statement.first_published_on:
            return datetime.datetime.combine(
                statement.first_published_on, datetime.time(), tzinfo=datetime.UTC
            )
        return statement.first_published_at or timezone.now()

    def item_updateddate(self, statement):
        return statement.last_published_at

    def item_author_name(self, statement):
        return statement.publisher.name if statement.publisher else None

    def item_extra_kwargs(self, statement):
        return {
            "original_url": statement.original_url,
            "publisher": statement.publisher.name if statement.publisher else "",
        }


def statement_feed_response(request, page, statements, kind, **options):
    return StatementFeed(page=page, statements=statements, kind=kind, **options)(request)
