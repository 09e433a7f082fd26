from django.apps import AppConfig


class NetworkConfig(AppConfig):
    name = "network"
    verbose_name = "Partner network"

    def ready(self):
        from . import signal_handlers

        signal_handlers.connect()
