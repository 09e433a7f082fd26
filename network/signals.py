"""Signals through which the network layer tells the layers above about its pages,
without importing them."""

from django.dispatch import Signal

# Sent while a statement page builds its template context, with ``page`` and
# ``request``. A receiver returns a dict of extra context (for example the
# prisoners and campaigns the statement is linked to, kept by the campaigns app).
statement_page_context = Signal()
