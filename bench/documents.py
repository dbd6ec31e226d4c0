"""500 invitations as PDF and as Word, next to one bare WeasyPrint render of the same pages.

Run by hand:  .venv/bin/python bench/documents.py [--delegates 500] [--repeat 5]

Uses the throw-away database of bench/invitations_500.py (the province tree, the campaign, one
event and its delegates). Each round times, in turn (the order rotating round by round):
  bare : the same pages (each letter with its personal code as a QR and its seat, exactly as the
         job prints them) as ONE HTML string (rendered beforehand, not timed) given to
         weasyprint.HTML(string=...).write_pdf();
  pdf  : the invitations job run in-process (reports.tasks.report_generate, eager): loading the
         rows, rendering the template in chunks, WeasyPrint, joining, writing the file;
  word : the same job with params {"format": "docx"} (python-docx, reports/renderers/docx.py).
Prints min and median of each and the ratios of the minima. Aim: pdf <= 1.2 x bare, word <= 0.5 x bare.
"""

import argparse
import statistics
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.invitations_500 import bare_html, setup  # noqa: E402  (sets up Django and its database)
from reports.models import GeneratedReport  # noqa: E402
from reports.renderers.pdf import html_to_pdf  # noqa: E402
from reports.tasks import report_generate  # noqa: E402
from units.models import User  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--delegates", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    event = setup(args.delegates)
    user = User.objects.create(username="bench", role="staff")
    html = bare_html(event)

    def job(params: dict) -> None:
        report = GeneratedReport.objects.create(kind="invitations", event=event, campaign=event.campaign,
                                                title="bench", idempotency_key=uuid.uuid4().hex,
                                                requested_by=user, params=params)  # fmt: skip
        report_generate.apply(args=[report.pk])
        report.refresh_from_db()
        assert report.status == "done", report.error

    sides = {
        "bare": lambda: html_to_pdf(html),
        "pdf": lambda: job({}),
        "word": lambda: job({"format": "docx"}),
    }
    times: dict[str, list[float]] = {name: [] for name in sides}
    order = list(sides)
    for round_no in range(args.repeat):
        for name in order[round_no % 3 :] + order[: round_no % 3]:
            start = time.perf_counter()
            sides[name]()
            times[name].append(time.perf_counter() - start)
    print(f"invitations: {args.delegates}   rounds: {args.repeat} (alternating)")
    for name, label in (("bare", "bare WeasyPrint, one HTML"), ("pdf", "PDF through the job"),
                        ("word", "Word through the job")):  # fmt: skip
        print(f"{label:27}: min {min(times[name]):6.2f} s   median {statistics.median(times[name]):6.2f} s")
    bare = min(times["bare"])
    print(f"ratio pdf / bare (min)     : {min(times['pdf']) / bare:6.2f}  (aim <= 1.20)")
    print(f"ratio word / bare (min)    : {min(times['word']) / bare:6.2f}  (aim <= 0.50)")


if __name__ == "__main__":
    main()
