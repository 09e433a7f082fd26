"""Development: the embedded set-up `make run` starts (SQLite and the filesystem
Celery transport unless DATABASE_URL / REDIS_URL say otherwise)."""

from .base import *  # noqa: F403
from .base import env_bool, os

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-only-not-secret-change-me"
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
SYNDICATION_ALLOW_LOOPBACK = env_bool("SYNDICATION_ALLOW_LOOPBACK", True)
