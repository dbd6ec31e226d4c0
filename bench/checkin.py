"""Check-in at the door under load: 500 arrivals in 10 minutes through 4 doors, on loopback (run by hand).

    .venv/bin/python bench/checkin.py                 # PostgreSQL on 127.0.0.1:5432 + gunicorn, replayed 10x faster
    .venv/bin/python bench/checkin.py --speed 1       # the real 10 minutes

It creates the database `bkan_checkin` afresh (units, campaign, one event of 500 delegates with their
personal codes, 4 reception accounts), starts gunicorn with the production settings and replays the
arrivals: each at a random moment of the 10 minutes, at one of the 4 doors, where that door's phone
POSTs the scanned code (one check-in per request, as a phone online does); one arrival in 20 is
scanned a second time. Meanwhile the presidium's screen polls its figures every 2 s. Prints p50/p95/
max of the check-in request, the presidium's poll, the check-ins the server holds (must be 500), and
the presidium's query count with 0 and with 500 delegates present, of its figures and of its page's
poll (presidium.json, as an account on the screen asks it), each pair equal.
Only the standard library on the client side.
"""

import argparse
import http.cookiejar
import json
import os
import random
import re
import secrets
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "Bench@2025"
DOORS = ["door1", "door2", "door3", "door4"]

# The presidium poll's query count, measured the same way before and after the arrivals.
VIEW_QUERIES = """
def view_queries(event_pk):
    from django.test import Client
    from django.urls import reverse
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(User.objects.get(username="door1"))
    url = reverse("attendance:presidium_data", args=[event_pk])
    client.get(url)  # the session and the account are read once, as on the screen's first poll
    with CaptureQueriesContext(connection) as q:
        assert client.get(url).status_code == 200
    return len(q)
"""

SETUP = """
import json
from datetime import timedelta
from django.utils import timezone
from congresses.models import Event, Campaign
from units.models import Unit, User
from delegates.models import Delegate
from attendance import selectors, services
from core.text import vietnamese_sort_key, fold_for_search
from django.db import connection
from django.test.utils import CaptureQueriesContext
unit = Unit.objects.get(name="Thị trấn Chợ Rã")
campaign = Campaign.objects.get(is_active=True)
tier = campaign.tiers.get(code="commune")
event, _ = Event.objects.get_or_create(campaign=campaign, unit=unit, defaults=dict(
    tier=tier, name="Hội nghị điển hình tiên tiến (bench)", ordinal="III", venue="Hội trường",
    date=timezone.localdate() + timedelta(days=1), session="morning", delegate_cap=500))
people = []
for i in range(500):
    name = f"Nguyễn Văn Đại biểu {i:03d}"
    people.append(Delegate(event=event, category="exemplar_individual" if i % 10 < 7 else "guest",
        full_name=name, gender="male", birth_year=1980, ethnic_group="Tày",
        sort_key=vietnamese_sort_key(name), search_text=fold_for_search(name)))
Delegate.objects.bulk_create(people)
services.invitations_ensure(event=event)
officer = User.objects.create_user(username="door1", password=PW, role="officer", unit=unit)
for name in ("door2", "door3", "door4"):
    User.objects.create_user(username=name, password=PW, role="officer", unit=Unit.objects.get(name="Phường Sông Cầu"))
    services.reception_grant(event=event, username=name, by=officer)
VIEW_QUERIES
with CaptureQueriesContext(connection) as q:
    selectors.presidium_figures(event=event)
codes = [selectors.invitation_token(d.invitation) for d in Delegate.objects.filter(event=event).select_related("invitation")]
print(json.dumps({"event": event.pk, "codes": codes, "queries_empty": len(q), "view_empty": view_queries(event.pk)}))
"""

