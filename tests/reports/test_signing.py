"""An issued PDF signed PAdES with its issuing body's PKCS#12, validated by pyHanko against a CA
made here; tampering with one byte fails; a signed document is only superseded, never redone."""

from datetime import UTC, datetime, timedelta

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from django.urls import reverse

from reports import services, services_signing, signing
from reports.models import GeneratedReport

pytestmark = pytest.mark.django_db


def _name(common_name: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
                      x509.NameAttribute(NameOID.COMMON_NAME, common_name)])  # fmt: skip


@pytest.fixture(scope="module")
def test_ca():
    """A root CA and the commune's signing certificate under it, as PEM and PKCS#12."""
    now = datetime.now(UTC)
    ca_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    ca_cert = (
        x509.CertificateBuilder().subject_name(_name("CA thử nghiệm")).issuer_name(_name("CA thử nghiệm"))
        .public_key(ca_key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1)).not_valid_after(now + timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=False, key_encipherment=False,
                                     data_encipherment=False, key_agreement=False, key_cert_sign=True, crl_sign=True,
                                     encipher_only=False, decipher_only=False), critical=True)
        .sign(ca_key, hashes.SHA256())
    )  # fmt: skip
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    cert = (
        x509.CertificateBuilder().subject_name(_name("Ủy ban nhân dân Thị trấn Chợ Rã")).issuer_name(ca_cert.subject)
        .public_key(key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1)).not_valid_after(now + timedelta(days=365))
        .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True, key_encipherment=False,
                                     data_encipherment=False, key_agreement=False, key_cert_sign=False,
                                     crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
        .sign(ca_key, hashes.SHA256())
    )  # fmt: skip
    p12 = pkcs12.serialize_key_and_certificates(
        b"chora", key, cert, [ca_cert], serialization.BestAvailableEncryption(b"mat-khau-1")
    )
    return {"pem": ca_cert.public_bytes(serialization.Encoding.PEM), "p12": p12, "password": "mat-khau-1"}


@pytest.fixture
def trusted(test_ca, settings, tmp_path):
    root = tmp_path / "root.pem"
    root.write_bytes(test_ca["pem"])
    settings.SIGNING_TRUST_ROOTS = [str(root)]
    settings.SIGNING_TSA_URL = ""


@pytest.fixture
def signed_agenda(units, chora_event, admin, test_ca, trusted, request_report):
    services.agenda_generate(event=chora_event)
    services_signing.credential_upload(unit=units["chora"], data=test_ca["p12"], passphrase=test_ca["password"],
                                       by=admin)  # fmt: skip
    report = request_report(kind="agenda", event=chora_event, requested_by=admin)
    return services_signing.report_sign(report=report, by=admin)


def _content(report) -> bytes:
    with report.file.open("rb") as handle:
        return handle.read()


def test_a_signed_pdf_passes_pyhankos_validation_against_the_trust_root(signed_agenda):
    check = signing.check_pdf(_content(signed_agenda))
    assert check.valid, check.message
    assert "Chợ Rã" in check.signer and signed_agenda.signature_level == "B-B"
    assert signed_agenda.file.name.endswith(".signed.pdf")


def test_tampering_with_one_byte_fails_the_validation(signed_agenda):
    content = bytearray(_content(signed_agenda))
    where = content.index(b"/MediaBox") + 2  # inside the signed byte range, in the page's description
    content[where] = content[where] ^ 0x01
    check = signing.check_pdf(bytes(content))
    assert not check.valid and not check.intact


def test_a_signature_under_an_unknown_root_is_not_trusted(signed_agenda):
    other = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    now = datetime.now(UTC)
    stranger = (
        x509.CertificateBuilder().subject_name(_name("CA khác")).issuer_name(_name("CA khác"))
        .public_key(other.public_key()).serial_number(1).not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=30)).add_extension(x509.BasicConstraints(ca=True, path_length=None), True)
        .sign(other, hashes.SHA256())
    )  # fmt: skip
    roots = signing.trust_roots([stranger.public_bytes(serialization.Encoding.PEM)])
    check = signing.check_pdf(_content(signed_agenda), roots=roots)
    assert check.intact and not check.trusted and not check.valid


def test_the_key_is_stored_encrypted_and_a_wrong_password_is_refused(units, admin, test_ca):
    with pytest.raises(signing.SigningFailed, match="mật khẩu không đúng"):
        services_signing.credential_upload(
            unit=units["chora"], data=test_ca["p12"], passphrase="sai", by=admin
        )
    credential = services_signing.credential_upload(unit=units["chora"], data=test_ca["p12"],
                                                    passphrase=test_ca["password"], by=admin)  # fmt: skip
    stored = bytes(credential.pkcs12_encrypted)
    assert test_ca["p12"] not in stored and test_ca["password"].encode() not in bytes(
        credential.passphrase_encrypted
    )
    assert signing.decrypt(stored) == test_ca["p12"]


def test_only_home_affairs_uploads_a_key(units, test_ca, district_officer):
    with pytest.raises(services.ReportError, match="Chỉ Sở Nội vụ"):
        services_signing.credential_upload(unit=units["chora"], data=test_ca["p12"], passphrase=test_ca["password"],
                                           by=district_officer)  # fmt: skip


def test_a_signed_document_is_never_signed_or_rendered_again_only_superseded(signed_agenda, admin):
    with pytest.raises(services.ReportError, match="phiên bản mới"):
        services_signing.report_sign(report=signed_agenda, by=admin)
    before = _content(signed_agenda)
    GeneratedReport.objects.filter(pk=signed_agenda.pk).update(status="running")
    services.report_render(report_id=signed_agenda.pk)
    signed_agenda.refresh_from_db()
    assert _content(signed_agenda) == before
    new = services_signing.report_supersede(report=signed_agenda, by=admin, key="c" * 32)
    assert new.pk != signed_agenda.pk and new.supersedes_id == signed_agenda.pk and new.signed_at is None


def test_the_documents_page_shows_the_signed_document_as_signed(client, admin, chora_event, signed_agenda):
    client.force_login(admin)
    body = client.get(reverse("reports:event_documents", args=[chora_event.pk])).content.decode()
    assert "Đã ký số" in body and "B-B" in body


def test_home_affairs_uploads_a_key_on_its_page_and_an_officer_cannot(
    client, admin, district_officer, units, test_ca
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    url = reverse("reports:signing_keys")
    client.force_login(district_officer)
    assert client.get(url).status_code in (403, 404)
    client.force_login(admin)
    upload = SimpleUploadedFile("chora.p12", test_ca["p12"], content_type="application/x-pkcs12")
    response = client.post(
        url, {"unit": units["chora"].pk, "pkcs12": upload, "passphrase": test_ca["password"]}
    )
    assert response.status_code == 302
    body = client.get(url).content.decode()
    assert "Ủy ban nhân dân Thị trấn Chợ Rã" in body and "download" not in body
    wrong = SimpleUploadedFile("chora.p12", test_ca["p12"], content_type="application/x-pkcs12")
    response = client.post(url, {"unit": units["chora"].pk, "pkcs12": wrong, "passphrase": "sai"})
    assert response.status_code == 200 and "mật khẩu không đúng" in response.content.decode()
