"""Language codes of original publications: any ISO 639-1 language Django knows,
not only the site's own seven."""

from django.conf.locale import LANG_INFO
from django.core.exceptions import ValidationError
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

LANGUAGE_CHOICES = sorted(
    ((code, info["name"]) for code, info in LANG_INFO.items() if "name" in info and len(code) == 2),
    key=lambda choice: choice[1],
)
_KNOWN_CODES = {code for code, _name in LANGUAGE_CHOICES}


def language_name(code: str) -> str:
    """The language's name in the reader's language (falls back to the code)."""
    try:
        return str(get_language_info(code)["name_translated"])
    except KeyError:
        return code


def validate_language_codes(value: str) -> None:
    unknown = [c.strip() for c in value.split(",") if c.strip() and c.strip() not in _KNOWN_CODES]
    if unknown:
        raise ValidationError(
            _("Unknown language code: %(codes)s"), params={"codes": ", ".join(unknown)}
        )
