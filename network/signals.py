"""Signals through which the network layer tells the layers above about its pages,
without importing them."""

from django.dispatch import Signal

# Sent while a statement page builds its template context, with ``page`` and
# ``request``. A receiver returns a dict of extra context (for example the
# prisoners and campaigns the statement is linked to, kept by the campaigns app).
statement_page_context = Signal()

# Sent after a statement was created or updated from a partner's feed, with ``page``
# (the StatementPage) and ``text`` (its title and plain text). The campaigns app uses
# it to suggest links to the prisoners the statement names.
statement_ingested = Signal()
