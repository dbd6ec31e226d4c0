"""Writes of digital signatures: Sở Nội vụ uploads a body's PKCS#12; an issued PDF is signed with
its issuing body's key; a signed document is superseded by a new version, never changed."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from units.models import Unit, User
from units.permissions import is_staff_of_home_affairs

from . import selectors, signing
from .models import GeneratedReport, SigningCredential
from .services import ReportError, _write_atomically


@transaction.atomic
def credential_upload(*, unit: Unit, data: bytes, passphrase: str, by: User) -> SigningCredential:
    """Store a body's PKCS#12 encrypted at rest, after checking it opens with its password."""
    if not is_staff_of_home_affairs(by):
        raise ReportError(gettext("Chỉ Sở Nội vụ nạp khóa ký số của cơ quan."))
    info = signing.pkcs12_info(data, passphrase)
    if info.valid_until <= timezone.now():
        raise ReportError(
            gettext("Chứng thư số đã hết hạn ngày %(valid_until)s.")
            % {"valid_until": format(info.valid_until, "%d/%m/%Y")}
        )
    credential = SigningCredential.objects.filter(unit=unit).first() or SigningCredential(unit=unit)
    credential.pkcs12_encrypted = signing.encrypt(data)
    credential.passphrase_encrypted = signing.encrypt(passphrase.encode())
    credential.subject, credential.issuer, credential.valid_until = (
        info.subject[:500],
        info.issuer[:500],
        info.valid_until,
    )
    credential.uploaded_by = by
    credential.save()
    return credential


def _signable(report: GeneratedReport) -> GeneratedReport:
    report = GeneratedReport.objects.select_for_update().get(pk=report.pk)
    if report.signed_at is not None:
        raise ReportError(gettext("Văn bản đã được ký số; muốn sửa, hãy tạo phiên bản mới."))
    if report.status != GeneratedReport.Status.DONE or not (report.file.name or "").endswith(".pdf"):
        raise ReportError(gettext("Chỉ ký số được bản PDF đã tạo xong."))
    return report


def _store_signed(report: GeneratedReport, signed: bytes, *, level: str, subject: str, by: User | None):
    name = (report.file.name or "").removesuffix(".pdf") + ".signed.pdf"
    report.file = _write_atomically(name, signed)  # a new FieldFile: the open one is the unsigned file
    report.signed_at, report.signed_by = timezone.now(), by
    report.signer_subject, report.signature_level = subject[:500], level
    report.save(update_fields=["file", "signed_at", "signed_by", "signer_subject", "signature_level"])
    return report


def _pdf_of(report: GeneratedReport) -> bytes:
    with report.file.open("rb") as handle:
        return handle.read()


def report_sign(*, report: GeneratedReport, by: User) -> GeneratedReport:
    """Sign a finished PDF with its issuing body's key (PAdES B-B, B-T with a timestamp server)."""
    with transaction.atomic():
        report = _signable(report)
        unit = selectors.report_issuing_unit(report)
        credential = SigningCredential.objects.filter(unit=unit).first() if unit is not None else None
        if credential is None:
            raise ReportError(
                gettext("Cơ quan ban hành chưa có khóa ký số; Sở Nội vụ nạp tệp PKCS#12 trước khi ký.")
            )
        signed, level = signing.sign_pdf(
            _pdf_of(report), pkcs12_data=signing.decrypt(bytes(credential.pkcs12_encrypted)),
            passphrase=signing.decrypt(bytes(credential.passphrase_encrypted)).decode(),
            reason=report.title[:200], location=unit.name if unit else "",
        )  # fmt: skip
        return _store_signed(report, signed, level=level, subject=credential.subject, by=by)


def report_sign_with_token(*, report: GeneratedReport, module: str, token_label: str, key_label: str,
                           pin: str) -> GeneratedReport:  # fmt: skip
    """Sign with a PKCS#11 token on this machine (manage.py sign_document)."""
    with transaction.atomic():
        report = _signable(report)
        unit = selectors.report_issuing_unit(report)
        signed, level = signing.sign_pdf_with_token(
            _pdf_of(report), module=module, token_label=token_label, key_label=key_label, pin=pin,
            reason=report.title[:200], location=unit.name if unit else "",
        )  # fmt: skip
        return _store_signed(
            report, signed, level=level, subject=f"token {token_label} / {key_label}", by=None
        )


def report_supersede(*, report: GeneratedReport, by: User, key: str) -> GeneratedReport:
    """A new version of a document (rendered from today's data), which replaces the old one."""
    from .services import report_request

    if GeneratedReport.objects.filter(supersedes=report).exists():
        raise ReportError(gettext("Văn bản này đã có phiên bản mới."))
    new = report_request(kind=report.kind, requested_by=by, key=key, event=report.event,
                         campaign=None if report.event_id else report.campaign, params=report.params)  # fmt: skip
    if new.supersedes_id is None and new.pk != report.pk:
        GeneratedReport.objects.filter(pk=new.pk).update(supersedes=report)
        new.supersedes = report
    return new
