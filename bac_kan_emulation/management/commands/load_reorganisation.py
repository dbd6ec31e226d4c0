from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from units.models import Unit
from units.services_reorganisation import THAI_NGUYEN_2025_FILE, reorganisation_load_from_file


class Command(BaseCommand):
    help = (
        "Nạp một đợt sắp xếp đơn vị (chờ Sở Nội vụ xem trước và áp dụng) từ tệp dữ liệu do "
        "scripts/make_thai_nguyen_fixture.py tạo; mặc định: Bắc Kạn vào Thái Nguyên từ 01/07/2025."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", default=str(THAI_NGUYEN_2025_FILE))

    def handle(self, *args, path, **options):
        try:
            reorganisation = reorganisation_load_from_file(path=Path(path))
        except (FileNotFoundError, KeyError, Unit.DoesNotExist) as exc:
            raise CommandError(f"Không nạp được {path}: {exc!r}") from exc
        self.stdout.write(
            f"{reorganisation.name}: {reorganisation.items.count()} dòng, trạng thái "
            f"{reorganisation.get_status_display().lower()}. Xem trước và áp dụng tại /oversight/reorganisations/."
        )
