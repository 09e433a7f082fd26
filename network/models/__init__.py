from .base import BasePage, SectionIndexPage
from .feeds import FeedItem, FeedSource
from .images import NetworkImage, NetworkRendition
from .organisations import Organisation, Topic
from .roles import LocaleRole
from .statements import (
    StatementCoSigner,
    StatementIndexPage,
    StatementPage,
    StatementRepublication,
    StatementTopic,
)

__all__ = [
    "BasePage",
    "FeedItem",
    "FeedSource",
    "LocaleRole",
    "NetworkImage",
    "NetworkRendition",
    "SectionIndexPage",
    "Organisation",
    "StatementCoSigner",
    "StatementIndexPage",
    "StatementPage",
    "StatementRepublication",
    "StatementTopic",
    "Topic",
]
