"""Digital signatures of issued PDFs with pyHanko (the only module that imports it): PAdES
baseline B-B, or B-T when a timestamp server is configured (settings.SIGNING_TSA_URL), and their
validation against the configured trust roots. Bytes in, bytes or a finished check out; no ORM.

Keys come two ways. A PKCS#12 file uploaded by Sở Nội vụ is kept encrypted at rest (Fernet, a key
derived from settings.DOCUMENT_SIGNING_KEY) and only ever decrypted here, to sign. A PKCS#11
token (the USB tokens of Ban Cơ yếu Chính phủ / VGCA) never leaves the signing machine: it is
used by `manage.py sign_document --pkcs11-module …` run on that machine (see the README).
"""

import base64
import hashlib
from dataclasses import dataclass
from datetime import datetime
from io import BytesIO

from asn1crypto import x509  # type: ignore[import-untyped]
from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives.serialization import pkcs12
from django.conf import settings
from django.utils.translation import gettext
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers, timestamps
from pyhanko.sign.general import SigningError
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

from core.errors import DomainError

FIELD_NAME = "ChuKySo"


class SigningFailed(DomainError):
    pass


def _fernet() -> Fernet:
    digest = hashlib.sha256(f"bac-kan-signing:{settings.DOCUMENT_SIGNING_KEY}".encode()).digest()
    return Fernet(base64.urlsafe_b64encode(digest))


def encrypt(data: bytes) -> bytes:
    return _fernet().encrypt(data)


def decrypt(token: bytes) -> bytes:
    try:
        return _fernet().decrypt(bytes(token))
    except InvalidToken as exc:
        raise SigningFailed(
            gettext("Không giải mã được khóa ký đã lưu (khóa mã hóa của máy chủ đã đổi?).")
        ) from exc


@dataclass(frozen=True)
class CertificateInfo:
    subject: str
    issuer: str
    valid_from: datetime
    valid_until: datetime


def pkcs12_info(data: bytes, passphrase: str) -> CertificateInfo:
    """What an uploaded PKCS#12 holds, or a clear refusal (wrong password, no key, not a PKCS#12)."""
    try:
        key, cert, _ = pkcs12.load_key_and_certificates(data, passphrase.encode() or None)
    except ValueError as exc:
        raise SigningFailed(gettext("Tệp không phải PKCS#12 (.p12, .pfx) hoặc mật khẩu không đúng.")) from exc
    if key is None or cert is None:
        raise SigningFailed(gettext("Tệp PKCS#12 không có khóa bí mật và chứng thư số để ký."))
    return CertificateInfo(
        subject=cert.subject.rfc4514_string(),
        issuer=cert.issuer.rfc4514_string(),
        valid_from=cert.not_valid_before_utc,
        valid_until=cert.not_valid_after_utc,
    )


def sign_pdf(
    pdf: bytes, *, pkcs12_data: bytes, passphrase: str, reason: str, location: str
) -> tuple[bytes, str]:
    """The PDF signed with the PKCS#12's key (PAdES), and the level reached ("B-B" or "B-T")."""
    try:
        signer = signers.SimpleSigner.load_pkcs12_data(
            pkcs12_data, other_certs=(), passphrase=passphrase.encode()
        )
    except (ValueError, OSError) as exc:
        raise SigningFailed(gettext("Không mở được khóa ký: mật khẩu PKCS#12 không đúng.")) from exc
    return _sign(pdf, signer, reason=reason, location=location)


def _sign(pdf: bytes, signer: signers.Signer, *, reason: str, location: str) -> tuple[bytes, str]:
    tsa = settings.SIGNING_TSA_URL
    timestamper = timestamps.HTTPTimeStamper(tsa) if tsa else None
    meta = signers.PdfSignatureMetadata(
        field_name=FIELD_NAME,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        reason=reason,
        location=location,
        use_pades_lta=False,
    )
    writer = IncrementalPdfFileWriter(BytesIO(pdf))
    try:
        out = signers.PdfSigner(meta, signer=signer, timestamper=timestamper).sign_pdf(writer)
    except (SigningError, OSError) as exc:
        raise SigningFailed(gettext("Ký số không thành công: %(exc)s") % {"exc": exc}) from exc
    return out.getvalue(), "B-T" if timestamper else "B-B"


