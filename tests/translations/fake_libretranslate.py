"""A LibreTranslate server for tests, on 127.0.0.1, speaking the real HTTP API.

``POST /translate`` takes ``q`` (a string or a list), ``source``, ``target``, ``format``
("text" or "html") and ``api_key``, as JSON or as a form, and answers
``{"translatedText": ...}`` in the shape of ``q``; errors are ``{"error": ...}`` with
the status LibreTranslate uses. ``GET /languages`` lists the languages.

Its "translation" marks every piece of text with the target language, ``[fr] text``,
and leaves HTML tags as they were, so a test can tell machine text from any other.
It records each request, and can be told to fail (``fail_with = 500``, for every
language or only those in ``fail_targets``), to answer nonsense (``nonsense = True``)
or to go away (``stop()``: connections are refused).
"""

import json
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

LANGUAGES = {
    "en": "English",
    "fr": "French",
    "ru": "Russian",
    "uk": "Ukrainian",
    "es": "Spanish",
    "de": "German",
    "fa": "Persian",
}
TAG = re.compile(r"(<[^>]*>)")


def fake_translation(text: str, target: str, text_format: str = "text") -> str:
    """``[target] `` before each run of text; tags (in HTML) and spacing kept."""
    pieces = TAG.split(text) if text_format == "html" else [text]
    out = []
    for piece in pieces:
        if piece.startswith("<") or not piece.strip():
            out.append(piece)
            continue
        stripped = piece.lstrip()
        out.append(f"{piece[: len(piece) - len(stripped)]}[{target}] {stripped}")
    return "".join(out)


class FakeLibreTranslate(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, api_key: str = ""):
        super().__init__(("127.0.0.1", 0), _Handler)
        self.api_key = api_key
        self.requests: list[dict] = []
        self.fail_with: int | None = None
        self.fail_targets: set[str] | None = None  # None: every target language fails
        self.nonsense = False
        self._thread = threading.Thread(target=self.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> "FakeLibreTranslate":
        self._thread.start()
        return self

    def stop(self):
        """Shut down and close the socket: later requests are refused."""
        if self._thread.is_alive():
            self.shutdown()
            self._thread.join(timeout=5)
        self.server_close()

    def translation_requests(self) -> list[dict]:
        return [r for r in self.requests if r["path"] == "/translate"]

    def translate(self, params: dict) -> tuple[int, object]:
        q = params.get("q")
        source, target = params.get("source"), params.get("target")
        text_format = params.get("format") or "text"
        if q is None or q == []:
            return 400, {"error": "Invalid request: missing q parameter"}
        if not source:
            return 400, {"error": "Invalid request: missing source parameter"}
        if not target:
            return 400, {"error": "Invalid request: missing target parameter"}
        if self.api_key and params.get("api_key") != self.api_key:
            return 403, {"error": "Invalid API key"}
        for code in (source, target):
            if code != "auto" and code not in LANGUAGES:
                return 400, {"error": f"{code} is not supported"}
        if text_format not in ("text", "html"):
            return 400, {"error": f"{text_format} format is not supported"}
        if self.fail_with and (self.fail_targets is None or target in self.fail_targets):
            return self.fail_with, {"error": "Cannot translate text: the model crashed"}
        if isinstance(q, list):
            return 200, {"translatedText": [fake_translation(t, target, text_format) for t in q]}
        return 200, {"translatedText": fake_translation(q, target, text_format)}


class _Handler(BaseHTTPRequestHandler):
    server: FakeLibreTranslate

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass

    def _answer(self, status: int, payload: object):
        body = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _params(self) -> dict:
        raw = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode()
        if self.headers.get("Content-Type", "").startswith("application/json"):
            return json.loads(raw or "{}")
        form = parse_qs(raw)
        params = {key: values[0] for key, values in form.items()}
        if len(form.get("q", [])) > 1:
            params["q"] = form["q"]
        return params

    def do_GET(self):
        self.server.requests.append({"method": "GET", "path": self.path})
        if self.path == "/languages":
            codes = list(LANGUAGES)
            self._answer(
                200,
                [
                    {"code": code, "name": name, "targets": [c for c in codes if c != code]}
                    for code, name in LANGUAGES.items()
                ],
            )
        else:
            self._answer(404, {"error": "Not Found"})

    def do_POST(self):
        try:
            params = self._params()
        except ValueError:
            self.server.requests.append({"method": "POST", "path": self.path})
            self._answer(400, {"error": "Invalid request: malformed body"})
            return
        self.server.requests.append({"method": "POST", "path": self.path, "params": params})
        if self.path != "/translate":
            self._answer(404, {"error": "Not Found"})
            return
        if self.server.nonsense:
            # As a misconfigured proxy in front of the server might answer.
            body = b"<html><body>It works!</body></html>"
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        self._answer(*self.server.translate(params))
