"""Load test: N concurrent users on loopback browsing the portal's read pages (run by hand).

    .venv/bin/python bench/load.py --serve                 # set up PostgreSQL + province data + gunicorn, then load
    .venv/bin/python bench/load.py --serve --scale nation --users 100   # ten times the province (issue 16)
    .venv/bin/python bench/load.py --base http://127.0.0.1:8199   # against a server already running

With --serve it creates the database `bkan_load` on 127.0.0.1:5432 (kept between runs; --fresh
rebuilds it), loads `demo_data --scale province` (or `--scale nation` into `bkan_load_nation`:
about 1,500 events and 350,000 delegates, a few minutes the first time), runs collectstatic, starts gunicorn with the
production settings (DEBUG=False, WhiteNoise) and stops it afterwards.

Each virtual user logs in with one of the demo accounts, then for --duration seconds follows
links it finds on the pages it reads (same origin, GET, read pages only: no edit/add/copy/
activate/delete/export/download/admin/logout and their Vietnamese counterparts: them/sua/xoa/xet...),
with a think time between pages. Prints
p50/p95/p99 latency of page reads, throughput, errors, and the slowest URL patterns.
Only the standard library.
"""

import argparse
import http.cookiejar
import os
import random
import re
import secrets
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ACCOUNTS = ["sonoivu", "lanhdao", "thanhpho", "babe", "songcau", "chora", "syte"]
PASSWORD = "BacKan@2025"
SKIP = re.compile(
    r"/(edit|add|copy|activate|delete|remove|finalise|finalize|approve|reject|submit|import|export|"
    r"download|upload|invitations?|pdf|xlsx|admin|accounts/logout|i18n|"
    r"them|sua|xoa|xet|chot|nhap|xuat|tai-ve|giay-moi)(/|$|\?|\.)|\.(xlsx|pdf|docx|zip)|^/static/|^/media/"
)
LOGIN_SLOTS = threading.Semaphore(4)
LINK = re.compile(r'href="(/[^"#]*)"')


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


def pattern_of(path: str) -> str:
    return re.sub(r"/\d+(?=/|$)", "/<id>", path.split("?")[0])


