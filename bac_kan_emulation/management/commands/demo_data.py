import random
from importlib import import_module, util

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from units.demo import DEMO_PASSWORD, describe_accounts

# Each app that has demo data exposes `<app>.demo.seed(rng=, scale=, stdout=)`;
# they run in this order so later apps find what earlier ones made.
DEMO_APPS = ("units", "congresses", "honors", "delegates", "attendance", "reports", "oversight")


class Command(BaseCommand):
    help = "Nạp dữ liệu minh họa (tài khoản, sự kiện, đại biểu). Chạy lại không tạo trùng."

    def add_arguments(self, parser):
        parser.add_argument("--scale", choices=("demo", "province"), default="demo",
                            help="province: khoảng 160 sự kiện và 37.000 đại biểu để đo hiệu năng")  # fmt: skip
        parser.add_argument("--seed", type=int, default=2025)

    def handle(self, *args, scale: str, seed: int, **options):
        call_command("load_bac_kan", stdout=self.stdout)
        rng = random.Random(seed)
        with transaction.atomic():
            for app in DEMO_APPS:
                if util.find_spec(f"{app}.demo") is not None:
                    import_module(f"{app}.demo").seed(rng=rng, scale=scale, stdout=self.stdout)
        self.stdout.write(f"\nTài khoản minh họa (mật khẩu chung: {DEMO_PASSWORD}):")
        for line in describe_accounts():
            self.stdout.write(line)
