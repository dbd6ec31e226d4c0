"""Benchmark: import a 10,000-row roster file (run by hand: `.venv/bin/python bench/import_10k.py`).

Prints, for the same file:
  1. a bare openpyxl read-only parse (the floor: reading the cells and nothing else),
  2. the portal's import: parse + validate (importer) + stage + confirm (services, bulk insert),
  3. django-import-export importing the same file with a minimal Resource
     (default per-row saves, and again with use_bulk=True).
Aim: (2) ≤ 2× (1) in time and ≤ 1.5× in peak memory (tracemalloc, one separate run per side);
(3) is the peer. Every side runs BENCH_RUNS times (default 3), alternating
order, with only the operation inside the timer (the previous run's rows are deleted before the
clock starts); min and median are printed, ratios use medians. The per-row django-import-export
side (minutes) runs only with BENCH_PER_ROW=1.

Runs on a throw-away test database (SQLite in memory unless DATABASE_URL says otherwise).
"""

import io
import os
import random
import re
import statistics
import sys
import time
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

ROWS = int(os.environ.get("BENCH_ROWS", "10000"))


def build_file(rows: int) -> bytes:
    from delegates.demo import ETHNIC_WEIGHTS, FAMILY_NAMES, FIELDS, GIVEN, MIDDLE
    from delegates.exporter import render_roster
    from delegates.models import Delegate

    rng = random.Random(6)
    categories = [c for c, _ in Delegate.Category.choices]
    people = []
    for _ in range(rows):
        gender = rng.choice(("male", "female"))
        category = rng.choice(categories)
        people.append(
            Delegate(
                full_name=f"{rng.choice(FAMILY_NAMES)} {rng.choice(MIDDLE[gender])} {rng.choice(GIVEN[gender])}",
                category=category,
                collective_name="Thôn Nà Làng" if category == "exemplar_collective" else "",
                gender=gender,
                birth_year=rng.randint(1955, 2003),
                ethnic_group=rng.choice([e for e, _ in ETHNIC_WEIGHTS]),
                religion="Không",
                position="Trưởng thôn",
                workplace="Xã Dương Quang",
                field=rng.choice(FIELDS),
                is_direct_worker=rng.random() < 0.5,
            )
        )
    return as_excel_saves_it(render_roster(title="Hội nghị (bench)", delegates=people))


_INLINE = re.compile(
    r'<c r="([A-Z]+\d+)"([^>]*?) t="inlineStr"><is><t(?: xml:space="preserve")?>(.*?)</t></is></c>', re.S
)


def as_excel_saves_it(content: bytes) -> bytes:
    """Rewrite openpyxl's inline strings as a shared-strings table, the way Excel saves a file.

    openpyxl 3.1 writes every text cell inline; Excel (and LibreOffice) write a shared
    strings table, which is what officers upload and what read-only parsers are fast on.
    """
    strings: dict[str, int] = {}

    def shared(match: re.Match) -> str:
        index = strings.setdefault(match.group(3), len(strings))
        return f'<c r="{match.group(1)}"{match.group(2)} t="s"><v>{index}</v></c>'

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(content)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item)
            if item.filename.startswith("xl/worksheets/sheet"):
                data = _INLINE.sub(shared, data.decode()).encode()
            elif item.filename == "[Content_Types].xml":
                data = data.replace(
                    b"</Types>",
                    b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
                    b'officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
                )
            elif item.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rIdShared" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                    b'relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
                )
            zout.writestr(item, data)
        items = "".join(f'<si><t xml:space="preserve">{text}</t></si>' for text in strings)
        zout.writestr(
            "xl/sharedStrings.xml",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            f'count="{len(strings)}" uniqueCount="{len(strings)}">{items}</sst>',
        )
    return out.getvalue()


RUNS = int(os.environ.get("BENCH_RUNS", "3"))


def alternate(sides: list[tuple[str, Any, Any]], runs: int) -> dict[str, list[float]]:
    """Each side `runs` times, the order reversed every other round; only `operation` is timed.

    `setup` (emptying the roster of the previous run) happens before the clock starts.
    """
    times: dict[str, list[float]] = {label: [] for label, _, _ in sides}
    for round_ in range(runs):
        for label, setup, operation in sides if round_ % 2 == 0 else sides[::-1]:
            if setup is not None:
                setup()
            start = time.perf_counter()
            operation()
            times[label].append(time.perf_counter() - start)
    return times