def sign_pdf_with_token(
    pdf: bytes, *, module: str, token_label: str, key_label: str, pin: str, reason: str, location: str
) -> tuple[bytes, str]:
    """Sign with a key on a PKCS#11 token (needs python-pkcs11 and the token's driver library)."""
    try:
        from pyhanko.sign import pkcs11
    except ImportError as exc:  # python-pkcs11 is installed only on signing machines
        raise SigningFailed(gettext("Máy này chưa cài python-pkcs11 để dùng token ký số.")) from exc
    from pyhanko.config.pkcs11 import TokenCriteria

    try:
        session = pkcs11.open_pkcs11_session(
            module, token_criteria=TokenCriteria(label=token_label), user_pin=pin
        )
    except Exception as exc:  # the driver's own errors: no token, wrong PIN, wrong library
        raise SigningFailed(gettext("Không mở được token ký số: %(exc)s") % {"exc": exc}) from exc
    try:
        signer = pkcs11.PKCS11Signer(session, key_label=key_label, cert_label=key_label)
        return _sign(pdf, signer, reason=reason, location=location)
    finally:
        session.close()


@dataclass(frozen=True)
class SignatureCheck:
    """pyHanko's verdict on the PDF's signature, in the portal's words."""

    signed: bool
    intact: bool
    trusted: bool
    signer: str
    message: str

    @property
    def valid(self) -> bool:
        return self.signed and self.intact and self.trusted


def trust_roots(pem_files: list[bytes] | None = None) -> list[x509.Certificate]:
    """The configured trust roots (settings.SIGNING_TRUST_ROOTS, PEM files), or the given PEMs."""
    from asn1crypto import pem  # type: ignore[import-untyped]

    blobs = (
        pem_files if pem_files is not None else [open(p, "rb").read() for p in settings.SIGNING_TRUST_ROOTS]
    )
    roots = []
    for blob in blobs:
        for _, _, der in pem.unarmor(blob, multiple=True):
            roots.append(x509.Certificate.load(der))
    return roots


def check_pdf(pdf: bytes, *, roots: list[x509.Certificate] | None = None) -> SignatureCheck:
    """Validate the PDF's last signature with pyHanko against the trust roots."""
    try:
        reader = PdfFileReader(BytesIO(pdf), strict=False)
        embedded = reader.embedded_signatures
    except Exception as exc:  # a damaged file is a failed check, never a 500
        return SignatureCheck(False, False, False, "", gettext("Tệp PDF hỏng: %(exc)s") % {"exc": exc})
    if not embedded:
        return SignatureCheck(False, False, False, "", gettext("Văn bản chưa được ký số."))
    context = ValidationContext(
        trust_roots=roots if roots is not None else trust_roots(), allow_fetching=False
    )
    try:
        status = validate_pdf_signature(embedded[-1], signer_validation_context=context)
    except Exception as exc:  # pyHanko raises on structurally broken signatures
        return SignatureCheck(True, False, False, "", gettext("Chữ ký không hợp lệ: %(exc)s") % {"exc": exc})
    signer = status.signing_cert.subject.human_friendly if status.signing_cert else ""
    intact = bool(status.intact and status.valid and status.coverage is not None)
    trusted = bool(status.trusted)
    if not intact:
        return SignatureCheck(True, False, trusted, signer, gettext("Nội dung đã bị thay đổi sau khi ký."))
    if not trusted:
        return SignatureCheck(
            True, True, False, signer, gettext("Chứng thư số không thuộc gốc tin cậy đã cấu hình.")
        )
    return SignatureCheck(True, True, True, signer, gettext("Chữ ký số hợp lệ."))
