"""Invitations for 500 delegates: through the task vs. a bare WeasyPrint render.

Run by hand:  .venv/bin/python bench/invitations_500.py [--delegates 500] [--repeat 3]

Builds a throw-away SQLite database (the province tree, the campaign, one event
and its delegates), then times
  task : reports.tasks.report_generate run in-process (eager), i.e. loading the
         rows, rendering the template in chunks, WeasyPrint, joining, writing the file;
  bare : the same pages (with each letter's QR code and seat, as the job prints
         them) as ONE HTML string (rendered beforehand, not timed) given
         to weasyprint.HTML(string=...).write_pdf().
Aim: task <= 1.2 x bare. Prints the best of --repeat runs of each.
"""

import argparse
import os
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
WORK = tempfile.mkdtemp(prefix="bench-invitations-")
os.environ["DATABASE_URL"] = f"sqlite:///{WORK}/bench.sqlite3"
os.environ["MEDIA_ROOT"] = f"{WORK}/media"
os.environ.setdefault("DEMO_MODE", "True")
os.environ["CELERY_BROKER_URL"] = "memory://"
os.environ["CELERY_TASK_ALWAYS_EAGER"] = "True"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bac_kan_emulation.settings")
os.environ.setdefault("LOG_LEVEL", "WARNING")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.template.loader import render_to_string  # noqa: E402

from congresses.models import Event  # noqa: E402
from delegates.demo import make_delegate  # noqa: E402
from delegates.models import Delegate  # noqa: E402
from reports.exporters.event_documents import InvitationsExporter, committee_context  # noqa: E402
from reports.models import GeneratedReport  # noqa: E402
from reports.renderers.pdf import html_to_pdf  # noqa: E402
from reports.tasks import report_generate  # noqa: E402
from units.models import Unit, User  # noqa: E402


def setup(count: int) -> Event:
    import random

    call_command("migrate", verbosity=0)
    call_command("load_bac_kan", stdout=open(os.devnull, "w"))
    from congresses.selectors import campaign_active

    campaign = campaign_active()
    unit = Unit.objects.get(kind="province")
    tier = (
        campaign.tiers.get(unit_kinds__contains="province") if False else campaign.tiers.get(code="province")
    )
    event = Event.objects.create(campaign=campaign, unit=unit, tier=tier, name=f"{tier.event_name} tỉnh Bắc Kạn",
                                 ordinal=campaign.ordinal, venue="Hội trường Trung tâm Hội nghị tỉnh",
                                 date=tier.window_start, session="morning", status="held")  # fmt: skip
    rng = random.Random(5)
    Delegate.objects.bulk_create(
        make_delegate(rng, event, rng.choice(["exemplar_individual", "leader", "guest"]))
        for _ in range(count)
    )
    return event


def bare_html(event: Event) -> str:
    """The same pages the job prints (salutation, name, details, personal code as a QR, seat), as
    ONE HTML string: what a bare WeasyPrint render is given."""
    exporter = InvitationsExporter()
    pages = exporter.pages(event, {})
    context = committee_context(GeneratedReport(kind="invitations", event=event), event, "GM")
    return render_to_string("reports/pdf/invitations.html", {**context, "pages": pages, "page_offset": 0})


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--delegates", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    event = setup(args.delegates)
    user = User.objects.create(username="bench", role="staff")
    html = bare_html(event)
    bare_times, task_times = [], []
    for _ in range(args.repeat):
        start = time.perf_counter()
        bare_pdf = html_to_pdf(html)
        bare_times.append(time.perf_counter() - start)

        report = GeneratedReport.objects.create(kind="invitations", event=event, campaign=event.campaign,
                                                title="bench", idempotency_key=uuid.uuid4().hex, requested_by=user)  # fmt: skip
        start = time.perf_counter()
        report_generate.apply(args=[report.pk])
        task_times.append(time.perf_counter() - start)
        report.refresh_from_db()
        assert report.status == "done", report.error
    from pypdf import PdfReader

    pages_task = len(PdfReader(report.file.path).pages)
    pages_bare = len(PdfReader(__import__("io").BytesIO(bare_pdf)).pages)
    bare, task = min(bare_times), min(task_times)
    print(
        f"delegates: {args.delegates}   pages: task {pages_task}, bare {pages_bare}   best of {args.repeat}"
    )
    print(f"bare WeasyPrint, one HTML string : {bare:6.2f} s  ({pages_bare / bare:5.0f} pages/s)")
    print(f"through the task (eager)         : {task:6.2f} s  ({pages_task / task:5.0f} pages/s)")
    print(f"ratio task / bare                : {task / bare:6.2f}  (aim <= 1.20)")
    print(
        "all runs, bare:",
        " ".join(f"{t:.2f}" for t in bare_times),
        " task:",
        " ".join(f"{t:.2f}" for t in task_times),
    )


if __name__ == "__main__":
    main()