def traced_peaks(sides: list[tuple[str, Any, Any]]) -> dict[str, int]:
    """Each side's peak of Python allocations (tracemalloc) over one run, setup outside it.

    Separate from the timed runs: tracing slows every allocation, so it would distort the times.
    """
    import gc
    import tracemalloc

    peaks: dict[str, int] = {}
    for label, setup, operation in sides:
        if setup is not None:
            setup()
        gc.collect()
        tracemalloc.start()
        operation()
        peaks[label] = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return peaks


def main() -> None:
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        run()
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


def run() -> None:
    from openpyxl import load_workbook

    from congresses.models import Event, TierRule
    from congresses.services import campaign_load_from_file
    from delegates import services
    from delegates.importer import parse_roster
    from delegates.models import Delegate
    from units.models import Unit, User
    from units.services import units_load_bac_kan

    units_load_bac_kan()
    campaign = campaign_load_from_file()
    unit = Unit.objects.get(name="Sở Y tế")
    tier = TierRule.objects.get(campaign=campaign, code="department")
    # A bench-only event whose own cap admits the whole file (real caps are ≤ 500).
    event = Event.objects.create(
        campaign=campaign, unit=unit, tier=tier, name="Hội nghị (bench)", ordinal="I", venue="x",
        date=date(2025, 5, 10), session="morning", delegate_cap=ROWS,
    )  # fmt: skip
    officer = User.objects.create_user(username="bench", password="x", role="officer", unit=unit)

    content = build_file(ROWS)
    print(f"{ROWS:,} rows, file {len(content) / 1024:.0f} KiB, database {connection.vendor}")

    def bare_parse():
        wb = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        for _row in wb["Danh sách đại biểu"].iter_rows(values_only=True):
            pass
        wb.close()

    def empty_roster():
        """Outside the timer: the previous run's rows go without the audit hook (raw delete), and
        the event's counters are recounted, as any roster write does (the cap reads them)."""
        Delegate.objects.filter(event=event)._raw_delete(connection.alias)
        services.roster_recount(event_id=event.pk)

    def portal_import():
        result = parse_roster(io.BytesIO(content), event_year=2025)
        assert not result.errors, result.errors[:3]
        staged = services.roster_import_stage(
            event=event, file_name="bench.xlsx", rows=result.rows, by=officer
        )
        services.roster_import_confirm(staged=staged)

    def portal_parse_only():
        parse_roster(io.BytesIO(content), event_year=2025)

    resource_cls = import_export_resource(event)

    def import_export(use_bulk: bool):
        import tablib

        dataset = tablib.Dataset().load(io.BytesIO(content), format="xlsx", skip_lines=2)
        dataset.headers = [h.replace(" (*)", "") for h in dataset.headers]
        resource = resource_cls()
        resource._meta.use_bulk = use_bulk
        result = resource.import_data(dataset, dry_run=False, raise_errors=True, use_transactions=True)
        assert not result.has_errors() and not result.has_validation_errors()

    sides = [
        ("bare openpyxl read-only parse", None, bare_parse),
        ("portal: parse + validate only", None, portal_parse_only),
        ("portal import: parse + validate + preview + save", empty_roster, portal_import),
        ("django-import-export (use_bulk=True)", empty_roster, lambda: import_export(True)),
    ]
    if os.environ.get("BENCH_PER_ROW") == "1":  # per-row saves: minutes for 10,000 rows
        sides.append(
            ("django-import-export (default, per-row save)", empty_roster, lambda: import_export(False))
        )
    times = alternate(sides, RUNS)
    peaks = traced_peaks(sides[:3])
    empty_roster()
    portal_import()
    assert Delegate.objects.filter(event=event).count() == ROWS  # every side wrote the whole file
    print(f"  {RUNS} alternating runs per side; only the operation is timed (the emptying is not)")
    for label, runs in times.items():
        print(f"  {label:<52} min {min(runs):7.3f} s   median {statistics.median(runs):7.3f} s")
    print("  peak memory (tracemalloc, one more run per side after the timed ones):")
    for label, peak in peaks.items():
        print(f"  {label:<52} {peak / 2**20:7.1f} MiB")
    memory = (
        peaks["portal import: parse + validate + preview + save"] / peaks["bare openpyxl read-only parse"]
    )
    med = {label: statistics.median(runs) for label, runs in times.items()}
    ours = med["portal import: parse + validate + preview + save"]
    bare = med["bare openpyxl read-only parse"]
    peer = med["django-import-export (use_bulk=True)"]
    print(f"\n  portal / bare parse (median):            {ours / bare:5.2f}×   (aim ≤ 2×)")
    print(
        f"  django-import-export bulk / portal:      {peer / ours:5.2f}×   (peer; > 1 means the portal is faster)"
    )
    print(
        f"TABLE\timport {ROWS:,} rows (median)\t{ours:.2f} s\tbare openpyxl parse {bare:.2f} s\t"
        f"{ours / bare:.2f}×\t≤ 2×"
    )
    print(f"  portal / bare parse, peak memory:        {memory:5.2f}×   (aim ≤ 1.5×)")
    print(
        f"TABLE\timport {ROWS:,} rows, peak memory\t"
        f"{peaks['portal import: parse + validate + preview + save'] / 2**20:.0f} MiB\t"
        f"bare openpyxl parse {peaks['bare openpyxl read-only parse'] / 2**20:.0f} MiB\t{memory:.2f}×\t≤ 1.5×"
    )
    print(
        f"TABLE\timport {ROWS:,} rows vs peer (median)\t{ours:.2f} s\t"
        f"django-import-export use_bulk {peer:.2f} s\t{ours / peer:.2f}×\t≤ 1×"
    )


