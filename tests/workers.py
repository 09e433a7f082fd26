"""Real Celery worker processes for tests, sharing the test database and broker."""

import os
import subprocess
import sys
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from django.db import connection


def test_database_url() -> str:
    """The URL of the database this test run is using (the test database, not the
    developer's), for worker processes to open."""
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{settings['NAME']}"
    user = settings["USER"] or ""
    password = f":{settings['PASSWORD']}" if settings["PASSWORD"] else ""
    host = settings["HOST"] or "127.0.0.1"
    port = settings["PORT"] or 5432
    return f"postgres://{user}{password}@{host}:{port}/{settings['NAME']}"


@dataclass
class Worker:
    name: str
    process: subprocess.Popen


@contextmanager
def celery_worker(log_path, *, share_database=False, **environment):
    """Start `celery worker` in its own process; yield it (``.name``, ``.process``);
    stop it afterwards unless the test already killed it."""
    name = f"test-worker-{uuid.uuid4().hex[:8]}"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "network.settings.test", **environment}
    if share_database:
        env["DATABASE_URL"] = test_database_url()
    with open(log_path, "w") as log:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "--app",
                "network",
                "worker",
                "--pool",
                "solo",
                "--hostname",
                f"{name}@%h",
                "--loglevel",
                "INFO",
                "--without-gossip",
                "--without-mingle",
                "--without-heartbeat",
            ],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            yield Worker(name, process)
        finally:
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            # Shown by pytest only when the test fails: what the worker said.
            print(Path(log_path).read_text())
