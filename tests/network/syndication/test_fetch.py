"""The guarded feed fetcher against a real HTTP server on 127.0.0.1.

Hard rule: nothing here may reach beyond this machine. The autouse `sealed_network`
fixture answers DNS from a table and makes any connection to an address other than
127.0.0.1 or ::1 fail loudly, so even a broken guard cannot send a packet out.
"""

import gzip
import ipaddress
import socket
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest
from django.utils.http import http_date

from network.syndication.fetch import FetchError, address_allowed, fetch_feed

LOOPBACK = ("127.0.0.1", "::1")
FEED = b'<?xml version="1.0"?><rss version="2.0"><channel><title>Partner</title></channel></rss>'
MIB = 1024 * 1024


@pytest.fixture(autouse=True)
def sealed_network(monkeypatch):
    """DNS answers come from `hosts` (numeric addresses are parsed, never looked up);
    connections to anything but loopback raise and are recorded in `outside`."""
    net = SimpleNamespace(
        hosts={"localhost": ["127.0.0.1"]}, lookups=[], connections=[], outside=[]
    )
    real_getaddrinfo = socket.getaddrinfo
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex
    real_create_connection = socket.create_connection

    def getaddrinfo(host, port, family=0, type=0, proto=0, flags=0):
        net.lookups.append(host)
        answer = net.hosts.get(host)
        if callable(answer):
            answer = answer()
        if answer is None:  # numeric only: raises for any name not in the table
            return real_getaddrinfo(host, port, family, type, proto, flags | socket.AI_NUMERICHOST)
        return [
            (socket.AF_INET6, socket.SOCK_STREAM, 6, "", (ip, port, 0, 0))
            if ":" in ip
            else (socket.AF_INET, socket.SOCK_STREAM, 6, "", (ip, port))
            for ip in answer
        ]

    def refuse_outside(address):
        if not isinstance(address, tuple) or address[0] not in LOOPBACK:
            net.outside.append(address)
            raise AssertionError(f"Test tried to connect outside this machine: {address!r}")

    def connect(sock, address):
        refuse_outside(address)
        net.connections.append(address[:2])
        return real_connect(sock, address)

    def connect_ex(sock, address):
        refuse_outside(address)
        net.connections.append(address[:2])
        return real_connect_ex(sock, address)

    def create_connection(address, *args, **kwargs):
        refuse_outside(address)
        return real_create_connection(address, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    monkeypatch.setattr(socket, "create_connection", create_connection)
    return net


@pytest.fixture(autouse=True)
def small_limits(settings):
    settings.SYNDICATION_ALLOW_LOOPBACK = False
    settings.SYNDICATION_MAX_BYTES = 64 * 1024
    settings.SYNDICATION_CONNECT_TIMEOUT = 2
    settings.SYNDICATION_TOTAL_TIMEOUT = 5


@pytest.fixture
def allow_loopback(settings):
    settings.SYNDICATION_ALLOW_LOOPBACK = True


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        self.server.requests.append(SimpleNamespace(path=self.path, headers=self.headers))
        route = self.server.routes.get(urlsplit(self.path).path)
        if route is None:
            respond(self, 404)
        else:
            route(self)

    def log_message(self, format, *args):
        """Quiet test output."""


class FeedServer(ThreadingHTTPServer):
    """Routes map a path to a function of the request handler; requests are recorded."""

    daemon_threads = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), Handler)
        self.routes = {}
        self.requests = []
        self.stop = threading.Event()

    def url(self, path, host="127.0.0.1"):
        return f"http://{host}:{self.server_port}{path}"

    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], ConnectionError):  # clients hanging up is expected
            super().handle_error(request, client_address)


@pytest.fixture
def server(sealed_network):
    server = FeedServer()
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    yield server
    server.stop.set()
    server.shutdown()
    server.server_close()
    thread.join()


