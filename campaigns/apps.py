from django.apps import AppConfig


class CampaignsConfig(AppConfig):
    name = "campaigns"
    verbose_name = "Campaigns and prisoners"

    def ready(self):
        from . import signal_handlers  # noqa: F401
