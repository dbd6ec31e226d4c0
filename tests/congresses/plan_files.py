"""Upload fixtures built in memory: real PDFs and Word files, and files that only pretend."""

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile

from congresses.demo import minimal_pdf


def pdf(name: str = "ke-hoach.pdf", text: str = "Ke hoach") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, minimal_pdf([text]), content_type="application/pdf")


def docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document>Kế hoạch tổ chức Hội nghị</w:document>" * 20)
    return buffer.getvalue()


def docx(name: str = "Kế hoạch.docx") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, docx_bytes())


def doc(name: str = "ke-hoach.doc") -> SimpleUploadedFile:
    body = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + b"\x00" * 504
        + "WordDocument".encode("utf-16-le")
        + b"\x00" * 512
    )
    return SimpleUploadedFile(name, body)


def renamed_exe(name: str = "ke-hoach.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + b"\x00" * 2000)


def broken_docx(name: str = "ke-hoach.docx") -> SimpleUploadedFile:
    data = docx_bytes()
    return SimpleUploadedFile(name, data[: len(data) // 2])


def oversized_pdf(name: str = "ke-hoach-lon.pdf", limit: int = 10 * 1024 * 1024) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, b"%PDF-1.4\n" + b"0" * (limit - 8))
