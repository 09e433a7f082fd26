"""The Celery application.

Configuration comes from Django settings (keys prefixed ``CELERY_``), so the same
settings module decides the broker: Redis when ``REDIS_URL`` is set, kombu's
filesystem transport otherwise (no server to install on a laptop).
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "network.settings.dev")

app = Celery("network")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
