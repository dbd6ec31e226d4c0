"""openpyxl stays inside the roster importer and exporter."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_openpyxl_is_only_used_by_the_importer_and_exporter():
    allowed = {"importer.py", "exporter.py"}
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "delegates").rglob("*.py")
        if path.name not in allowed and "openpyxl" in path.read_text(encoding="utf-8")
    ]
    assert offenders == []
