"""Tests: PostgreSQL and Redis when DATABASE_URL / REDIS_URL are set (as in CI),
SQLite and the embedded Celery transport otherwise."""

from .base import *  # noqa: F403
from .base import os

DEBUG = False
SECRET_KEY = "test-only-not-secret"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
# Keep test databases apart from a developer's own.
if not os.environ.get("DATABASE_URL"):
    DATABASES["default"]["NAME"] = ":memory:"  # noqa: F405
    DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405

if not os.environ.get("REDIS_URL"):
    # A queue folder of this test run's own, shared with the worker processes the
    # tests start (they inherit the environment variable).
    import tempfile
    from pathlib import Path

    from .base import embedded_celery_transport

    _folder = os.environ.setdefault("TEST_CELERY_DIR", tempfile.mkdtemp(prefix="network-celery-"))
    globals().update(embedded_celery_transport(Path(_folder)))
