"""Downloads are named and typed from the type checked at upload (issue 14)."""

import pytest

from core.downloads import content_type_for, download_name


@pytest.mark.parametrize(
    ("original", "file_type", "expected"),
    [
        ("polyglot.pdf.html", "pdf", "polyglot.pdf"),
        ("Kế hoạch Chợ Rã.pdf", "pdf", "Kế hoạch Chợ Rã.pdf"),
        ("Kế hoạch.PDF", "pdf", "Kế hoạch.pdf"),
        ("ke-hoach.html", "pdf", "ke-hoach.pdf"),
        ("bao-cao.docx", "doc", "bao-cao.doc"),
        ("anh", "jpeg", "anh.jpg"),
        ("anh.jpeg", "jpeg", "anh.jpeg"),
        ("C:\\Users\\a\\bien-ban.exe", "pdf", "bien-ban.pdf"),
        (".html", "pdf", "tep.pdf"),
        ("", "docx", "tep.docx"),
    ],
)
def test_it_names_a_download_by_its_checked_type(original, file_type, expected):
    assert download_name(original, file_type) == expected


def test_it_types_a_download_by_its_checked_type():
    assert content_type_for("pdf") == "application/pdf"
    assert content_type_for("doc") == "application/msword"
    assert content_type_for("html") == "application/octet-stream"
    assert content_type_for("") == "application/octet-stream"