class VirtualUser(threading.Thread):
    def __init__(self, base, username, duration, think, results, lock, rng, barrier, start):
        super().__init__(daemon=True)
        self.base, self.username, self.duration, self.think = base, username, duration, think
        self.barrier, self.start_at = barrier, start
        self.results, self.lock, self.rng = results, lock, rng
        self.ok = False
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def request(self, path, data=None):
        body = urllib.parse.urlencode(data).encode() if data else None
        started = time.perf_counter()
        try:
            with self.opener.open(self.base + path, data=body, timeout=30) as response:
                html = response.read().decode("utf-8", "replace")
                status = response.status
        except urllib.error.HTTPError as exc:
            html, status = "", exc.code
        except Exception as exc:  # noqa: BLE001 - every failure counts as an error
            html, status = "", f"{type(exc).__name__}"
        return time.perf_counter() - started, status, html

    def record(self, kind, path, elapsed, status):
        with self.lock:
            self.results.append((kind, pattern_of(path), elapsed, status))

    def run(self):
        with LOGIN_SLOTS:  # logins hash passwords (slow on purpose): a few at a time, like real arrivals
            self.login()
        self.browse()

    def login(self):
        elapsed, status, html = self.request("/accounts/login/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
        if not token:
            self.record("login", "/accounts/login/", elapsed, status)
            return
        data = {"csrfmiddlewaretoken": token.group(1), "username": self.username, "password": PASSWORD}
        elapsed, status, html = self.request("/accounts/login/", data)
        ok = status == 200 and "Đăng xuất" in html
        self.record("login", "/accounts/login/", elapsed, status if ok else f"login failed ({status})")
        self.ok = ok

    def browse(self):
        # Everyone logs in first; the browsing window starts when all are in.
        self.barrier.wait()
        if not self.ok:
            return
        deadline = self.start_at[0] + self.duration
        frontier = ["/"]
        seen = {"/"}
        time.sleep(self.rng.uniform(0, self.think[1]))  # users do not all click at the same instant
        while time.monotonic() < deadline:
            path = self.rng.choice(frontier)
            elapsed, status, html = self.request(path)
            self.record("read", path, elapsed, status)
            for link in LINK.findall(html):
                link = link.replace("&amp;", "&")
                if link not in seen and not SKIP.search(link) and len(frontier) < 400:
                    seen.add(link)
                    frontier.append(link)
            time.sleep(self.rng.uniform(*self.think))


def run_load(base, users, duration, think, seed):
    rng = random.Random(seed)
    results, lock = [], threading.Lock()
    start_at = [0.0]
    barrier = threading.Barrier(users + 1, action=lambda: start_at.__setitem__(0, time.monotonic()))
    threads = [
        VirtualUser(base, ACCOUNTS[i % len(ACCOUNTS)], duration, think, results, lock,
                    random.Random(rng.random()), barrier, start_at)
        for i in range(users)
    ]  # fmt: skip
    login_started = time.monotonic()
    for thread in threads:
        thread.start()
    barrier.wait(timeout=600)
    started = start_at[0]
    print(f"{users} users logged in within {started - login_started:.1f} s; browsing ... "
          f"(load average before: {os.getloadavg()[0]:.1f})", flush=True)  # fmt: skip
    for thread in threads:
        thread.join(duration + 60)
    wall = time.monotonic() - started
    print(
        f"load average after: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs (other work on the machine skews the tail)"
    )
    report(results, users, duration, wall)
    reads = [r for r in results if r[0] == "read"]
    errors = [r for r in results if r[3] != 200]
    return reads, errors


def report(results, users, duration, wall):
    reads = [r for r in results if r[0] == "read"]
    logins = [r for r in results if r[0] == "login"]
    errors = [r for r in results if r[3] != 200]
    ms = [r[2] * 1000 for r in reads]
    print(f"\n{users} users, {duration:.0f} s of browsing ({wall:.1f} s wall), {len(reads)} page reads, "
          f"{len(reads) / wall:.1f} pages/s, {len(logins)} logins")  # fmt: skip
    if ms:
        print(f"page reads   p50 {percentile(ms, 50):7.1f} ms   p95 {percentile(ms, 95):7.1f} ms   "
              f"p99 {percentile(ms, 99):7.1f} ms   max {max(ms):7.1f} ms   mean {statistics.mean(ms):6.1f} ms")  # fmt: skip
    login_ms = [r[2] * 1000 for r in logins]
    if login_ms:
        print(f"logins       p50 {percentile(login_ms, 50):7.1f} ms   p95 {percentile(login_ms, 95):7.1f} ms")
    print(f"errors       {len(errors)}" + (f"  e.g. {errors[:5]}" if errors else ""))
    by_pattern = defaultdict(list)
    for _, pattern, elapsed, _ in reads:
        by_pattern[pattern].append(elapsed * 1000)
    print("\nURL pattern                                        reads      p50      p95")
    for pattern, values in sorted(by_pattern.items(), key=lambda kv: -percentile(kv[1], 95))[:15]:
        print(
            f"{pattern[:50]:<50} {len(values):6d} {percentile(values, 50):8.1f} {percentile(values, 95):8.1f}"
        )
    if ms:
        verdict = "met" if percentile(ms, 95) < 200 and not errors else "NOT met"
        print(f"\naim p95 < 200 ms and no errors: {verdict}")


def serve(args):
    env = dict(os.environ)
    for key in ("DJANGO_SETTINGS_MODULE",):
        env.pop(key, None)
    env.update(
        DEBUG="False", DEMO_MODE="False", SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="127.0.0.1,localhost", DATABASE_URL=f"{args.pg}/{args.db}",
        CELERY_BROKER_URL="memory://", CELERY_TASK_ALWAYS_EAGER="True",
        STATIC_ROOT="/tmp/bkan-load-static", MEDIA_ROOT="/tmp/bkan-load-media", LOG_LEVEL="WARNING",
        AXES_FAILURE_LIMIT="1000",
    )  # fmt: skip
    py = str(ROOT / ".venv/bin/python")

    def manage(*cmd):
        subprocess.run([py, "manage.py", *cmd], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)

    exists = subprocess.run(["psql", f"{args.pg}/postgres", "-tAc", f"SELECT 1 FROM pg_database WHERE datname='{args.db}'"],
                            capture_output=True, text=True, check=True).stdout.strip() == "1"  # fmt: skip
    if args.fresh and exists:
        subprocess.run(
            ["psql", f"{args.pg}/postgres", "-qc", f"DROP DATABASE {args.db} WITH (FORCE)"], check=True
        )
        exists = False
    if not exists:
        subprocess.run(["psql", f"{args.pg}/postgres", "-qc", f"CREATE DATABASE {args.db}"], check=True)
    print(f"migrate, demo_data --scale {args.scale} (database {args.db}), collectstatic ...", flush=True)
    t0 = time.perf_counter()
    manage("migrate", "--noinput")
    if not exists:
        manage("demo_data", "--scale", args.scale)
    manage("collectstatic", "--noinput")
    print(f"  ready in {time.perf_counter() - t0:.0f} s", flush=True)
    port = args.port
    gunicorn = subprocess.Popen(
        [str(ROOT / ".venv/bin/gunicorn"), "bac_kan_emulation.wsgi", "--bind", f"127.0.0.1:{port}",
         "--workers", str(args.workers), "--worker-class", "gthread", "--threads", str(args.threads)],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/accounts/login/", timeout=2)
                break
            except OSError:
                time.sleep(0.2)
        print(f"gunicorn: {args.workers} workers x {args.threads} threads (gthread) on 127.0.0.1:{port}")
        return run_load(f"http://127.0.0.1:{port}", args.users, args.duration, args.think, args.seed)
    finally:
        gunicorn.terminate()
        try:  # an overloaded machine may take longer than gunicorn's graceful stop; never leave it running
            gunicorn.wait(30)
        except subprocess.TimeoutExpired:
            gunicorn.kill()
            gunicorn.wait(10)


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--base", help="URL of a running portal (else use --serve)")
    parser.add_argument("--serve", action="store_true", help="set up PostgreSQL + province data + gunicorn")
    parser.add_argument("--fresh", action="store_true", help="with --serve: rebuild the database")
    parser.add_argument("--pg", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--scale", choices=("province", "nation"), default="province",
                        help="with --serve: the demo data's scale (nation: ten times the province)")  # fmt: skip
    parser.add_argument("--db", help="with --serve: database name (default bkan_load, bkan_load_nation)")
    parser.add_argument("--port", type=int, default=8198)
    parser.add_argument("--workers", type=int, default=(os.cpu_count() or 1) * 2 + 1)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--duration", type=float, default=30.0)
    parser.add_argument("--think", type=float, nargs=2, default=(0.5, 1.5), metavar=("MIN", "MAX"),
                        help="seconds a user reads a page before the next (uniform)")  # fmt: skip
    parser.add_argument("--seed", type=int, default=2025)
    args = parser.parse_args()
    args.db = args.db or ("bkan_load_nation" if args.scale == "nation" else "bkan_load")
    if args.serve:
        _, errors = serve(args)
    elif args.base:
        _, errors = run_load(args.base.rstrip("/"), args.users, args.duration, args.think, args.seed)
    else:
        parser.error("give --base URL or --serve")
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
