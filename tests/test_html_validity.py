"""Every page type's HTML, in English, French and Persian, passes the Nu HTML Checker
(vnu.jar, the W3C's validator) with zero errors.

`make validate-html` fetches the pinned checker and runs this module; `.ci/run` does
so. Without Java or the jar the test is skipped with the reason, except under
CI=true, where it fails."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from wagtail.models import Locale

from tests.conftest import translate_page
from tests.test_public_pages import PAGE_TYPES, SMALL

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
from fetch_vnu import JAR  # noqa: E402

LANGUAGES = ("en", "fr", "fa")


def checker_or_skip():
    java = shutil.which("java")
    reason = None
    if java is None:
        reason = "No Java runtime: install Debian's default-jre-headless."
    elif not JAR.exists():
        reason = f"No Nu HTML Checker at {JAR}: run `make validate-html` (it fetches it)."
    if reason:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    return java


def rendered_pages(client, site_tree):
    """(name, HTML) of each page type in each language, plus search and a 404."""
    locales = {code: Locale.objects.get(language_code=code) for code in LANGUAGES[1:]}
    for name, (build, _budget) in PAGE_TYPES.items():
        page = build(site_tree, SMALL)
        yield f"{name} (en)", client.get(page.url).content
        for code, locale in locales.items():
            for ancestor in page.get_ancestors(inclusive=True).specific()[1:]:
                translated = translate_page(ancestor, locale)
            yield f"{name} ({code})", client.get(translated.url).content
        # The next page type starts from the bare tree, in every language.
        for version in page.get_translations(inclusive=True):
            if version.depth == 3:
                version.get_children().delete()
            elif version.depth > 3:
                version.delete()
    for code in LANGUAGES:
        yield f"search ({code})", client.get(f"/{code}/search/", {"q": "prisoner"}).content
        yield f"not found ({code})", client.get(f"/{code}/no-such-page/").content


def test_every_page_type_is_valid_html(client, site_tree, tmp_path):
    java = checker_or_skip()
    files = {}
    for number, (name, html) in enumerate(rendered_pages(client, site_tree)):
        path = tmp_path / f"{number:02}.html"
        path.write_bytes(html)
        files[str(path)] = name
    result = subprocess.run(
        [java, "-jar", str(JAR), "--errors-only", "--format", "json", *files],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
    errors = [
        f"{files.get(message.get('url', '').removeprefix('file:'), message.get('url'))}: "
        f"line {message.get('lastLine')}: {message.get('message')} "
        f"[{message.get('extract', '').strip()}]"
        for message in messages
        if message.get("type") == "error" or message.get("subType") == "fatal"
    ]
    print(f"\nNu HTML Checker: {len(files)} pages, {len(errors)} errors")
    assert not errors, "\n".join(errors)
