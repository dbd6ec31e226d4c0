"""Smoke test of a running production stack (called by scripts/prod_check.sh).

Checks, against gunicorn: the login page in Vietnamese with its security headers;
a static file served by WhiteNoise with the right content type and a long cache;
a demo account logs in and reaches its home page; /admin/ redirects to its login;
/media/ is not served; the Celery worker answers on the broker; beat started.
Exits 1 with the list of failures.
"""

import argparse
import http.cookiejar
import re
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

DEMO_USER, DEMO_PASSWORD = "sonoivu", "BacKan@2025"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def opener(jar, follow=True):
    handlers = [urllib.request.HTTPCookieProcessor(jar)]
    if not follow:
        handlers.append(NoRedirect())
    return urllib.request.build_opener(*handlers)


def fetch(op, url, data=None):
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    try:
        with op.open(url, data=body, timeout=10) as response:
            return response.status, response.headers, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers, exc.read().decode("utf-8", "replace")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", required=True)
    parser.add_argument("--beat-log", required=True)
    args = parser.parse_args()
    base = args.base.rstrip("/")
    failures: list[str] = []

    def check(ok: bool, what: str) -> None:
        print(("  ok    " if ok else "  FAIL  ") + what)
        if not ok:
            failures.append(what)

    jar = http.cookiejar.CookieJar()
    browser = opener(jar)
    status, headers, html = fetch(browser, f"{base}/accounts/login/")
    check(status == 200 and "Đăng nhập" in html and 'lang="vi"' in html, "login page 200 in Vietnamese")
    csp = headers.get("Content-Security-Policy", "")
    check(
        "script-src 'self'" in csp and "unsafe-inline" not in csp,
        "Content-Security-Policy without inline script",
    )
    check(headers.get("X-Frame-Options") == "DENY", "X-Frame-Options DENY")

    css = re.search(r'href="(/static/vendor/bootstrap/bootstrap\.min\.[0-9a-f]{12}\.css)"', html)
    check(css is not None, "static URLs carry a content hash (collectstatic manifest)")
    if css:
        status, headers, _ = fetch(browser, base + css.group(1))
        check(
            status == 200 and headers.get("Content-Type", "").startswith("text/css"),
            "static CSS served as text/css",
        )
        check("max-age=315360000" in headers.get("Cache-Control", ""), "hashed static file cached for years")
    js = re.search(r'src="(/static/vendor/bootstrap/bootstrap\.bundle\.min\.[0-9a-f]{12}\.js)"', html)
    if js:
        status, headers, _ = fetch(browser, base + js.group(1))
        check(
            status == 200 and "javascript" in headers.get("Content-Type", ""),
            "static JS served as JavaScript",
        )

    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    check(token is not None, "login form has a CSRF token")
    if token:
        fetch(browser, f"{base}/accounts/login/",
              {"csrfmiddlewaretoken": token.group(1), "username": DEMO_USER, "password": DEMO_PASSWORD})  # fmt: skip
        status, _, home = fetch(browser, f"{base}/")
        check(
            status == 200 and "Sở Nội vụ" in home and "Đăng xuất" in home,
            f"{DEMO_USER} logs in and sees the home page",
        )

    status, headers, _ = fetch(opener(http.cookiejar.CookieJar(), follow=False), f"{base}/admin/")
    check(status == 302 and "/admin/login/" in headers.get("Location", ""), "/admin/ redirects to its login")
    status, _, _ = fetch(browser, f"{base}/media/anything.pdf")
    check(status == 404, "/media/ is not served by Django")

    ping = subprocess.run([sys.executable, "-m", "celery", "-A", "bac_kan_emulation", "inspect", "ping", "-t", "5"],
                          capture_output=True, text=True)  # fmt: skip
    for _ in range(20):
        if "pong" in ping.stdout:
            break
        time.sleep(1)
        ping = subprocess.run([sys.executable, "-m", "celery", "-A", "bac_kan_emulation", "inspect", "ping", "-t", "5"],
                              capture_output=True, text=True)  # fmt: skip
    check("pong" in ping.stdout, "Celery worker answers on the broker")
    beat_ok = False
    for _ in range(20):
        with open(args.beat_log, encoding="utf-8", errors="replace") as fh:
            if "beat: Starting" in fh.read():
                beat_ok = True
                break
        time.sleep(0.5)
    check(beat_ok, "Celery beat started")

    if failures:
        print(f"\n{len(failures)} check(s) failed")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
