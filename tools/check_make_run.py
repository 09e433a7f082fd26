"""Check the first command of the README the way a newcomer meets it.

Clones the repository into a temporary folder, runs `make run` there with no
DATABASE_URL or REDIS_URL (SQLite and the embedded Celery transport), waits for the
printed address, requests every public section, logs in to /admin/ with the printed
login, checks that the Celery worker and beat started, then stops everything with
Ctrl-C (SIGINT) as a person would. Prints one line per check.

    python3 tools/check_make_run.py [--port 8123]
"""

import argparse
import http.cookiejar
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

PUBLIC_URLS = [
    "/en/",
    "/fr/",
    "/ru/",
    "/en/campaigns/",
    "/en/prisoners/",
    "/en/statements/",
    "/en/countries/",
    "/en/countries/ru/",
    "/en/prisoners/boris-kagarlitsky/",
]


def wait_for(pattern, log_path, process, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        text = log_path.read_text(errors="replace")
        match = re.search(pattern, text)
        if match:
            return match
        if process.poll() is not None:
            sys.exit(f"make run stopped early:\n{text[-3000:]}")
        time.sleep(1)
    sys.exit(f"Timed out waiting for {pattern!r}:\n{log_path.read_text()[-3000:]}")


def admin_login(base, username, password):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    form = opener.open(f"{base}/admin/login/", timeout=30).read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    data = urllib.parse.urlencode(
        {"csrfmiddlewaretoken": token, "username": username, "password": password, "next": ""}
    ).encode()
    request = urllib.request.Request(
        f"{base}/admin/login/", data=data, headers={"Referer": f"{base}/admin/login/"}
    )
    response = opener.open(request, timeout=30)
    return response.geturl(), response.read().decode()


def wait_for_review_queue(base, username, password, timeout):
    """How many imported statements the admin dashboard reports, once there are some."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        _url, dashboard = admin_login(base, username, password)
        match = re.search(r"(\d+) statements? from partner feeds (?:is|are) waiting", dashboard)
        if match and int(match.group(1)) > 0:
            return int(match.group(1))
        time.sleep(5)
    return 0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", default="8123")
    parser.add_argument("--source", default=str(Path(__file__).resolve().parent.parent))
    args = parser.parse_args()
    base = f"http://127.0.0.1:{args.port}"
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    env["PORT"] = args.port
    with tempfile.TemporaryDirectory() as folder:
        clone = Path(folder) / "clone"
        subprocess.run(["git", "clone", "--quiet", args.source, str(clone)], check=True)
        log_path = Path(folder) / "make-run.log"
        started = time.monotonic()
        with log_path.open("w") as log:
            process = subprocess.Popen(
                ["make", "run"],
                cwd=clone,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        try:
            login = wait_for(r"Admin login: (\S+) / (\S+)", log_path, process, 900)
            wait_for(r"Quit the server with CONTROL-C", log_path, process, 120)
            print(f"ok   make run is serving after {time.monotonic() - started:.0f} s")
            for url in PUBLIC_URLS:
                status = urllib.request.urlopen(base + url, timeout=30).status
                print(f"{'ok' if status == 200 else 'FAIL':4} {status} {url}")
            for query in ("Kagarlitsky", "Кагарлицкий"):
                url = "/en/search/?" + urllib.parse.urlencode({"q": query})
                found = "Boris Kagarlitsky" in urllib.request.urlopen(base + url).read().decode()
                print(f"{'ok' if found else 'FAIL':4} search for {query} finds Boris Kagarlitsky")
            final_url, page = admin_login(base, *login.groups())
            logged_in = final_url.rstrip("/").endswith("/admin") and "Dashboard" in page
            print(f"{'ok' if logged_in else 'FAIL':4} /admin/ accepts the printed login")
            shown = "Translation work" in page
            print(f"{'ok' if shown else 'FAIL':4} the dashboard shows the translation work")
            wait_for(r"celery@\S+ ready", log_path, process, 120)
            wait_for(r"beat: Starting", log_path, process, 60)
            print("ok   Celery worker and beat started")
            waiting = wait_for_review_queue(base, *login.groups(), timeout=150)
            print(
                f"{'ok' if waiting else 'FAIL':4} {waiting} statements from the demo partner "
                "feeds are waiting for review"
            )
        finally:
            os.killpg(process.pid, signal.SIGINT)
            try:
                process.wait(timeout=30)
                print("ok   Ctrl-C stopped everything")
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                print("FAIL processes were still running 30 s after Ctrl-C")


if __name__ == "__main__":
    main()
