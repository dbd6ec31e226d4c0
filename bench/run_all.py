"""`make bench`: run every benchmark under bench/ and print one table of their ratios.

Each benchmark prints its own figures (kept in the output above the table); this
runner pulls the ratio lines out of them. The dashboard benchmark needs the
province-scale demo data: it is built once in an SQLite file under /tmp.
The load test needs PostgreSQL and gunicorn: `bench/load.py --serve` (run it by
hand, see its docstring); it is listed here with --serve only when BENCH_LOAD=1.
"""

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
PROVINCE_DB = "/tmp/bk-bench-province.sqlite3"

# (name, command, environment, regexes whose matching lines are the figures worth tabling)
BENCHES = [
    ("import 10k rows", [PY, "bench/import_10k.py"], {}, [r"/ portal|/ bare parse"]),
    ("dashboard", [PY, "bench/dashboard.py", "--repeat", "10"], {"DATABASE_URL": f"sqlite:///{PROVINCE_DB}"},
     [r"ratio"]),
    ("500 invitations", [PY, "bench/invitations_500.py", "--repeat", "1"], {}, [r"ratio"]),
    ("public exemplars", [PY, "bench/honors_public_page.py", "2000"],
     {"DATABASE_URL": "sqlite:////tmp/bk-bench-honors.sqlite3"}, [r"điển hình công bố"]),
]  # fmt: skip
if os.environ.get("BENCH_LOAD") == "1":
    BENCHES.append(("load, 50 users", [PY, "bench/load.py", "--serve"], {}, [r"aim p95", r"^all"]))


def ensure_province_data() -> None:
    if Path(PROVINCE_DB).exists():
        return
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{PROVINCE_DB}", "DEMO_MODE": "True"}
    for args in (["migrate", "-v0"], ["demo_data", "--scale", "province"]):
        subprocess.run([PY, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)


def main() -> int:
    ensure_province_data()
    table: list[tuple[str, str]] = []
    failed = 0
    for name, command, extra_env, patterns in BENCHES:
        print(f"\n=== {name}: {' '.join(command[1:])}", flush=True)
        result = subprocess.run(
            command, cwd=ROOT, env={**os.environ, **extra_env}, capture_output=True, text=True
        )
        print(result.stdout, end="")
        if result.returncode != 0:
            print(result.stderr[-3000:], file=sys.stderr)
            table.append((name, f"FAILED (exit {result.returncode})"))
            failed += 1
            continue
        for line in result.stdout.splitlines():
            if any(re.search(p, line) for p in patterns):
                table.append((name, " ".join(line.split())))
    width = max(len(name) for name, _ in table)
    print("\n" + "=" * 100 + "\nBenchmark summary\n" + "=" * 100)
    for name, figure in table:
        print(f"{name:<{width}}  {figure}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
