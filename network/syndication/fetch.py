"""The one way the site fetches a partner's feed.

A feed address is typed in by an editor and redirects are chosen by the partner's
server, so every request is treated as untrusted: only http(s), bounded in time and
size, and never towards this machine or the private network it sits in (SSRF). The
address check happens after DNS resolution, on every connection (so on every redirect
hop), and the socket is opened to the very address that was checked: a second lookup
could be answered differently (DNS rebinding).
"""

import ipaddress
import math
import socket
import time
import zlib
from dataclasses import dataclass
from http import HTTPStatus

import httpcore
import httpx
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.http import parse_http_date_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

ACCEPT = "application/rss+xml, application/atom+xml, application/xml, text/xml;q=0.9, */*;q=0.8"
RATE_LIMIT_STATUSES = (429, 503)
# NAT64 gateways (RFC 6052) forward this prefix to the IPv4 address in its last 32 bits.
NAT64_PREFIX = ipaddress.ip_network("64:ff9b::/96")


@dataclass(frozen=True)
class FetchResult:
    url: str  # final URL after redirects
    status: int  # 2xx or 304
    body: bytes  # b"" on 304
    etag: str  # "" if none
    last_modified: str  # "" if none
    content_type: str  # "" if none
    max_age: int | None  # from Cache-Control max-age, seconds

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class FetchError(Exception):
    """Why a feed could not be fetched. `str(error)` is a sentence for editors (it is
    shown on the feed source); `kind` is for code (back-off, statistics)."""

    def __init__(self, kind: str, message: str, *, status=None, retry_after=None):
        super().__init__(message)
        self.kind = kind
        self.status: int | None = status
        self.retry_after: int | None = retry_after


def address_allowed(ip: ipaddress.IPv4Address | ipaddress.IPv6Address, allow_loopback=False):
    """Only public unicast addresses. IPv6 forms that carry an IPv4 address (mapped,
    6to4, NAT64) are judged by that IPv4 address: that is where the packets end up."""
    if ip.version == 6:
        embedded = ip.ipv4_mapped or ip.sixtofour
        if embedded is None and ip in NAT64_PREFIX:
            embedded = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if embedded is not None:
            return address_allowed(embedded, allow_loopback)
    if ip.is_loopback:
        return allow_loopback
    # is_global alone lets multicast through, hence the explicit checks.
    return ip.is_global and not (
        ip.is_private or ip.is_link_local or ip.is_multicast or ip.is_reserved or ip.is_unspecified
    )


class DeadlineStream(httpcore.NetworkStream):
    """httpx time-outs apply to each read, so a server trickling one byte at a time
    would never trip them. Every read and write here waits at most until the deadline
    of the whole fetch."""

    def __init__(self, stream: httpcore.NetworkStream, deadline: float):
        self._stream = stream
        self._deadline = deadline

    def read(self, max_bytes, timeout=None):
        return self._stream.read(max_bytes, clamp(timeout, self._deadline, httpcore.ReadTimeout))

    def write(self, buffer, timeout=None):
        self._stream.write(buffer, clamp(timeout, self._deadline, httpcore.WriteTimeout))

    def close(self):
        self._stream.close()

    def start_tls(self, ssl_context, server_hostname=None, timeout=None):
        timeout = clamp(timeout, self._deadline, httpcore.ConnectTimeout)
        return DeadlineStream(
            self._stream.start_tls(ssl_context, server_hostname, timeout), self._deadline
        )

    def get_extra_info(self, info):
        return self._stream.get_extra_info(info)


def clamp(timeout: float | None, deadline: float, error: type[Exception]) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise error("The total time-out has passed.")
    return left if timeout is None else min(timeout, left)


