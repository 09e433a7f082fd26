from .campaigns import (
    CampaignEndorsement,
    CampaignIndexPage,
    CampaignPage,
    CampaignPrisoner,
    CampaignStatus,
)
from .countries import CountryIndexPage, CountryPage
from .links import StatementCampaignLink, StatementPrisonerLink
from .prisoners import PrisonerCharge, PrisonerIndexPage, PrisonerPage, PrisonerStatus

__all__ = [
    "CampaignEndorsement",
    "CampaignIndexPage",
    "CampaignPage",
    "CampaignPrisoner",
    "CampaignStatus",
    "CountryIndexPage",
    "CountryPage",
    "PrisonerCharge",
    "PrisonerIndexPage",
    "PrisonerPage",
    "PrisonerStatus",
    "StatementCampaignLink",
    "StatementPrisonerLink",
]
