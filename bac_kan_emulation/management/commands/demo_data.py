import random
import time
from importlib import import_module, util

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection, transaction

from units.demo import DEMO_PASSWORD, describe_accounts, seed_copies

# Each app that has demo data exposes `<app>.demo.seed(rng=, scale=, stdout=)`;
# they run in this order so later apps find what earlier ones made.
DEMO_APPS = ("units", "congresses", "honors", "delegates", "attendance", "reports", "oversight")


class Command(BaseCommand):
    help = "Nạp dữ liệu minh họa (tài khoản, sự kiện, đại biểu). Chạy lại không tạo trùng."

    def add_arguments(self, parser):
        parser.add_argument("--scale", choices=("demo", "province", "nation"), default="demo",
                            help="province: khoảng 160 sự kiện và 37.000 đại biểu để đo hiệu năng; "
                                 "nation: --factor lần cấp tỉnh (mặc định 10: khoảng 1.500 sự kiện, "
                                 "350.000 đại biểu), trên các đơn vị minh họa sinh thêm")  # fmt: skip
        parser.add_argument("--factor", type=int, default=10,
                            help="với --scale nation: số bản của cây đơn vị (bản gốc và các bản minh họa)")  # fmt: skip
        parser.add_argument("--seed", type=int, default=2025)

    def handle(self, *args, scale: str, seed: int, factor: int, **options):
        started = time.perf_counter()
        call_command("load_bac_kan", stdout=self.stdout)
        rng = random.Random(seed)
        with transaction.atomic():
            if scale == "nation":
                seed_copies(copies=max(factor, 1) - 1, stdout=self.stdout)
            for app in DEMO_APPS:
                if util.find_spec(f"{app}.demo") is not None:
                    app_started = time.perf_counter()
                    import_module(f"{app}.demo").seed(rng=rng, scale=scale, stdout=self.stdout)
                    if scale != "demo":
                        self.stdout.write(f"    ({app}: {time.perf_counter() - app_started:.1f} s)")
        if scale != "demo" and connection.vendor == "postgresql":
            # Fresh statistics for the planner after a bulk load: where autovacuum is off or has
            # not come round yet, PostgreSQL would plan the new tables as nearly empty (a page's
            # anti-join over 1,500 units took 0.8 s on the nation scale before this, 9 ms after).
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        self.stdout.write(f"\nTài khoản minh họa (mật khẩu chung: {DEMO_PASSWORD}):")
        for line in describe_accounts():
            self.stdout.write(line)
        if scale != "demo":
            self.stdout.write(f"\nDữ liệu quy mô {scale} đã nạp trong {time.perf_counter() - started:.0f} s.")
