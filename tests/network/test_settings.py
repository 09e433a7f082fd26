"""Settings come from the environment; production refuses to start without secrets."""

import os
import subprocess
import sys

from django.conf import settings


def load_settings(module, **environment):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("SECRET_KEY", "DATABASE_URL", "REDIS_URL", "CI")
    }
    env.update(environment, DJANGO_SETTINGS_MODULE=module)
    code = (
        "import django; from django.conf import settings; django.setup(); "
        "print(settings.DATABASES['default']['ENGINE'], settings.CELERY_BROKER_URL, "
        "settings.CACHES['default']['BACKEND'])"
    )
    return subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = load_settings("network.settings.production", REDIS_URL="redis://127.0.0.1:6379/0")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_redis():
    result = load_settings("network.settings.production", SECRET_KEY="x" * 50)
    assert result.returncode != 0
    assert "REDIS_URL must be set in production" in result.stderr


def test_development_runs_on_sqlite_and_the_filesystem_transport(tmp_path):
    result = load_settings("network.settings.dev", VAR_DIR=str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django.db.backends.sqlite3",
        "filesystem://",
        "django.core.cache.backends.locmem.LocMemCache",
    ]


def test_database_url_and_redis_url_switch_to_postgresql_and_redis(tmp_path):
    result = load_settings(
        "network.settings.dev",
        VAR_DIR=str(tmp_path),
        DATABASE_URL="postgres://user@127.0.0.1:5432/network",
        REDIS_URL="redis://127.0.0.1:6379/3",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django.db.backends.postgresql",
        "redis://127.0.0.1:6379/3",
        "django_redis.cache.RedisCache",
    ]


def test_this_run_uses_the_services_the_environment_names():
    """Under CI=true the test settings refuse to load without both variables, so in CI
    this proves the suite runs on PostgreSQL and Redis."""
    engine = settings.DATABASES["default"]["ENGINE"]
    if os.environ.get("DATABASE_URL"):
        assert engine == "django.db.backends.postgresql"
    else:
        assert engine == "django.db.backends.sqlite3"
    assert (os.environ.get("REDIS_URL") or "filesystem://") == settings.CELERY_BROKER_URL


def test_test_settings_refuse_to_fall_back_to_sqlite_in_ci():
    result = load_settings("network.settings.test", CI="true")
    assert result.returncode != 0
    assert "CI=true but DATABASE_URL is not set" in result.stderr