AFTER = """
import json
from django.db import connection
from django.test.utils import CaptureQueriesContext
from attendance import selectors
from attendance.models import CheckIn
from congresses.models import Event
from units.models import User
VIEW_QUERIES
event = Event.objects.select_related("tier").get(pk=EVENT)
with CaptureQueriesContext(connection) as q:
    figures = selectors.presidium_figures(event=event)
rows = CheckIn.objects.filter(event=event).count()
print(json.dumps({"queries_full": len(q), "present": figures.present, "checkins": rows,
                  "view_full": view_queries(event.pk)}))
"""


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))]


class Phone:
    """One door's phone: a logged-in session posting check-ins as the codes are scanned."""

    def __init__(self, base: str, username: str, event: int):
        self.base, self.event = base, event
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))
        page = self.opener.open(f"{base}/accounts/login/").read().decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        data = urllib.parse.urlencode(
            {"username": username, "password": PASSWORD, "csrfmiddlewaretoken": token}
        )
        request = urllib.request.Request(f"{base}/accounts/login/", data=data.encode(),
                                         headers={"Referer": f"{base}/accounts/login/"})  # fmt: skip
        self.opener.open(request).read()
        door = self.opener.open(f"{base}/events/{event}/door/").read().decode()
        self.csrf = re.search(r'data-csrf="([^"]+)"', door).group(1)

    def check_in(self, code: str, door: str) -> float:
        body = json.dumps({"items": [{"key": secrets.token_hex(6), "code": code, "door": door}]}).encode()
        request = urllib.request.Request(
            f"{self.base}/events/{self.event}/door/checkins/", data=body, method="POST",
            headers={"Content-Type": "application/json", "X-CSRFToken": self.csrf,
                     "Referer": f"{self.base}/events/{self.event}/door/"},
        )  # fmt: skip
        started = time.perf_counter()
        answer = json.loads(self.opener.open(request, timeout=30).read())
        elapsed = time.perf_counter() - started
        assert answer["results"][0]["ok"], answer
        return elapsed

    def poll(self) -> float:
        started = time.perf_counter()
        self.opener.open(f"{self.base}/events/{self.event}/presidium.json", timeout=30).read()
        return time.perf_counter() - started