def respond(handler, status, body=b"", headers=()):
    handler.send_response(status)
    for name, value in dict({"Content-Length": str(len(body))}, **dict(headers)).items():
        handler.send_header(name, value)
    handler.end_headers()
    handler.wfile.write(body)


def serve(status=200, body=FEED, **headers):
    def route(handler):
        respond(handler, status, body, {k.replace("_", "-"): v for k, v in headers.items()})

    return route


def redirect(location, status=302):
    return serve(status, b"", Location=location)


def fetch_error(url, **kwargs) -> FetchError:
    with pytest.raises(FetchError) as caught:
        fetch_feed(url, **kwargs)
    return caught.value


# 1. Validators and conditional GET


def test_fetch_returns_body_and_validators_then_304(server, allow_loopback):
    def feed(handler):
        if handler.headers["If-None-Match"] == '"v1"':
            respond(handler, 304, headers={"ETag": '"v1"'})
        else:
            respond(
                handler,
                200,
                FEED,
                {
                    "ETag": '"v1"',
                    "Last-Modified": "Wed, 01 Jan 2025 10:00:00 GMT",
                    "Content-Type": "application/rss+xml; charset=utf-8",
                    "Cache-Control": "public, max-age=600",
                },
            )

    server.routes["/feed"] = feed

    first = fetch_feed(server.url("/feed"))
    assert first.status == 200
    assert not first.not_modified
    assert first.body == FEED
    assert first.url == server.url("/feed")
    assert first.etag == '"v1"'
    assert first.last_modified == "Wed, 01 Jan 2025 10:00:00 GMT"
    assert first.content_type == "application/rss+xml; charset=utf-8"
    assert first.max_age == 600

    second = fetch_feed(server.url("/feed"), etag=first.etag, last_modified=first.last_modified)
    assert second.not_modified
    assert second.status == 304
    assert second.body == b""
    sent = server.requests[1].headers
    assert sent["If-None-Match"] == '"v1"'
    assert sent["If-Modified-Since"] == "Wed, 01 Jan 2025 10:00:00 GMT"


def test_request_headers_name_the_site_and_ask_for_feeds(server, allow_loopback, settings):
    settings.WAGTAIL_SITE_NAME = "Solidarity Network"
    server.routes["/feed"] = serve()
    fetch_feed(server.url("/feed"))
    sent = server.requests[0].headers
    assert sent["User-Agent"] == "Solidarity Network feed reader (+http://testserver)"
    assert sent["Accept"].startswith("application/rss+xml, application/atom+xml")
    assert sent["Accept-Encoding"] == "gzip"
    assert "If-None-Match" not in sent and "If-Modified-Since" not in sent


def test_gzip_body_is_decoded(server, allow_loopback):
    server.routes["/feed"] = serve(body=gzip.compress(FEED), Content_Encoding="gzip")
    assert fetch_feed(server.url("/feed")).body == FEED


# 2. and 3. Size limits


def test_announced_oversize_body_is_refused_before_reading(server, allow_loopback):
    server.routes["/big"] = serve(body=b"x" * 100_000)
    error = fetch_error(server.url("/big"))
    assert error.kind == "too_large"
    assert "64.0\xa0KB" in str(error)


def test_oversize_body_without_length_stops_reading_early(server, allow_loopback):
    sent, finished = [], threading.Event()

    def endless(handler):  # HTTP/1.0 without Content-Length: the body ends when we close
        handler.send_response(200)
        handler.end_headers()
        try:
            for _ in range(1024):  # 64 MiB, if nobody stops us
                handler.wfile.write(b"x" * 65536)
                sent.append(65536)
        except ConnectionError:
            pass
        finally:
            finished.set()

    server.routes["/endless"] = endless
    assert fetch_error(server.url("/endless")).kind == "too_large"
    assert finished.wait(5)
    assert sum(sent) < 64 * MIB  # the client hung up; socket buffers took the rest