class GuardedBackend(httpcore.NetworkBackend):
    """httpcore's own socket backend, but it resolves the host itself, checks every
    address and dials the checked IP. TLS is unaffected: httpcore starts it with the
    request's host name, so SNI and certificate checks use the name, not the IP."""

    def __init__(self, *, allow_loopback: bool, deadline: float):
        self._backend = httpcore.SyncBackend()
        self._allow_loopback = allow_loopback
        self._deadline = deadline

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        error = None
        for address in self.allowed_addresses(host, port):
            try:
                stream = self._backend.connect_tcp(
                    address,
                    port,
                    clamp(timeout, self._deadline, httpcore.ConnectTimeout),
                    local_address,
                    socket_options,
                )
            except httpcore.ConnectError as refused:  # try the host's next address
                error = refused
                continue
            return DeadlineStream(stream, self._deadline)
        raise error

    def allowed_addresses(self, host: str, port: int) -> list[str]:
        try:
            found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (OSError, UnicodeError) as error:
            raise FetchError(
                "connection",
                _("No server called %(host)s could be found. Please check the feed address.")
                % {"host": host},
            ) from error
        addresses = list(dict.fromkeys(ipaddress.ip_address(info[4][0]) for info in found))
        allowed = [str(ip) for ip in addresses if address_allowed(ip, self._allow_loopback)]
        if not allowed:
            raise FetchError(
                "blocked_address",
                _(
                    "The address %(host)s leads into a private or local network (%(ip)s). "
                    "Partner feeds can only be fetched from public servers."
                )
                % {"host": host, "ip": addresses[0]},
            )
        return allowed


class GuardedTransport(httpx.HTTPTransport):
    """httpx's default transport (same TLS set-up and pool limits, HTTP/1.1, no
    retries) with the guarded backend. Never a proxy: it would resolve names itself."""

    def __init__(self, backend: GuardedBackend):
        # HTTPTransport.__init__ only builds self._pool, the one thing we replace.
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(),
            max_connections=100,
            max_keepalive_connections=20,
            keepalive_expiry=5.0,
            http1=True,
            http2=False,
            retries=0,
            network_backend=backend,
        )


def fetch_feed(url: str, *, etag: str = "", last_modified: str = "") -> FetchResult:
    """GET a feed, conditionally when validators from the last fetch are given.
    Raises FetchError for anything but a usable answer."""
    total = getattr(settings, "SYNDICATION_TOTAL_TIMEOUT", 20)
    max_redirects = getattr(settings, "SYNDICATION_MAX_REDIRECTS", 5)
    headers = {
        "User-Agent": getattr(settings, "SYNDICATION_USER_AGENT", None)
        or f"{settings.WAGTAIL_SITE_NAME} feed reader (+{settings.WAGTAILADMIN_BASE_URL})",
        "Accept": ACCEPT,
        "Accept-Encoding": "gzip",
    }
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    target = checked_url(url)
    backend = GuardedBackend(
        allow_loopback=getattr(settings, "SYNDICATION_ALLOW_LOOPBACK", False),
        deadline=time.monotonic() + total,
    )
    client = httpx.Client(
        transport=GuardedTransport(backend),
        headers=headers,
        timeout=httpx.Timeout(total, connect=getattr(settings, "SYNDICATION_CONNECT_TIMEOUT", 5)),
        follow_redirects=False,  # each hop is checked below
        trust_env=False,  # no proxies or .netrc from the environment
    )
    try:
        with client:
            # Redirects are followed here so each new URL's scheme is checked (and
            # its address, when the backend connects).
            for _hop in range(max_redirects + 1):
                with client.stream("GET", target) as response:
                    if not response.has_redirect_location:
                        return read_result(response)
                    target = checked_url(response.headers["Location"], base=response.url)
    except httpx.TimeoutException as error:
        raise FetchError(
            "timeout",
            ngettext(
                "The partner's server did not answer within %(seconds)s second.",
                "The partner's server did not answer within %(seconds)s seconds.",
                math.ceil(total),
            )
            % {"seconds": total},
        ) from error
    except httpx.ConnectError as error:
        raise FetchError(
            "connection",
            _("Could not connect to the partner's server at %(host)s.") % {"host": target.host},
        ) from error
    except httpx.TransportError as error:
        raise FetchError(
            "connection",
            _("The partner's server broke off the connection before sending the whole feed."),
        ) from error
    raise FetchError(
        "too_many_redirects",
        ngettext(
            "The feed address redirected more than %(count)s time; it may be going in circles.",
            "The feed address redirected more than %(count)s times; it may be going in circles.",
            max_redirects,
        )
        % {"count": max_redirects},
    )


