"""The house rules that code review would otherwise have to remember (Zulip-style)."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
APPS = (
    "core",
    "units",
    "congresses",
    "delegates",
    "honors",
    "reports",
    "oversight",
    "audit",
    "bac_kan_emulation",
)


def _sources():
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            if "migrations" not in path.parts:
                yield path


def _offenders(pattern: str, allowed: set[str]) -> list[str]:
    regex = re.compile(pattern, re.MULTILINE)
    found = []
    for path in _sources():
        relative = path.relative_to(ROOT).as_posix()
        if relative not in allowed and regex.search(path.read_text(encoding="utf-8")):
            found.append(relative)
    return sorted(found)


@pytest.mark.parametrize(
    ("rule", "pattern", "allowed"),
    [
        ("WeasyPrint only in the PDF renderer", r"^\s*(import|from) weasyprint", {"reports/renderers/pdf.py"}),
        (
            "openpyxl only in the Excel renderer and the roster importer/exporter",
            r"^\s*(import|from) openpyxl",
            {"reports/renderers/xlsx.py", "delegates/importer.py", "delegates/exporter.py", "honors/exporters.py"},
        ),
        ("os.environ only in settings", r"os\.environ", {"bac_kan_emulation/settings.py",
                                                         "bac_kan_emulation/celery.py", "bac_kan_emulation/wsgi.py",
                                                         "bac_kan_emulation/security.py"}),
        ("no signal receivers for business rules", r"@receiver\(", {"audit/registry.py", "audit/signals.py"}),
    ],
)  # fmt: skip
def test_it_keeps_the_house_rules(rule, pattern, allowed):
    assert _offenders(pattern, allowed) == [], rule


def test_tasks_are_scheduled_only_after_the_transaction_commits():
    offenders = []
    for path in _sources():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if ".delay(" in line and "on_commit" not in line:
                offenders.append(f"{path.relative_to(ROOT)}:{number}")
    assert offenders == []


def test_views_never_create_rows_directly():
    offenders = _offenders(r"\.objects\.(create|bulk_create|get_or_create|update_or_create)\(", set())
    assert [p for p in offenders if p.endswith(("views.py",)) or "/views_" in p] == []