def test_gzip_bomb_is_stopped(server, allow_loopback):
    bomb = gzip.compress(b"\0" * 32 * MIB)
    assert len(bomb) < 64 * 1024  # small on the wire...
    server.routes["/bomb"] = serve(body=bomb, Content_Encoding="gzip")
    error = fetch_error(server.url("/bomb"))
    assert error.kind == "too_large"  # ...but not once inflated


def test_unknown_compression_is_refused(server, allow_loopback):
    server.routes["/feed"] = serve(body=b"\x1b\x00", Content_Encoding="br")
    error = fetch_error(server.url("/feed"))
    assert error.kind == "http_error"
    assert "“br”" in str(error)


def test_damaged_gzip_is_refused(server, allow_loopback):
    server.routes["/feed"] = serve(body=b"not gzip at all", Content_Encoding="gzip")
    assert "damaged" in str(fetch_error(server.url("/feed")))


# 4. Time-outs


def test_trickling_server_hits_total_timeout(server, allow_loopback, settings):
    settings.SYNDICATION_TOTAL_TIMEOUT = 1

    def trickle(handler):
        handler.send_response(200)
        handler.send_header("Content-Length", "1000")
        handler.end_headers()
        try:
            while not handler.server.stop.wait(0.05):
                handler.wfile.write(b"x")
        except ConnectionError:
            pass

    server.routes["/slow"] = trickle
    started = time.monotonic()
    error = fetch_error(server.url("/slow"))
    elapsed = time.monotonic() - started
    assert error.kind == "timeout"
    assert str(error) == "The partner's server did not answer within 1 second."
    assert 0.9 < elapsed < 2


def test_silent_server_hits_total_timeout(server, allow_loopback, settings):
    settings.SYNDICATION_TOTAL_TIMEOUT = 0.5
    server.routes["/silent"] = lambda handler: handler.server.stop.wait(10)
    started = time.monotonic()
    assert fetch_error(server.url("/silent")).kind == "timeout"
    assert time.monotonic() - started < 1.5


# 5. Redirects


def redirect_chain(server, hops):
    """/hop/N redirects to /hop/N-1 ... /hop/0 serves the feed."""
    server.routes["/hop/0"] = serve()
    for hop in range(1, hops + 1):
        server.routes[f"/hop/{hop}"] = redirect(f"/hop/{hop - 1}")
    return server.url(f"/hop/{hops}")


@pytest.mark.parametrize("hops", [2, 5])
def test_redirects_are_followed(server, allow_loopback, hops):
    result = fetch_feed(redirect_chain(server, hops))
    assert result.body == FEED
    assert result.url == server.url("/hop/0")
    assert len(server.requests) == hops + 1


def test_six_redirects_are_too_many(server, allow_loopback):
    error = fetch_error(redirect_chain(server, 6))
    assert error.kind == "too_many_redirects"
    assert len(server.requests) == 6  # the first request and five redirects, no more


def test_redirect_loop_is_stopped(server, allow_loopback):
    server.routes["/loop"] = redirect(server.url("/loop"), status=301)
    assert fetch_error(server.url("/loop")).kind == "too_many_redirects"
    assert len(server.requests) == 6


def test_all_redirect_statuses_are_followed(server, allow_loopback):
    for status in (301, 302, 303, 307, 308):
        server.routes[f"/{status}"] = redirect("/feed", status=status)
    server.routes["/feed"] = serve()
    for status in (301, 302, 303, 307, 308):
        assert fetch_feed(server.url(f"/{status}")).url == server.url("/feed")


# 6. Schemes and malformed addresses


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "ftp://ftp.example.org/feed.xml",
        "javascript:alert(1)",
        "gopher://127.0.0.1:70/",
        "data:text/xml,<rss/>",
    ],
)
def test_non_http_schemes_are_refused_without_connecting(url, sealed_network, allow_loopback):
    error = fetch_error(url)
    assert error.kind == "bad_scheme"
    assert "http://" in str(error)
    assert sealed_network.lookups == []
    assert sealed_network.connections == []


