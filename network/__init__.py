"""The project package and the partner network: settings, URLs, the Celery app,
shared page base, images, organisations and statements."""

from .celery import app as celery_app

__all__ = ["celery_app"]
