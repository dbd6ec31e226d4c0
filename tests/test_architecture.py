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
    "attendance",
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
        ("python-docx only in the Word renderer", r"^\s*(import|from) docx\b", {"reports/renderers/docx.py"}),
        (
            "openpyxl only in the Excel renderer and the roster importer/exporter",
            r"^\s*(import|from) openpyxl",
            {"reports/renderers/xlsx.py", "delegates/importer.py", "delegates/exporter.py", "honors/exporters.py",
             "core/spreadsheet.py"},
        ),
        ("workbooks are created only by the one spreadsheet writer (formulas neutralised)",
         r"Workbook\(", {"core/spreadsheet.py"}),
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


# --- Roles: every role question goes through units/permissions.py ------------------------

ROLE_FILES = {"units/permissions.py", "units/models.py"}
ROLE_LITERAL = r"""["'](staff|officer|leadership)["']"""
ROLE_PY = [
    re.compile(ROLE_LITERAL),  # "staff" compared, passed or stored outside the role files
    re.compile(r"role\s*(==|!=|\bin\b|\bnot\s+in\b)"),  # user.role == ..., reviewer_role in (...)
    re.compile(r"(==|!=|\bin\b|\bis\b)\s*[(\[{]?\s*(User\.)?Role\.[A-Z]"),  # ... == User.Role.STAFF
    re.compile(r"Role\.[A-Z]+\s*(==|!=)"),
]
ROLE_TEMPLATE = [
    re.compile(r"\{%[^%]*\brole\b[^%]*%\}"),  # {% if user.role ... %}
    re.compile(r"\{%[^%]*" + ROLE_LITERAL + r"[^%]*%\}"),  # {% if x == "staff" %}
    re.compile(r"\{\{[^}]*\.role\b"),  # {{ user.role|yesno }}
]
# Lines that look like a role question and are not one.
ROLE_EXCEPTIONS = {
    ("congresses/rules/roster.py", 'STAFF = "staff"'): "CapSetter value (who sets a cap), not a role",
    ("congresses/models.py", '("staff", _("Sở Nội vụ quyết định'): "CapSetter choice, not a role",
}


def _role_offenders() -> list[str]:
    candidates = [(path, ROLE_PY) for path in _sources()]
    candidates += [(path, ROLE_TEMPLATE) for path in (ROOT / "templates").rglob("*.html")]
    offenders = []
    for path, patterns in candidates:
        relative = path.relative_to(ROOT).as_posix()
        if relative in ROLE_FILES:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not any(p.search(line) for p in patterns):
                continue
            if any(relative == f and text in line for f, text in ROLE_EXCEPTIONS):
                continue
            offenders.append(f"{relative}:{number}: {line.strip()}")
    return offenders


def test_role_questions_are_asked_only_through_units_permissions():
    assert _role_offenders() == [], (
        "ask units/permissions.py (is_staff_of_home_affairs, sees_whole_province, ...)"
    )


@pytest.mark.parametrize(
    "line",
    [
        'if request.user.role == "staff":',
        "can_write = request.user.role == User.Role.STAFF",
        'sees = user.role in ("staff", "leadership")',
        'by_staff=getattr(by, "role", "") == "staff",',
        "if User.Role.OFFICER == user.role:",
    ],
)
def test_the_role_rule_catches_python_role_questions(line):
    assert any(p.search(line) for p in ROLE_PY)


@pytest.mark.parametrize(
    "line",
    ['{% if user.role == "staff" %}', "{% if request.user.role in roles %}", "{{ user.role|yesno }}"],
)
def test_the_role_rule_catches_template_role_questions(line):
    assert any(p.search(line) for p in ROLE_TEMPLATE)


@pytest.mark.parametrize(
    "line",
    [
        "if is_staff_of_home_affairs(request.user):",
        "User.objects.create_user(username='x', role=User.Role.STAFF)",
        '{% include "portal/_home_staff_links.html" %}',
        '<form role="search">',
        "{% if nav_is_staff %}",
    ],
)
def test_the_role_rule_lets_creation_and_finished_booleans_through(line):
    assert not any(p.search(line) for p in ROLE_PY + ROLE_TEMPLATE)