def test_redirect_to_another_scheme_is_refused(server, allow_loopback, sealed_network):
    server.routes["/feed"] = redirect("file:///etc/passwd")
    assert fetch_error(server.url("/feed")).kind == "bad_scheme"


@pytest.mark.parametrize(
    "url",
    ["", "partner.example.org/feed", "http://", "http:/feed", "http://[::1", "http://a:99999/"],
)
def test_incomplete_addresses_are_invalid(url, sealed_network):
    assert fetch_error(url).kind == "invalid_url"
    assert sealed_network.connections == []


# 7. Loopback


@pytest.mark.parametrize(
    "host", ["127.0.0.1", "localhost", "127.1.2.3", "[::1]", "[::ffff:127.0.0.1]"]
)
def test_loopback_is_refused_unless_allowed(server, sealed_network, host):
    error = fetch_error(server.url("/feed", host=host))
    assert error.kind == "blocked_address"
    assert "private or local network" in str(error)
    assert server.requests == []
    assert sealed_network.connections == []


def test_unspecified_address_is_refused_even_with_loopback_allowed(
    server, sealed_network, allow_loopback
):
    # Connecting to 0.0.0.0 reaches this machine on Linux.
    assert fetch_error(server.url("/feed", host="0.0.0.0")).kind == "blocked_address"
    assert sealed_network.connections == []


# 8. Private and other non-public addresses, after DNS


BLOCKED = [
    ["10.0.0.5"],
    ["172.16.0.1"],
    ["192.168.1.1"],
    ["169.254.169.254"],  # cloud metadata service
    ["100.64.0.1"],  # carrier-grade NAT
    ["224.0.0.1"],
    ["240.0.0.1"],
    ["255.255.255.255"],
    ["0.0.0.0"],
    ["127.0.0.1"],  # loopback is not allowed in these tests
    ["::ffff:10.0.0.5"],
    ["::ffff:169.254.169.254"],
    ["::ffff:127.0.0.1"],
    ["::1"],
    ["::"],
    ["fc00::1"],
    ["fe80::1"],
    ["ff02::1"],
    ["2002:a00:5::1"],  # 6to4 around 10.0.0.5
    ["64:ff9b::a00:5"],  # NAT64 around 10.0.0.5
    ["10.0.0.5", "192.168.1.1", "fd00::1"],
]


@pytest.mark.parametrize("addresses", BLOCKED, ids=",".join)
def test_names_resolving_to_non_public_addresses_are_refused(sealed_network, addresses):
    sealed_network.hosts["partner.example.org"] = addresses
    error = fetch_error("https://partner.example.org/feed")
    assert error.kind == "blocked_address"
    assert sealed_network.lookups == ["partner.example.org"]
    assert sealed_network.outside == []
    assert sealed_network.connections == []


@pytest.mark.parametrize(
    "location",
    [
        "http://10.0.0.5/feed",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::ffff:10.0.0.5]/feed",
        "http://intranet.example.org/feed",
        "https://intranet.example.org/feed",
    ],
)
def test_redirect_into_private_network_is_refused(server, sealed_network, allow_loopback, location):
    sealed_network.hosts["intranet.example.org"] = ["192.168.1.1"]
    server.routes["/feed"] = redirect(location)
    assert fetch_error(server.url("/feed")).kind == "blocked_address"
    assert len(server.requests) == 1
    assert sealed_network.outside == []
    assert sealed_network.connections == [("127.0.0.1", server.server_port)]


@pytest.mark.parametrize(
    "ip",
    ["8.8.8.8", "93.184.216.34", "2606:4700:4700::1111", "::ffff:8.8.8.8", "64:ff9b::808:808"],
)
def test_public_addresses_are_allowed(ip):
    assert address_allowed(ipaddress.ip_address(ip))


