"""Read a generated PDF back: pages, text, fonts, page sizes."""

import unicodedata
from io import BytesIO

from pypdf import PdfReader


def read(content: bytes) -> PdfReader:
    assert content.startswith(b"%PDF")
    return PdfReader(BytesIO(content))


def page_texts(reader: PdfReader) -> list[str]:
    """Each page's text, NFC, with runs of white space (line breaks included) folded to one space."""
    return [
        " ".join(unicodedata.normalize("NFC", page.extract_text() or "").split()) for page in reader.pages
    ]


def font_names(reader: PdfReader) -> set[str]:
    names = set()
    for page in reader.pages:
        fonts = page.get("/Resources", {}).get_object().get("/Font", {})
        for ref in fonts.get_object().values():
            names.add(str(ref.get_object()["/BaseFont"]).split("+", 1)[-1])
    return names
