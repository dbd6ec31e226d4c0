"""Sign an issued PDF on the machine where the issuing body's PKCS#11 token is plugged in.

    manage.py sign_document REPORT_ID --pkcs11-module /path/to/the/token/driver.so \\
        --token-label "TOKEN LABEL" --key-label "KEY LABEL"   (the PIN is asked for, never typed on the line)

The signed file replaces the job's file exactly as a PKCS#12 signature does (reports/services_signing.py):
the job shows "Đã ký số", and can afterwards only be superseded by a new version.
"""

import getpass

from django.core.management.base import BaseCommand, CommandError

from core.errors import DomainError
from reports.models import GeneratedReport
from reports.services_signing import report_sign_with_token


class Command(BaseCommand):
    help = "Ký số một văn bản PDF đã tạo bằng token PKCS#11 (Ban Cơ yếu Chính phủ / VGCA) cắm trên máy này."

    def add_arguments(self, parser):
        parser.add_argument("report_id", type=int)
        parser.add_argument(
            "--pkcs11-module", required=True, help="thư viện PKCS#11 của trình điều khiển token"
        )
        parser.add_argument("--token-label", required=True)
        parser.add_argument("--key-label", required=True, help="nhãn của khóa và chứng thư trên token")

    def handle(self, *args, **options):
        report = GeneratedReport.objects.filter(pk=options["report_id"]).first()
        if report is None:
            raise CommandError("Không tìm thấy văn bản.")
        pin = getpass.getpass("PIN của token: ")
        try:
            report = report_sign_with_token(report=report, module=options["pkcs11_module"],
                                            token_label=options["token_label"], key_label=options["key_label"],
                                            pin=pin)  # fmt: skip
        except DomainError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"Đã ký số ({report.signature_level}): {report.title}")
