"""A task travels through the broker to a real worker process and its result comes
back: through Redis when REDIS_URL is set (as in CI), through kombu's filesystem
transport otherwise."""

import os
import time

from django.conf import settings

from network.celery import app
from network.tasks import ping
from tests.workers import celery_worker


def test_broker_matches_the_environment():
    if os.environ.get("REDIS_URL"):
        assert app.conf.broker_url == os.environ["REDIS_URL"]
    else:
        assert app.conf.broker_url == "filesystem://"
    assert app.conf.broker_url == settings.CELERY_BROKER_URL


def test_a_task_round_trips_through_a_real_worker(tmp_path):
    with celery_worker(tmp_path / "worker.log") as worker:
        started = time.monotonic()
        reply = ping.delay("hello").get(timeout=90)
    assert reply["reply"] == "pong: hello"
    assert reply["worker"].startswith(worker.name + "@")
    transport = app.conf.broker_url.split(":")[0]
    print(f"round trip through {transport}: {time.monotonic() - started:.1f} s")
