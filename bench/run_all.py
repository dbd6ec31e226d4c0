"""`make bench`: run every benchmark under bench/ and print one table of their ratios.

Each benchmark prints its own figures (kept in the output above the table); this
runner pulls the ratio lines out of them. The dashboard benchmark needs the
province-scale demo data: it is built once in an SQLite file under /tmp.
The load test needs PostgreSQL and gunicorn: `bench/load.py --serve` (run it by
hand, see its docstring); it is listed here with --serve only when BENCH_LOAD=1.
BENCH_NATION=1 adds the figures at ten times the province (issue 16), on PostgreSQL:
each main page's server time and queries (bench/pages.py) on the database BENCH_NATION_URL
names (default postgres://postgres@127.0.0.1:5432/bkan_bench_nation, built once with
`demo_data --scale nation`, a few minutes), and with BENCH_LOAD=1 the load test of 100 users
on that scale instead of 50 on the province's.
"""

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
PROVINCE_DB = "/tmp/bk-bench-province.sqlite3"
NATION = os.environ.get("BENCH_NATION") == "1"
NATION_URL = os.environ.get("BENCH_NATION_URL", "postgres://postgres@127.0.0.1:5432/bkan_bench_nation")

# (name, command, environment, regexes whose matching lines are the figures worth tabling)
BENCHES = [
    ("import 10k rows", [PY, "bench/import_10k.py"], {}, [r"/ portal|/ bare parse"]),
    # on the PostgreSQL database DATABASE_URL names (with demo data) when set, else the SQLite province
    ("dashboard", [PY, "bench/dashboard.py", "--runs", "7"],
     {} if os.environ.get("DATABASE_URL", "").startswith("postgres") else {"DATABASE_URL": f"sqlite:///{PROVINCE_DB}"},
     [r"ratio"]),
    ("500 invitations", [PY, "bench/invitations_500.py", "--repeat", "1"], {}, [r"ratio"]),
    ("public exemplars", [PY, "bench/honors_public_page.py", "2000"],
     {"DATABASE_URL": "sqlite:////tmp/bk-bench-honors.sqlite3"}, [r"điển hình công bố"]),
]  # fmt: skip
if NATION:
    BENCHES.append(("pages at nation scale", [PY, "bench/pages.py", "--runs", "5"],
                    {"DATABASE_URL": NATION_URL}, [r"aim"]))  # fmt: skip
if os.environ.get("BENCH_LOAD") == "1" and NATION:
    pg, _, db = NATION_URL.rpartition("/")
    BENCHES.append(("load, 100 users, nation scale",
                    [PY, "bench/load.py", "--serve", "--scale", "nation", "--users", "100", "--pg", pg, "--db", db],
                    {}, [r"aim p95", r"page reads"]))  # fmt: skip
elif os.environ.get("BENCH_LOAD") == "1":
    BENCHES.append(("load, 50 users", [PY, "bench/load.py", "--serve"], {}, [r"aim p95", r"^all"]))


def ensure_province_data() -> None:
    if Path(PROVINCE_DB).exists() or os.environ.get("DATABASE_URL", "").startswith("postgres"):
        return
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{PROVINCE_DB}", "DEMO_MODE": "True"}
    for args in (["migrate", "-v0"], ["demo_data", "--scale", "province"]):
        subprocess.run([PY, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)


def ensure_nation_data() -> None:
    """The nation-scale database, built once (demo_data --scale nation) and kept between runs."""
    pg, _, db = NATION_URL.rpartition("/")
    found = subprocess.run(["psql", f"{pg}/postgres", "-tAc", f"SELECT 1 FROM pg_database WHERE datname='{db}'"],
                           capture_output=True, text=True, check=True).stdout.strip()  # fmt: skip
    if found == "1":
        return
    subprocess.run(["psql", f"{pg}/postgres", "-qc", f"CREATE DATABASE {db}"], check=True)
    env = {**os.environ, "DATABASE_URL": NATION_URL, "DEMO_MODE": "True"}
    print(f"building the nation-scale data in {db} (demo_data --scale nation) ...", flush=True)
    for args in (["migrate", "-v0"], ["demo_data", "--scale", "nation"]):
        subprocess.run([PY, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)


def main() -> int:
    ensure_province_data()
    if NATION:
        ensure_nation_data()
    # benches that print "TABLE<tab>figure<tab>value<tab>floor or peer<tab>ratio<tab>aim" lines fill the
    # table's columns; the others' matching lines are shown whole in the figure column
    table: list[tuple[str, ...]] = []
    failed = 0
    for name, command, extra_env, patterns in BENCHES:
        print(f"\n=== {name}: {' '.join(command[1:])}", flush=True)
        result = subprocess.run(
            command, cwd=ROOT, env={**os.environ, **extra_env}, capture_output=True, text=True
        )
        print(result.stdout, end="")
        if result.returncode != 0:
            print(result.stderr[-3000:], file=sys.stderr)
            table.append((name, f"FAILED (exit {result.returncode})", "", "", ""))
            failed += 1
            continue
        lines = result.stdout.splitlines()
        tabled = [line.split("\t")[1:6] for line in lines if line.startswith("TABLE\t")]
        if tabled:
            table += [tuple(row + [""] * (5 - len(row))) for row in tabled]
            continue
        for line in lines:
            if any(re.search(p, line) for p in patterns):
                table.append((f"{name}: {' '.join(line.split())}", "", "", "", ""))
    header = ("figure", "value", "floor / peer", "ratio", "aim")
    widths = [max(len(str(row[i])) for row in (header, *table)) for i in range(5)]
    print("\n" + "=" * 100 + "\nBenchmark summary\n" + "=" * 100)
    for row in (header, *table):
        print("  ".join(str(cell).ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