def checked_url(url: str, base: httpx.URL | None = None) -> httpx.URL:
    """The editor's address, and then every redirect's Location, pass through here."""
    try:
        parsed = base.join(url) if base else httpx.URL(url)
    except httpx.InvalidURL:
        parsed = None
    if parsed is not None and parsed.scheme not in ("", "http", "https"):
        raise FetchError(
            "bad_scheme",
            _("Feed addresses must start with http:// or https://, and “%(url)s” does not.")
            % {"url": url},
        )
    if parsed is None or not (parsed.scheme and parsed.host and 0 < (parsed.port or 80) < 65536):
        raise FetchError(
            "invalid_url", _("“%(url)s” is not a complete web address.") % {"url": url}
        )
    return parsed


def read_result(response: httpx.Response) -> FetchResult:
    headers = response.headers
    status = response.status_code
    if not (response.is_success or status == 304):
        raise status_error(response)
    return FetchResult(
        url=str(response.url),
        status=status,
        body=b"" if status == 304 else read_body(response),
        etag=headers.get("ETag", ""),
        last_modified=headers.get("Last-Modified", ""),
        content_type=headers.get("Content-Type", ""),
        max_age=max_age(headers.get("Cache-Control", "")),
    )


def read_body(response: httpx.Response) -> bytes:
    """Counts bytes as they arrive, both on the wire and once decompressed, and stops
    reading at the limit: a few kilobytes of gzip can inflate to gigabytes."""
    limit = getattr(settings, "SYNDICATION_MAX_BYTES", 5 * 1024 * 1024)
    too_large = FetchError(
        "too_large",
        _("The feed is larger than %(size)s, the most the site accepts.")
        % {"size": filesizeformat(limit)},
        status=response.status_code,
    )
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > limit:
        raise too_large
    inflater = decompressor(response)
    body = bytearray()
    received = 0
    for chunk in response.iter_raw():
        received += len(chunk)
        if inflater is not None:
            try:
                # Never more than one byte past the limit, however dense the input.
                chunk = inflater.decompress(chunk, limit + 1 - len(body))
            except zlib.error as error:
                raise FetchError(
                    "http_error",
                    _("The partner's server sent a damaged compressed feed."),
                    status=response.status_code,
                ) from error
        body += chunk
        if received > limit or len(body) > limit:
            raise too_large
    return bytes(body)


def decompressor(response: httpx.Response):
    encoding = response.headers.get("Content-Encoding", "").strip().lower()
    if encoding in ("", "identity"):
        return None
    if encoding in ("gzip", "x-gzip", "deflate"):
        return zlib.decompressobj(zlib.MAX_WBITS | 32)  # gzip or zlib header
    raise FetchError(
        "http_error",
        _("The partner's server compressed the feed as “%(encoding)s”, which is not supported.")
        % {"encoding": encoding},
        status=response.status_code,
    )


def status_error(response: httpx.Response) -> FetchError:
    status = response.status_code
    try:
        reason = HTTPStatus(status).phrase
    except ValueError:
        reason = response.reason_phrase
    message = _("The partner's server answered %(status)s.") % {
        "status": f"{status} {reason}".strip()
    }
    if status not in RATE_LIMIT_STATUSES:
        return FetchError("http_error", message, status=status)
    wait = retry_after(response.headers.get("Retry-After", ""))
    if wait is not None:
        message += " " + ngettext(
            "It asked us to wait %(seconds)s second before trying again.",
            "It asked us to wait %(seconds)s seconds before trying again.",
            wait,
        ) % {"seconds": wait}
    return FetchError("rate_limited", message, status=status, retry_after=wait)


def retry_after(value: str) -> int | None:
    """Retry-After is either a number of seconds or an HTTP date."""
    value = value.strip()
    if value.isdigit():
        return int(value)
    when = parse_http_date_safe(value)
    return None if when is None else max(0, when - int(time.time()))


def max_age(cache_control: str) -> int | None:
    for directive in cache_control.split(","):
        name, _sep, value = directive.strip().partition("=")
        if name.strip().lower() == "max-age":
            value = value.strip().strip('"')
            return int(value) if value.isdigit() else None
    return None
