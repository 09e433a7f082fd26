"""A real HTTP server on 127.0.0.1 serving partner feeds for the syndication tests:
files from tests/fixtures/feeds, with ETags so that a second poll can get a 304."""

import hashlib
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent.parent / "fixtures" / "feeds"


class FeedServer:
    def __init__(self):
        self.routes: dict[str, bytes] = {}
        self.requests: list[str] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                server.requests.append(self.path)
                body = server.routes.get(self.path)
                if body is None:
                    self.send_error(404)
                    return
                etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
                if self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Type", "application/xml")
                self.send_header("ETag", etag)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def serve(self, path: str, fixture: str) -> str:
        """Serve a fixture file at ``path``; returns its full URL."""
        return self.serve_bytes(path, (FIXTURES / fixture).read_bytes())

    def serve_bytes(self, path: str, body: bytes) -> str:
        self.routes[path] = body
        return self.url(path)

    def url(self, path: str) -> str:
        host, port = self.httpd.server_address
        return f"http://{host}:{port}{path}"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()


def generated_rss(count: int, *, prefix: str = "item") -> bytes:
    """An RSS 2.0 feed of ``count`` distinct items, for load and concurrency tests."""
    items = "".join(
        f"<item><title>Statement {prefix} {n}</title>"
        f"<link>https://partner.example.org/{prefix}/{n}</link>"
        f"<guid>https://partner.example.org/{prefix}/{n}</guid>"
        f"<pubDate>Mon, 31 Jul 2023 10:{n % 60:02d}:00 +0000</pubDate>"
        f"<description>&lt;p&gt;Paragraph {n} of a partner statement.&lt;/p&gt;</description>"
        "</item>"
        for n in range(count)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Generated</title><link>https://partner.example.org/</link>{items}"
        "</channel></rss>"
    ).encode()
