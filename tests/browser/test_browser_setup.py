"""The browser tests' own set-up: when they skip or fail, and that the page can reach
the live server (with its static files) and nothing else."""

import sys

import pytest
from django.conf import settings
from django.db import connection
from wagtail.models import Locale, Page

from tests.browser.conftest import chromium_path, is_live_server_url, missing_browser

NO_BROWSER = "/nonexistent/chromium"


def test_a_missing_browser_skips_the_tests_on_a_developers_machine():
    action, reason = missing_browser(NO_BROWSER, {})
    assert action == "skip"
    assert NO_BROWSER in reason and "chromium" in reason


@pytest.mark.parametrize("ci", ["true", "TRUE"])
def test_a_missing_browser_fails_the_tests_in_ci(ci):
    action, reason = missing_browser(NO_BROWSER, {"CI": ci})
    assert action == "fail"
    assert NO_BROWSER in reason


def test_an_installed_browser_runs_the_tests_everywhere():
    assert missing_browser(sys.executable, {}) is None
    assert missing_browser(sys.executable, {"CI": "true"}) is None


def test_the_browser_is_debians_unless_chromium_path_says_otherwise():
    assert chromium_path({}) == "/usr/bin/chromium"
    assert chromium_path({"CHROMIUM_PATH": "/opt/chromium/chrome"}) == "/opt/chromium/chrome"


def test_only_the_live_servers_own_address_counts_as_local():
    server = "http://127.0.0.1:41234"
    assert is_live_server_url("http://127.0.0.1:41234/static/x.css?v=1", server)
    assert not is_live_server_url("http://127.0.0.1:8000/", server)
    assert not is_live_server_url("https://127.0.0.1:41234/", server)
    assert not is_live_server_url("http://www.gravatar.com/avatar/x", server)


@pytest.mark.browser
def test_the_admin_login_page_loads_its_styles_and_scripts(page):
    """pytest-django's live server serves static files; the admin is styled and its
    scripts run."""
    loaded = []
    page.on("response", lambda response: loaded.append((response.url, response.status)))
    page.goto("/admin/login/")
    sign_in = page.get_by_role("button", name="Sign in")
    sign_in.wait_for()
    static = [(url, status) for url, status in loaded if "/static/" in url]
    assert any(url.split("?")[0].endswith(".css") for url, _ in static), static
    assert any(url.split("?")[0].endswith(".js") for url, _ in static), static
    assert all(status == 200 for _, status in static), static
    # Wagtail's stylesheet turns the sign-in button into a block of its brand colour.
    assert sign_in.evaluate("b => getComputedStyle(b).backgroundColor") not in (
        "rgba(0, 0, 0, 0)",
        "rgb(239, 239, 239)",  # Chromium's own unstyled button
    )


@pytest.mark.browser
def test_requests_to_other_hosts_are_aborted_and_recorded(browser_pages):
    page = browser_pages.open()
    page.goto("/admin/login/")
    outcome = page.evaluate(
        """() => fetch("http://example.org/tracker.gif").then(
            () => "reached", () => "refused")"""
    )
    assert outcome == "refused"
    assert browser_pages.blocked == ["GET http://example.org/tracker.gif"]
    # Recorded, it would fail this test at teardown; it was provoked on purpose.
    browser_pages.blocked.clear()


@pytest.mark.browser
def test_browser_tests_start_from_the_migrated_database(browser_pages):
    """The live server needs a transactional database, flushed after each test; the
    locales and root page made by migrations come back for the next one. That holds only
    if the test talks to the database through the connection that kept them, even while
    Playwright's event loop runs in this thread."""
    assert hasattr(connection, "_test_serialized_contents")
    assert Locale.objects.count() == len(settings.WAGTAIL_CONTENT_LANGUAGES)
    assert Page.get_first_root_node() is not None
