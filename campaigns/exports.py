"""Open data: the published prisoner list as CSV and JSON, in the reader's language.

Column names are stable English keys in every language, so a script written against
the English file reads the French one; the values (country name, status label) follow
the language of the address (``/fr/prisoners/export.csv`` gives "En détention").
The CSV starts with a UTF-8 byte-order mark: without it, Excel opens Cyrillic and
Persian names as mojibake; LibreOffice, pandas and Python's ``utf-8-sig`` read it too.
"""

import csv
import io
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse, HttpResponseBadRequest
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django_countries import countries

COLUMNS = [
    "name",
    "native_name",
    "country",
    "country_name",
    "status",
    "status_label",
    "detained_since",
    "released_on",
    "days_in_detention",
    "charges",
    "url",
]


class InvalidCountry(ValueError):
    pass


def country_from_request(request) -> str | None:
    """The ISO code in ``?country=``, upper-cased; None when absent.

    Raises InvalidCountry for anything that is not a known two-letter code."""
    code = request.GET.get("country", "").strip().upper()
    if not code:
        return None
    if code not in countries:
        raise InvalidCountry(code)
    return code


def invalid_country_response(code: str) -> HttpResponseBadRequest:
    message = _("Unknown country code “%(code)s”. Use a two-letter ISO code, for example RU.") % {
        "code": code[:10]
    }
    return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")


def charges_text(prisoner) -> str:
    """Charges as one cell: "Article 205.2: Justification of terrorism; …"."""
    return "; ".join(
        f"{charge.article}: {charge.description}" if charge.article else charge.description
        for charge in prisoner.charges.all()
    )


def prisoner_rows(prisoners, request, today=None) -> list[dict]:
    """One dict per prisoner with the COLUMNS keys. ``prisoners`` should prefetch
    ``charges`` so the query count does not grow with the list."""
    today = today or timezone.localdate()
    return [
        {
            "name": prisoner.title,
            "native_name": prisoner.native_name,
            "country": prisoner.country.code,
            "country_name": str(prisoner.country.name),
            "status": prisoner.status,
            "status_label": str(prisoner.get_status_display()),
            "detained_since": prisoner.detained_on,
            "released_on": prisoner.released_on,
            "days_in_detention": prisoner.days_in_detention(today),
            "charges": charges_text(prisoner),
            "url": prisoner.get_full_url(request),
        }
        for prisoner in prisoners
    ]


def export_filename(country: str | None, extension: str) -> str:
    parts = ["prisoners", (country or "all").lower(), get_language() or "en"]
    return "-".join(parts) + "." + extension


def csv_response(rows, *, country: str | None) -> HttpResponse:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: "" if value is None else value for key, value in row.items()})
    response = HttpResponse(
        ("\ufeff" + buffer.getvalue()).encode(), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{export_filename(country, "csv")}"'
    return response


def json_response(rows, *, country: str | None) -> HttpResponse:
    document = {
        "language": get_language(),
        "country": country,
        "generated_on": timezone.localdate(),
        "count": len(rows),
        "prisoners": rows,
    }
    response = HttpResponse(
        json.dumps(document, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2).encode(),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'inline; filename="{export_filename(country, "json")}"'
    return response
