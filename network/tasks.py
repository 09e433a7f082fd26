"""Celery tasks of the network layer. Tasks are thin: the work lives in plain
functions that tests call directly."""

from celery import shared_task


@shared_task(bind=True, name="network.ping")
def ping(self, message: str) -> dict:
    """Answer from a worker: used to check that the broker, a worker and the result
    backend are wired together (``manage.py`` has no other way to tell)."""
    return {"reply": f"pong: {message}", "worker": self.request.hostname}