def replay(base: str, event: int, codes: list[str], minutes: float, speed: float, seed: int) -> dict:
    rng = random.Random(seed)
    span = minutes * 60 / speed
    arrivals = sorted((rng.uniform(0, span), code, rng.randrange(len(DOORS))) for code in codes)
    arrivals += [(at + rng.uniform(1, 5) / speed, code, d) for at, code, d in arrivals if rng.random() < 0.05]
    phones = [Phone(base, name, event) for name in DOORS]
    presidium = Phone(base, "door1", event)
    timings: list[float] = []
    polls: list[float] = []
    lock = threading.Lock()
    start = time.perf_counter() + 0.5
    done = threading.Event()

    def door(index: int) -> None:
        for at, code, _door in sorted(a for a in arrivals if a[2] == index):
            wait = start + at - time.perf_counter()
            if wait > 0:
                time.sleep(wait)
            elapsed = phones[index].check_in(code, DOORS[index])
            with lock:
                timings.append(elapsed)

    def screen() -> None:
        while not done.is_set():
            polls.append(presidium.poll())
            done.wait(2 / max(speed / 10, 1))

    threads = [threading.Thread(target=door, args=(i,)) for i in range(len(DOORS))]
    watcher = threading.Thread(target=screen)
    watcher.start()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    done.set()
    watcher.join()
    return {
        "timings": timings,
        "polls": polls,
        "requests": len(arrivals),
        "wall": time.perf_counter() - start,
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--pg", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--db", default="bkan_checkin")
    parser.add_argument("--port", type=int, default=8197)
    parser.add_argument("--workers", type=int, default=(os.cpu_count() or 1) * 2 + 1)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--minutes", type=float, default=10.0, help="the span the arrivals come in")
    parser.add_argument(
        "--speed", type=float, default=10.0, help="replay this many times faster than real time"
    )
    parser.add_argument("--seed", type=int, default=2025)
    args = parser.parse_args()
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env.update(
        DEBUG="False", DEMO_MODE="False", SECRET_KEY=secrets.token_urlsafe(64), ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=f"{args.pg}/{args.db}", CELERY_BROKER_URL="memory://", CELERY_TASK_ALWAYS_EAGER="True",
        STATIC_ROOT="/tmp/bkan-checkin-static", MEDIA_ROOT="/tmp/bkan-checkin-media", LOG_LEVEL="WARNING",
        AXES_FAILURE_LIMIT="1000",
    )  # fmt: skip
    py = str(ROOT / ".venv/bin/python")

    def manage(*cmd: str, capture: bool = False) -> str:
        out = subprocess.run([py, "manage.py", *cmd], cwd=ROOT, env=env, check=True, text=True,
                             stdout=subprocess.PIPE if capture else subprocess.DEVNULL)  # fmt: skip
        return out.stdout or ""

    subprocess.run(
        ["psql", f"{args.pg}/postgres", "-qc", f"DROP DATABASE IF EXISTS {args.db} WITH (FORCE)"], check=True
    )
    subprocess.run(["psql", f"{args.pg}/postgres", "-qc", f"CREATE DATABASE {args.db}"], check=True)
    print(f"migrate, load_bac_kan, 500 delegates (database {args.db}), collectstatic ...", flush=True)
    manage("migrate", "--noinput")
    manage("load_bac_kan")
    manage("collectstatic", "--noinput")
    setup = json.loads(
        manage(
            "shell",
            "-c",
            SETUP.replace("VIEW_QUERIES", VIEW_QUERIES).replace("PW", repr(PASSWORD)),
            capture=True,
        )
        .strip()
        .splitlines()[-1]
    )
    gunicorn = subprocess.Popen(
        [str(ROOT / ".venv/bin/gunicorn"), "bac_kan_emulation.wsgi", "--bind", f"127.0.0.1:{args.port}",
         "--workers", str(args.workers), "--worker-class", "gthread", "--threads", str(args.threads)],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    base = f"http://127.0.0.1:{args.port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{base}/accounts/login/", timeout=2)
                break
            except OSError:
                time.sleep(0.2)
        print(f"gunicorn: {args.workers} workers x {args.threads} threads; 4 doors; "
              f"{args.minutes:g} min replayed {args.speed:g}x faster", flush=True)  # fmt: skip
        result = replay(base, setup["event"], setup["codes"], args.minutes, args.speed, args.seed)
    finally:
        gunicorn.terminate()
        gunicorn.wait(10)
    after = json.loads(
        manage(
            "shell",
            "-c",
            AFTER.replace("VIEW_QUERIES", VIEW_QUERIES).replace("EVENT", str(setup["event"])),
            capture=True,
        )
        .strip()
        .splitlines()[-1]
    )
    ms = [t * 1000 for t in result["timings"]]
    polls = [t * 1000 for t in result["polls"]]
    print(f"check-in requests: {len(ms)} ({result['requests'] - 500} second scans) in {result['wall']:.0f} s")
    print(f"  p50 {statistics.median(ms):.1f} ms   p95 {percentile(ms, 95):.1f} ms   max {max(ms):.1f} ms")
    print(
        f"presidium polls: {len(polls)}   p50 {statistics.median(polls):.1f} ms   p95 {percentile(polls, 95):.1f} ms"
    )
    print(
        f"check-ins held by the server: {after['checkins']} (expected 500); present on the presidium: {after['present']}"
    )
    print(
        f"presidium queries: {setup['queries_empty']} with nobody present, {after['queries_full']} with 500 present"
        f" (figures); its page's poll (presidium.json): {setup['view_empty']} and {after['view_full']}"
    )
    ok = after["checkins"] == 500 and setup["queries_empty"] == after["queries_full"]
    ok = ok and setup["view_empty"] == after["view_full"]
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
