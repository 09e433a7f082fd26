"""Tests: PostgreSQL and Redis when DATABASE_URL / REDIS_URL are set (as in CI),
SQLite and the embedded Celery transport otherwise."""

import atexit
import shutil
import tempfile
from pathlib import Path

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
# Tests clear the cache between them; with Redis that would also flush the broker's
# queues, so the cache stays in the process. Celery still goes through Redis in CI.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
VAR_DIR = Path(tempfile.mkdtemp(prefix="network-var-"))
atexit.register(shutil.rmtree, VAR_DIR, ignore_errors=True)
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir()
# Keep test databases apart from a developer's own. On SQLite the test database is a
# file, not memory, so that the Celery worker processes the tests start can open it.
if not os.environ.get("DATABASE_URL"):
    DATABASES["default"]["NAME"] = str(VAR_DIR / "db.sqlite3")  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test-db.sqlite3")}  # noqa: F405
    DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405

if not os.environ.get("REDIS_URL"):
    # A queue folder of this test run's own, shared with the worker processes the
    # tests start (they inherit the environment variable).
    from .base import embedded_celery_transport

    if "TEST_CELERY_DIR" not in os.environ:
        os.environ["TEST_CELERY_DIR"] = tempfile.mkdtemp(prefix="network-celery-")
        atexit.register(shutil.rmtree, os.environ["TEST_CELERY_DIR"], ignore_errors=True)
    _folder = os.environ["TEST_CELERY_DIR"]
    globals().update(embedded_celery_transport(Path(_folder)))

if os.environ.get("CI", "").lower() == "true":
    # CI must run against the real services; a silent fallback to SQLite would hide
    # every PostgreSQL-only failure.
    from django.core.exceptions import ImproperlyConfigured

    for _name in ("DATABASE_URL", "REDIS_URL"):
        if not os.environ.get(_name):
            raise ImproperlyConfigured(f"CI=true but {_name} is not set.")