def test_guard_connects_to_the_address_it_checked(server, sealed_network, allow_loopback):
    """DNS rebinding: a second lookup would now say 10.0.0.5; there must not be one."""
    answers = iter([["127.0.0.1"]])
    sealed_network.hosts["partner.example.org"] = lambda: next(answers, ["10.0.0.5"])
    server.routes["/feed"] = serve()

    result = fetch_feed(server.url("/feed", host="partner.example.org"))

    assert result.body == FEED
    assert result.url == server.url("/feed", host="partner.example.org")
    assert server.requests[0].headers["Host"] == f"partner.example.org:{server.server_port}"
    assert sealed_network.lookups.count("partner.example.org") == 1
    assert sealed_network.outside == []


def test_only_the_allowed_addresses_of_a_name_are_used(server, sealed_network, allow_loopback):
    sealed_network.hosts["partner.example.org"] = ["10.0.0.5", "127.0.0.1"]
    server.routes["/feed"] = serve()
    assert fetch_feed(server.url("/feed", host="partner.example.org")).body == FEED
    assert sealed_network.outside == []
    assert sealed_network.connections == [("127.0.0.1", server.server_port)]


# 9. HTTP errors


@pytest.mark.parametrize(
    ("status", "words"), [(404, "404 Not Found"), (410, "410 Gone"), (500, "500 Internal")]
)
def test_error_statuses_are_reported_readably(server, allow_loopback, status, words):
    server.routes["/feed"] = serve(status, b"oops")
    error = fetch_error(server.url("/feed"))
    assert error.kind == "http_error"
    assert error.status == status
    assert str(error).startswith(f"The partner's server answered {words}")
    assert error.retry_after is None


@pytest.mark.parametrize("status", [429, 503])
def test_rate_limits_carry_retry_after(server, allow_loopback, status):
    server.routes["/feed"] = serve(status, b"slow down", Retry_After="120")
    error = fetch_error(server.url("/feed"))
    assert error.kind == "rate_limited"
    assert error.status == status
    assert error.retry_after == 120
    assert "wait 120 seconds" in str(error)


def test_retry_after_as_http_date(server, allow_loopback):
    server.routes["/feed"] = serve(503, Retry_After=http_date(time.time() + 300))
    assert 290 <= fetch_error(server.url("/feed")).retry_after <= 300


@pytest.mark.parametrize(
    ("cache_control", "expected"),
    [("", None), ("no-cache", None), ("public, max-age=300", 300), ('MAX-AGE="60"', 60)],
)
def test_max_age_comes_from_cache_control(server, allow_loopback, cache_control, expected):
    server.routes["/feed"] = serve(Cache_Control=cache_control)
    assert fetch_feed(server.url("/feed")).max_age == expected


def test_rate_limit_without_retry_after(server, allow_loopback):
    server.routes["/feed"] = serve(429)
    error = fetch_error(server.url("/feed"))
    assert (error.kind, error.retry_after) == ("rate_limited", None)


# 10. Connection failures


def test_refused_connection(allow_loopback, sealed_network):
    with socket.socket() as spare:  # a port that nobody listens on once closed
        spare.bind(("127.0.0.1", 0))
        port = spare.getsockname()[1]
    error = fetch_error(f"http://127.0.0.1:{port}/feed")
    assert error.kind == "connection"
    assert str(error) == "Could not connect to the partner's server at 127.0.0.1."


def test_server_hanging_up_without_answer(server, allow_loopback):
    server.routes["/feed"] = lambda handler: handler.connection.shutdown(socket.SHUT_RDWR)
    error = fetch_error(server.url("/feed"))
    assert error.kind == "connection"
    assert "broke off the connection" in str(error)


def test_unknown_host(sealed_network):
    error = fetch_error("https://no-such-partner.example.org/feed")
    assert error.kind == "connection"
    assert "No server called no-such-partner.example.org" in str(error)
    assert sealed_network.connections == []
