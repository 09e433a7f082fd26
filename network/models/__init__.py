from .base import BasePage, SectionIndexPage
from .images import NetworkImage, NetworkRendition
from .organisations import Organisation, Topic
from .statements import (
    StatementCoSigner,
    StatementIndexPage,
    StatementPage,
    StatementRepublication,
    StatementTopic,
)

__all__ = [
    "BasePage",
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
