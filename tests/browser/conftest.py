"""Browser tests: Debian's Chromium, driven by Playwright, against pytest-django's live
server on 127.0.0.1.

No browser is ever downloaded: the tests use the system's Chromium (``CHROMIUM_PATH``,
else /usr/bin/chromium). Where it is missing they are skipped, except in CI, where a
missing browser fails them. Every request a page makes to any other address than the
live server is aborted, and the test fails at teardown, naming it."""

import importlib.util
import os
import shutil
from collections.abc import Mapping
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.db import connections

DEFAULT_CHROMIUM = "/usr/bin/chromium"

# What Chromium would otherwise fetch on its own: updates, metrics, translation,
# field trials, safe browsing, DNS prefetching. The resolver rule makes any host name
# but the loopback address unresolvable, so nothing slips out even past the page's routes.
CHROMIUM_FLAGS = [
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--no-default-browser-check",
    "--no-pings",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--disable-breakpad",
    "--disable-client-side-phishing-detection",
    "--disable-domain-reliability",
    "--disable-field-trial-config",
    "--metrics-recording-only",
    "--safebrowsing-disable-auto-update",
    "--disable-features=Translate,OptimizationHints,MediaRouter,AutofillServerCommunication,"
    "CertificateTransparencyComponentUpdater,InterestFeedContentSuggestions",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]

# Long enough for a slow CI machine, short enough that a missing element fails fast.
TIMEOUT_MS = 15_000


def chromium_path(environ: Mapping[str, str] = os.environ) -> str:
    return environ.get("CHROMIUM_PATH") or DEFAULT_CHROMIUM


def missing_browser(executable: str, environ: Mapping[str, str]) -> tuple[str, str] | None:
    """None when the browser tests can run; else ("skip" or "fail", why). A developer
    without Chromium gets a skip with the reason; CI (CI=true) fails instead, so that it
    never passes without having run the browser tests."""
    if importlib.util.find_spec("playwright") is None:
        reason = "Playwright for Python is not installed (make install)."
    elif shutil.which(executable) is None:
        reason = (
            f"No Chromium at {executable}: install Debian's chromium package or set CHROMIUM_PATH."
        )
    else:
        return None
    return ("fail" if environ.get("CI", "").lower() == "true" else "skip", reason)


def is_live_server_url(url: str, live_server_url: str) -> bool:
    return urlsplit(url)[:2] == urlsplit(live_server_url)[:2]


@pytest.fixture(scope="session")
def live_server():
    """pytest-django's live server, on the loopback address (its default, "localhost",
    may resolve elsewhere or to IPv6 first)."""
    from pytest_django.live_server_helper import LiveServer

    server = LiveServer("127.0.0.1")
    yield server
    server.stop()


@pytest.fixture(scope="package")
def chromium():
    """One headless Chromium for the browser tests of this package."""
    executable = chromium_path()
    verdict = missing_browser(executable, os.environ)
    if verdict is not None:
        action, reason = verdict
        (pytest.fail if action == "fail" else pytest.skip)(reason)

    from playwright.sync_api import sync_playwright

    flags = [*CHROMIUM_FLAGS, *(["--no-sandbox"] if os.geteuid() == 0 else [])]
    # Playwright's synchronous API leaves an asyncio loop running in this thread. Django
    # then refuses database calls (lifted here: the tests still make them one at a time,
    # synchronously) and looks its connections up per async context instead of per
    # thread: it would open fresh ones that know nothing of the test database's set-up
    # (the contents kept for serialized rollback). The loop's context gets the thread's
    # own connections.
    thread_connections = {alias: connections[alias] for alias in connections}
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        for alias, connection in thread_connections.items():
            connections[alias] = connection
        browser = playwright.chromium.launch(executable_path=executable, headless=True, args=flags)
        yield browser
        browser.close()


class BrowserPages:
    """Pages on the live server, each in a fresh browser context (its own cookies: one
    per user), and what they did that they must not: requests to any other address
    (aborted), static files the server could not serve, uncaught script errors."""

    def __init__(self, browser, base_url):
        self.browser = browser
        self.base_url = base_url
        self.blocked, self.broken_static, self.script_errors = [], [], []
        self.contexts = []

    def open(self, **context_options):
        """A page in a new context; ``context_options`` go to Playwright's
        ``new_context`` (``java_script_enabled=False`` for a reader without scripts)."""
        context = self.browser.new_context(
            base_url=self.base_url, service_workers="block", **context_options
        )
        self.contexts.append(context)
        context.set_default_timeout(TIMEOUT_MS)
        context.route("**/*", self._route)
        page = context.new_page()
        page.on("response", self._check_static)
        page.on("pageerror", lambda error: self.script_errors.append(f"{page.url}: {error}"))
        return page

    def _route(self, route):
        if is_live_server_url(route.request.url, self.base_url):
            route.continue_()
        else:
            self.blocked.append(f"{route.request.method} {route.request.url}")
            route.abort("blockedbyclient")

    def _check_static(self, response):
        if urlsplit(response.url).path.startswith(settings.STATIC_URL) and not response.ok:
            self.broken_static.append(f"{response.status} {response.url}")

    def close(self):
        for context in self.contexts:
            context.close()
        self.contexts.clear()

    def problems(self):
        return [
            *(f"request to another host (aborted): {request}" for request in self.blocked),
            *(f"static file not served: {response}" for response in self.broken_static),
            *(f"script error: {error}" for error in self.script_errors),
        ]


@pytest.fixture
def browser_pages(chromium, live_server, django_db_serialized_rollback):
    """Pages on the live server (``browser_pages.open()``); the test fails at teardown if
    any of them did what ``BrowserPages`` watches for. (Serialized rollback: the live
    server needs a transactional database, whose flush would otherwise drop the locales
    and pages made by migrations for the tests that run after.)"""
    pages = BrowserPages(chromium, live_server.url)
    yield pages
    pages.close()
    if problems := pages.problems():
        pytest.fail("The browser saw:\n" + "\n".join(problems))


@pytest.fixture
def page(browser_pages):
    return browser_pages.open()


@pytest.fixture
def log_in():
    """Signs a user in through the Wagtail admin's login form."""

    def log_in(page, username, password="password"):
        page.goto("/admin/login/")
        page.get_by_label("Username").fill(username)
        page.get_by_label("Password").fill(password)
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_url(lambda url: "/admin/login/" not in url)

    return log_in
