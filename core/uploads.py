"""The one check of an uploaded zip container (.xlsx, .docx) before anything parses it.

The upload limit counts packed bytes only: a 1.5 MB .xlsx whose sheet unpacks to
1.5 GiB passed it and grew the server to 1.7 GB (issue 14). Every upload that is a
zip (the roster import, plan files, results attachments) is first read here from
its central directory, without inflating anything: too many entries, too many
unpacked bytes or a damaged directory refuse the file with a Vietnamese message
naming it. Python's zipfile never yields more than an entry's declared size, so the
declared sizes checked here bound what a parser can later inflate.
"""

import zipfile
from dataclasses import dataclass
from typing import IO

from django.utils.translation import gettext

from .errors import DomainError

ZIP_MAGIC = b"PK\x03\x04"
# An office file holds a few dozen entries; a thousand is already far beyond any real one.
MAX_ZIP_ENTRIES = 1000


class UploadRefused(DomainError):
    """The file cannot be read safely; nothing was saved."""


@dataclass(frozen=True)
class ZipContents:
    names: tuple[str, ...]
    unpacked_bytes: int


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.0f} MB"


def check_zip(
    upload: IO[bytes], *, file_name: str, max_unpacked: int, max_entries: int = MAX_ZIP_ENTRIES
) -> ZipContents:
    """The entries of a zip upload, or UploadRefused when it is damaged or would unpack too far."""
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            infos = archive.infolist()
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        EOFError,
        ValueError,
        NotImplementedError,
        OSError,
    ) as exc:
        raise UploadRefused(
            gettext("Tệp “%(file_name)s” bị hỏng hoặc không trọn vẹn (không đọc được mục lục của tệp nén).")
            % {"file_name": file_name}
        ) from exc
    finally:
        upload.seek(0)
    if len(infos) > max_entries:
        raise UploadRefused(
            gettext(
                "Tệp “%(file_name)s” chứa %(entries)s mục nén, quá giới hạn %(max_entries)s; "
                "đây không phải tệp văn bản hay bảng tính thông thường."
            )
            % {
                "file_name": file_name,
                "entries": format(len(infos), ",").replace(",", "."),
                "max_entries": format(max_entries, ",").replace(",", "."),
            }
        )
    unpacked = sum(info.file_size for info in infos)
    if unpacked > max_unpacked:
        raise UploadRefused(
            gettext(
                "Tệp “%(file_name)s” khi giải nén chiếm %(mb)s, quá giới hạn %(mb2)s; tệp bị hỏng hoặc là tệp nén độc hại. Hãy mở bằng Excel/Word, lưu lại rồi thử lại."
            )
            % {"file_name": file_name, "mb": _mb(unpacked), "mb2": _mb(max_unpacked)}
        )
    return ZipContents(names=tuple(info.filename for info in infos), unpacked_bytes=unpacked)
