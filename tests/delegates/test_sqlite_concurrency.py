"""The demo's SQLite holds officers racing for the last seat (issue 15)."""

import json
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).with_name("sqlite_race.py")


def test_five_officers_adding_the_last_seat_get_the_cap_message_not_database_is_locked(tmp_path):
    result = subprocess.run(
        [sys.executable, str(SCRIPT), str(tmp_path / "demo.sqlite3"), "5"],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    assert outcome["headcount"] == 5
    refusal = "DelegateCapExceeded: Danh sách đã đủ 5 đại biểu (mức tối đa), không thể thêm."
    assert sorted(outcome["answers"]) == sorted(["saved"] + [refusal] * 4)


def test_the_demo_database_runs_in_wal_mode(tmp_path):
    probe = (
        "import os,sys;os.environ['DATABASE_URL']='sqlite:///'+sys.argv[1];os.environ['DEMO_MODE']='True';"
        "os.environ['DJANGO_SETTINGS_MODULE']='bac_kan_emulation.settings';import django;django.setup();"
        "from django.db import connection;c=connection.cursor();c.execute('PRAGMA journal_mode');print(c.fetchone()[0])"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe, str(tmp_path / "demo.sqlite3")],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
        cwd=SCRIPT.parents[2],
    )
    assert result.stdout.strip() == "wal"