def import_export_resource(event):
    """A minimal Resource reading the same columns (labels mapped back to codes)."""
    from import_export import fields, resources, widgets

    from core.text import fold_for_search, vietnamese_sort_key
    from delegates.models import Delegate

    class ChoiceLabelWidget(widgets.Widget):
        def __init__(self, choices):
            super().__init__()
            self.by_label = {label: value for value, label in choices}

        def clean(self, value, row=None, **kwargs):
            return self.by_label[value]

    class YesNoWidget(widgets.Widget):
        def clean(self, value, row=None, **kwargs):
            return value == "Có"

    class TextWidget(widgets.CharWidget):
        def clean(self, value, row=None, **kwargs):
            return "" if value is None else str(value)

    def text(attribute, column):
        return fields.Field(attribute=attribute, column_name=column, widget=TextWidget())

    class DelegateResource(resources.ModelResource):
        full_name = text("full_name", "Họ và tên")
        category = fields.Field(
            attribute="category",
            column_name="Thành phần",
            widget=ChoiceLabelWidget(Delegate.Category.choices),
        )
        gender = fields.Field(
            attribute="gender",
            column_name="Giới tính",
            widget=ChoiceLabelWidget([("male", "Nam"), ("female", "Nữ")]),
        )
        birth_year = fields.Field(
            attribute="birth_year", column_name="Năm sinh", widget=widgets.IntegerWidget()
        )
        ethnic_group = text("ethnic_group", "Dân tộc")
        religion = text("religion", "Tôn giáo")
        collective_name = text("collective_name", "Tên tập thể (đại diện tập thể)")
        position = text("position", "Chức vụ")
        workplace = text("workplace", "Nơi công tác")
        field = text("field", "Lĩnh vực")
        is_direct_worker = fields.Field(
            attribute="is_direct_worker", column_name="Trực tiếp lao động, sản xuất", widget=YesNoWidget()
        )

        class Meta:
            model = Delegate
            fields = ("full_name", "category", "gender", "birth_year", "ethnic_group", "religion",
                      "collective_name", "position", "workplace", "field", "is_direct_worker")  # fmt: skip
            import_id_fields = ()
            skip_diff = True
            batch_size = 1000

        def get_instance(self, instance_loader, row):
            return None  # always new rows

        def before_save_instance(self, instance, row, **kwargs):
            instance.event = event
            instance.sort_key = vietnamese_sort_key(instance.full_name)
            instance.search_text = fold_for_search(instance.full_name)

        def import_instance(self, instance, row, **kwargs):
            super().import_instance(instance, row, **kwargs)
            self.before_save_instance(instance, row)

    return DelegateResource


if __name__ == "__main__":
    main()
