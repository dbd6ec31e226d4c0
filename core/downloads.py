"""What a stored upload is served as: the type read from its bytes at upload, never its name.

A file named `polyglot.pdf.html` that starts with `%PDF-` was stored as a PDF;
it must leave as `application/pdf` named `polyglot.pdf`, so no browser renders it
as HTML from the portal's origin.
"""

from pathlib import PurePosixPath

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "doc": "application/msword",
    "png": "image/png",
    "jpeg": "image/jpeg",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
EXTENSIONS = {"jpeg": "jpg"}
FALLBACK_CONTENT_TYPE = "application/octet-stream"


def content_type_for(file_type: str) -> str:
    """The MIME type of a checked file type ("pdf", "docx"...); unknown types download as bytes."""
    return CONTENT_TYPES.get(file_type, FALLBACK_CONTENT_TYPE)


def download_name(original_name: str, file_type: str, *, fallback: str = "tep") -> str:
    """The uploaded name with its last extension replaced by the checked type's.

    "Kế hoạch.PDF" -> "Kế hoạch.pdf"; "polyglot.pdf.html" -> "polyglot.pdf";
    "bao-cao.docx" checked as "doc" -> "bao-cao.doc".
    """
    name = PurePosixPath(original_name.replace("\\", "/")).name.strip()
    extension = EXTENSIONS.get(file_type, file_type)
    if not extension:
        return name or fallback
    accepted = {extension, file_type}
    stem, dot, suffix = name.rpartition(".")
    if not dot:
        stem, suffix = name, ""
    stem = stem.strip() or fallback
    if suffix.lower() in accepted:
        return f"{stem}.{suffix.lower()}"
    if stem.rpartition(".")[2].lower() in accepted and "." in stem:
        return stem
    return f"{stem}.{extension}"
