"""A task travels through the broker to a real worker process and its result comes
back: through Redis when REDIS_URL is set (as in CI), through kombu's filesystem
transport otherwise."""

import os
import subprocess
import sys
import time
import uuid

import pytest
from django.conf import settings

from network.celery import app
from network.tasks import ping


@pytest.fixture
def worker(tmp_path):
    log = (tmp_path / "worker.log").open("w")
    name = f"test-worker-{uuid.uuid4().hex[:8]}@%h"
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
            name,
            "--loglevel",
            "INFO",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
        ],
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "network.settings.test"},
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    yield name.split("@")[0]
    log.close()
    # Shown by pytest only when the test fails: what the worker said.
    print((tmp_path / "worker.log").read_text())
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def test_broker_matches_the_environment():
    if os.environ.get("REDIS_URL"):
        assert app.conf.broker_url == os.environ["REDIS_URL"]
    else:
        assert app.conf.broker_url == "filesystem://"
    assert app.conf.broker_url == settings.CELERY_BROKER_URL


def test_a_task_round_trips_through_a_real_worker(worker):
    started = time.monotonic()
    result = ping.delay("hello")
    reply = result.get(timeout=90)
    assert reply["reply"] == "pong: hello"
    assert reply["worker"].startswith(worker + "@")
    print(
        f"round trip through {app.conf.broker_url.split(':')[0]}: "
        f"{time.monotonic() - started:.1f} s"
    )
