from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Home page and site chrome"

    def ready(self):
        from . import signal_handlers

        signal_handlers.connect()
