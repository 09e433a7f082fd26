"""Which machine translation service, if any, wagtail-localize may call.

Off unless ``MACHINE_TRANSLATION`` names a service. A half-configured service stops
the site at start-up rather than failing later in front of an editor.
"""

from collections.abc import Mapping

from django.core.exceptions import ImproperlyConfigured

LIBRETRANSLATE = "libretranslate"
DEEPL = "deepl"
LIBRETRANSLATOR_CLASS = "wagtail_localize.machine_translators.libretranslate.LibreTranslator"
DEEPL_TRANSLATOR_CLASS = "wagtail_localize.machine_translators.deepl.DeepLTranslator"


def machine_translator_setting(environ: Mapping[str, str]) -> dict | None:
    """The value of ``WAGTAILLOCALIZE_MACHINE_TRANSLATOR`` for these environment
    variables: None (off), LibreTranslate or DeepL."""
    service = environ.get("MACHINE_TRANSLATION", "").strip().lower()
    if not service:
        return None
    if service == LIBRETRANSLATE:
        url = environ.get("LIBRETRANSLATE_URL", "").strip().rstrip("/")
        if not url:
            raise ImproperlyConfigured(
                "MACHINE_TRANSLATION=libretranslate needs LIBRETRANSLATE_URL, the address "
                "of the LibreTranslate server (e.g. http://127.0.0.1:5000)."
            )
        if not url.startswith(("http://", "https://")):
            raise ImproperlyConfigured(
                f"LIBRETRANSLATE_URL must start with http:// or https://, not {url!r}."
            )
        return {
            "CLASS": LIBRETRANSLATOR_CLASS,
            # wagtail-localize always sends API_KEY; a server without keys ignores "".
            "OPTIONS": {
                "LIBRETRANSLATE_URL": url,
                "API_KEY": environ.get("LIBRETRANSLATE_API_KEY", "").strip(),
            },
        }
    if service == DEEPL:
        key = environ.get("DEEPL_API_KEY", "").strip()
        if not key:
            raise ImproperlyConfigured("MACHINE_TRANSLATION=deepl needs DEEPL_API_KEY.")
        return {"CLASS": DEEPL_TRANSLATOR_CLASS, "OPTIONS": {"AUTH_KEY": key}}
    raise ImproperlyConfigured(
        f"MACHINE_TRANSLATION={service!r} is not a known service: use "
        f"{LIBRETRANSLATE!r}, {DEEPL!r} or leave it empty to turn machine translation off."
    )
