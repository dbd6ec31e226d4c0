"""Reading a roster from an Excel file the way officers fill it in.

The only module (with `exporter.py`) that touches openpyxl. Files are opened in
read-only streaming mode with cached formula values; the row limit is checked
while streaming, so a 100,000-row file is refused without loading it whole.
Before openpyxl sees a byte, core.uploads bounds the unpacked size and the number
of entries (a zip bomb); any error while reading (a sheet cut in half, an external
entity, "billion laughs", a damaged entry) is the same Vietnamese message naming
the file, raised from the reading of rows too, not only from opening the workbook.
"""

import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache, lru_cache
from typing import IO, Any

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from core.spreadsheet import unneutralise
from core.text import fold_for_search, normalise_text
from core.uploads import UploadRefused, check_zip
from units.reference import ETHNIC_GROUP_OTHER_NAMES, ETHNIC_GROUPS, FIELDS, NO_RELIGION, field_for

from .domain import email_problem
from .models import Delegate

MAX_ROWS = 10_000
MAX_FILE_BYTES = 20 * 1024 * 1024
# A 10,000-row roster unpacks to about 15 MB of XML; far more is a bomb, not a roster.
MAX_UNPACKED_BYTES = 100 * 1024 * 1024
# What a damaged or hostile .xlsx raises while openpyxl reads it (lxml's XMLSyntaxError and
# ElementTree's ParseError are SyntaxErrors; a bad CRC is BadZipFile; a cut deflate stream zlib.error).
_UNREADABLE = (
    zipfile.BadZipFile, InvalidFileException, KeyError, SyntaxError, OSError, ValueError, EOFError,
    zlib.error, TypeError, IndexError, AttributeError, NotImplementedError,
)  # fmt: skip
HEADER_SCAN_ROWS = 15
SHEET_TITLE = "Danh sách đại biểu"
LISTS_SHEET_TITLE = "Danh mục"
YES, NO = "Có", "Không"


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    match: str  # folded beginning of the header text
    required: bool = False
    max_length: int | None = None
    aliases: tuple[str, ...] = ()  # other headers officers use for the same column


COLUMNS: tuple[Column, ...] = (
    Column("stt", "STT", "stt"),
    Column("full_name", "Họ và tên", "ho va ten", True, 150, aliases=("ho ten",)),
    Column("category", "Thành phần", "thanh phan", True),
    Column("gender", "Giới tính", "gioi tinh", True, aliases=("gioi",)),
    Column(
        "birth_year",
        "Năm sinh",
        "nam sinh",
        True,
        aliases=("ngay sinh", "ngay, thang, nam sinh", "ngay thang nam sinh"),
    ),
    Column("ethnic_group", "Dân tộc", "dan toc", True),
    Column("religion", "Tôn giáo", "ton giao", False, 100),
    Column("collective_name", "Tên tập thể (đại diện tập thể)", "ten tap the", False, 255),
    Column("position", "Chức vụ", "chuc vu", False, 255),
    Column("workplace", "Nơi công tác", "noi cong tac", False, 255),
    Column("field", "Lĩnh vực", "linh vuc", False, 100),
    Column("is_direct_worker", "Trực tiếp lao động, sản xuất", "truc tiep", False),
    # Optional: where the invitation link and the reminders are sent.
    Column("email", "Thư điện tử", "thu dien tu", False, aliases=("email", "e-mail", "dia chi thu")),
)


@cache
def category_labels() -> dict[str, str]:
    """The categories as the template writes them: Vietnamese in both languages."""
    with translation.override(settings.LANGUAGE_CODE):
        return {value: str(label) for value, label in Delegate.Category.choices}


GENDER_LABELS = {"male": "Nam", "female": "Nữ"}


class ImportFileError(Exception):
    """The file as a whole cannot be read; the message is in Vietnamese."""


@dataclass
class ParseResult:
    rows: list[dict] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    row_numbers: list[int] = field(default_factory=list)


class CellError(ValueError):
    pass


@lru_cache(maxsize=4096)
def _fold(value: str) -> str:
    return fold_for_search(value)


_CATEGORY_WORDS = (
    ("ca nhan", Delegate.Category.EXEMPLAR_INDIVIDUAL),
    ("dai dien tap the", Delegate.Category.EXEMPLAR_COLLECTIVE),
    ("tap the", Delegate.Category.EXEMPLAR_COLLECTIVE),
    ("khach", Delegate.Category.GUEST),
    ("lanh dao", Delegate.Category.LEADER),
)
_ETHNIC_BY_FOLD = {re.sub(r"[\s'\-]", "", _fold(name)): name for name in ETHNIC_GROUPS}
_ETHNIC_BY_FOLD.update(
    {
        re.sub(r"[\s'\-]", "", _fold(other)): name
        for name, others in ETHNIC_GROUP_OTHER_NAMES.items()
        for other in others
    }
)
_YES = {"co", "x", "c", "yes", "y", "1", "true", "dung", "✓", "v"}
_NO = {"", "khong", "k", "no", "n", "0", "false", "-"}
_COLUMN_NUMBERS = re.compile(r"^\(?\d{1,2}\)?$")


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return YES if value else NO
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime | date):
        return value.strftime("%d/%m/%Y")
    text = normalise_text(str(value))
    if text.startswith("=") and len(text) > 1:
        raise CellError(
            gettext("ô chứa công thức chưa có giá trị; hãy dán giá trị (Paste Values) thay cho công thức")
        )
    return unneutralise(text)


def _parse_category(value: Any) -> str:
    text = _fold(_text(value))
    for key, label in category_labels().items():
        if text in (key, _fold(label)):
            return key
    for word, key in _CATEGORY_WORDS:
        if word in text:
            return key
    raise CellError(gettext("thành phần phải là một trong: ") + "; ".join(category_labels().values()))


def _parse_gender(value: Any) -> str:
    text = _fold(_text(value))
    if text in ("nam", "male", "m"):
        return "male"
    if text in ("nu", "female", "f"):
        return "female"
    raise CellError(gettext("giới tính phải là “Nam” hoặc “Nữ”"))


def _parse_year(value: Any, latest: int) -> int:
    if isinstance(value, datetime | date):
        year = value.year
    elif isinstance(value, bool):
        raise CellError(gettext("năm sinh phải là số có 4 chữ số, ví dụ 1985"))
    elif isinstance(value, int | float):
        if not float(value).is_integer():
            raise CellError(
                gettext("“%(value)s” không phải là năm; ghi năm sinh có 4 chữ số, ví dụ 1985")
                % {"value": value}
            )
        year = int(value)
    else:
        text = _text(value).replace(" ", "")
        if re.fullmatch(r"\d{4}(\.0+)?", text):
            year = int(float(text))
        elif re.fullmatch(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{4}", text):
            year = int(re.split(r"[/.-]", text)[-1])
        else:
            raise CellError(
                gettext("“%(text)s” không phải là năm; ghi năm sinh có 4 chữ số, ví dụ 1985")
                % {"text": _text(value)}
            )
    if not 1900 <= year <= latest:
        raise CellError(
            gettext("năm sinh %(year)s không hợp lệ (phải từ 1900 đến %(latest)s)")
            % {"year": year, "latest": latest}
        )
    return year


def _parse_ethnic(value: Any) -> str:
    text = _text(value)
    found = _ETHNIC_BY_FOLD.get(re.sub(r"[\s'\-]", "", _fold(text)))
    if found is None:
        raise CellError(gettext("“%(text)s” không có trong danh mục 54 dân tộc Việt Nam") % {"text": text})
    return found


@lru_cache(maxsize=1024)
def _field_for(text: str) -> str | None:
    return field_for(text)  # a file repeats a few fields thousands of times


def _parse_field(value: Any) -> str:
    text = _text(value)
    if not text:
        return ""
    found = _field_for(text)
    if found is None:
        raise CellError(
            gettext(
                "“%(text)s” không có trong danh mục lĩnh vực (xem trang “Danh mục” của tệp mẫu: %(join)s)"
            )
            % {"text": text, "join": ", ".join(FIELDS)}
        )
    return found


def _parse_email(value: Any) -> str:
    text = _text(value).strip()
    if text.lower().startswith("mailto:"):  # a cell Excel turned into a link
        text = text[len("mailto:") :]
    problem = email_problem(text)
    if problem:
        raise CellError(problem)
    return text


def _parse_yes_no(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = _fold(_text(value))
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise CellError(
        gettext("“%(text)s” không rõ; ghi “Có” (hoặc x) hay “Không” (hoặc để trống)") % {"text": _text(value)}
    )


def _damaged(name: str) -> ImportFileError:
    return ImportFileError(
        gettext(
            "Tệp Excel “%(name)s” bị hỏng hoặc không đọc được (không phải tệp .xlsx hợp lệ). Hãy mở bằng Excel, lưu lại rồi thử lại."
        )
        % {"name": name}
    )


def _open(file: IO[bytes], *, data_only: bool, name: str):
    head = file.read(8)
    file.seek(0)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise ImportFileError(
            gettext(
                "Tệp “%(name)s” dạng Excel 97-2003 (.xls) không được hỗ trợ. Hãy mở tệp và lưu lại dạng “Excel Workbook (.xlsx)”."
            )
            % {"name": name}
        )
    if not head.startswith(b"PK\x03\x04"):
        raise ImportFileError(
            gettext("Tệp “%(name)s” không phải là bảng tính Excel (.xlsx). Hãy dùng tệp mẫu tải từ cổng.")
            % {"name": name}
        )
    try:
        check_zip(file, file_name=name, max_unpacked=MAX_UNPACKED_BYTES)
    except UploadRefused as exc:
        raise ImportFileError(str(exc)) from exc
    try:
        return load_workbook(file, read_only=True, data_only=data_only)
    except _UNREADABLE as exc:
        raise _damaged(name) from exc


def _sheet(workbook):
    if SHEET_TITLE in workbook.sheetnames:
        return workbook[SHEET_TITLE]
    for sheet in workbook.worksheets:
        if sheet.title != LISTS_SHEET_TITLE:
            return sheet
    raise ImportFileError(gettext("Tệp không có trang tính nào."))


def _find_header(rows: Iterator[tuple]) -> tuple[dict[str, int], int]:
    """Column index of each known header, and the number of rows consumed before the data.

    Header rows may be merged or split over two rows (a group header above), so
    every one of the first rows that names a known column contributes.
    """
    mapping: dict[str, int] = {}
    last_header_row = 0
    for number, row in enumerate(rows, start=1):
        hits = 0
        for index, value in enumerate(row):
            if not isinstance(value, str):
                continue
            text = _fold(normalise_text(value))
            for column in COLUMNS:
                if column.key not in mapping and text.startswith((column.match, *column.aliases)):
                    mapping[column.key] = index
                    hits += 1
        if hits:
            last_header_row = number
        if number >= HEADER_SCAN_ROWS or (mapping and not hits and "full_name" in mapping):
            break
    missing = [c.header for c in COLUMNS if c.required and c.key not in mapping]
    if missing:
        raise ImportFileError(
            gettext("Không tìm thấy dòng tiêu đề có đủ các cột: ")
            + ", ".join(f"“{h}”" for h in missing)
            + gettext(". Hãy dùng tệp mẫu tải từ cổng.")
        )
    return mapping, last_header_row


def parse_roster(file: IO[bytes], *, event_year: int, file_name: str | None = None) -> ParseResult:
    """Read and check every row; nothing is saved here."""
    name = file_name or getattr(file, "name", None) or "tải lên"
    size = getattr(file, "size", None)
    if size is not None and size > MAX_FILE_BYTES:
        raise ImportFileError(
            gettext("Tệp “%(name)s” quá lớn (tối đa %(value)s MB).")
            % {"name": name, "value": MAX_FILE_BYTES // (1024 * 1024)}
        )
    workbook = _open(file, data_only=True, name=name)
    try:
        result, empty_cells, mapping = _parse_sheet(_sheet(workbook), event_year=event_year)
        if _has_formulas(file):
            _check_formulas(file, result, empty_cells, mapping, name=name)
    except _UNREADABLE as exc:  # raised while rows are read, not only by load_workbook
        raise _damaged(name) from exc
    finally:
        workbook.close()
    return result


def _has_formulas(file: IO[bytes]) -> bool:
    """Does any sheet hold a formula? A byte scan of the zip entries, streamed in chunks."""
    file.seek(0)
    with zipfile.ZipFile(file) as archive:
        for name in archive.namelist():
            if not name.startswith("xl/worksheets/sheet"):
                continue
            tail = b""
            with archive.open(name) as entry:
                while chunk := entry.read(1 << 20):
                    if b"<f>" in tail + chunk or b"<f " in tail + chunk:
                        return True
                    tail = chunk[-8:]
    return False


def _parse_sheet(sheet, *, event_year: int) -> tuple[ParseResult, dict[tuple[int, int], str], dict[str, int]]:
    result = ParseResult()
    empty_cells: dict[tuple[int, int], str] = {}  # (row, column) of required cells left empty
    if sheet.max_row and sheet.max_row > MAX_ROWS + 1000 and sheet.max_column and sheet.max_column < 100:
        # The sheet declares its size up front: refuse before reading a single row.
        raise ImportFileError(_too_many_rows())
    header_rows = list(sheet.iter_rows(min_row=1, max_row=HEADER_SCAN_ROWS, values_only=True))
    mapping, header_count = _find_header(iter(header_rows))
    width = max(mapping.values()) + 1
    columns = [(c, mapping[c.key]) for c in COLUMNS if c.key in mapping and c.key != "stt"]
    number_column = mapping.get("stt")
    number = header_count
    data_rows = 0
    for row in sheet.iter_rows(min_row=header_count + 1, max_col=width, values_only=True):
        number += 1
        if all(_blank(v) for i, v in enumerate(row) if i != number_column):
            continue  # blank rows, and rows of a template numbered in advance (only "STT" filled)
        if all(v is None or _COLUMN_NUMBERS.match(str(v).strip()) for v in row):
            continue  # the "(1) (2) (3)…" numbering row under a header
        data_rows += 1
        if data_rows > MAX_ROWS:
            raise ImportFileError(_too_many_rows())
        parsed: dict[str, Any] = {}
        row_errors: list[str] = []
        for column, index in columns:
            value = row[index] if index < len(row) else None
            try:
                parsed[column.key] = _parse_cell(column, value, event_year)
            except CellError as exc:
                row_errors.append(_where(number, index, column, str(exc)))
                if column.required and (value is None or value == ""):
                    empty_cells[(number, index)] = row_errors[-1]
        for key in ("religion", "collective_name", "position", "workplace", "field", "email"):
            parsed.setdefault(key, "")
        parsed.setdefault("is_direct_worker", False)
        if not parsed.get("religion"):
            parsed["religion"] = NO_RELIGION
        if parsed.get("category") == Delegate.Category.EXEMPLAR_COLLECTIVE and not parsed["collective_name"]:
            column = next(c for c in COLUMNS if c.key == "collective_name")
            index = mapping.get("collective_name", mapping["category"])
            row_errors.append(_where(number, index, column, gettext("đại diện tập thể phải ghi tên tập thể")))
        if row_errors:
            result.errors.extend(row_errors)
        else:
            result.rows.append(parsed)
            result.row_numbers.append(number)
    if not result.rows and not result.errors:
        raise ImportFileError(gettext("Tệp không có dòng đại biểu nào dưới dòng tiêu đề."))
    return result, empty_cells, mapping


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _too_many_rows() -> str:
    return gettext("Tệp có quá nhiều dòng: mỗi lần nhập tối đa %(max_rows)s đại biểu.") % {
        "max_rows": format(MAX_ROWS, ",").replace(",", ".")
    }


def _where(row: int, index: int, column: Column, message: str) -> str:
    return gettext("Dòng %(row)s, cột %(col)s (%(header)s): %(message)s.") % {
        "row": row,
        "col": get_column_letter(index + 1),
        "header": column.header,
        "message": message,
    }


def _parse_cell(column: Column, value: Any, event_year: int) -> Any:
    if column.required and (value is None or (isinstance(value, str) and not value.strip())):
        raise CellError(gettext("bỏ trống"))
    key = column.key
    if key == "category":
        return _parse_category(value)
    if key == "gender":
        return _parse_gender(value)
    if key == "birth_year":
        return _parse_year(value, event_year)
    if key == "ethnic_group":
        return _parse_ethnic(value)
    if key == "is_direct_worker":
        return _parse_yes_no(value)
    if key == "field":
        return _parse_field(value)
    if key == "email":
        return _parse_email(value)
    text = _text(value)
    if column.max_length and len(text) > column.max_length:
        raise CellError(gettext("dài quá %(max_length)s ký tự") % {"max_length": column.max_length})
    if key == "full_name" and not any(char.isalpha() for char in text):
        # e.g. "=1+1" saved by Excel reads as its value "2"
        raise CellError(
            gettext("“%(text)s” không phải họ tên (không có chữ cái); nếu ô là công thức, hãy gõ lại họ tên")
            % {"text": text}
        )
    return text


def _no_cached_value() -> str:
    return gettext(
        "ô có công thức nhưng chưa có giá trị đã tính (tệp chưa được lưu bằng Excel); "
        "hãy dán giá trị (Paste Values) thay cho công thức"
    )


def _check_formulas(
    file: IO[bytes],
    result: ParseResult,
    empty_cells: dict[tuple[int, int], str],
    mapping: dict[str, int],
    *,
    name: str,
) -> None:
    """Formulas were read through their cached values; a formula without one reads as empty.

    A second pass over the formulas themselves names those cells instead of
    letting them pass as blank (or be reported as merely "bỏ trống").
    """
    file.seek(0)
    workbook = _open(file, data_only=False, name=name)
    columns = {
        mapping[c.key]: c for c in COLUMNS if c.key in mapping and c.key not in ("stt", "is_direct_worker")
    }
    position = {number: i for i, number in enumerate(result.row_numbers)}
    bad_rows: set[int] = set()
    try:
        for number, row in enumerate(_sheet(workbook).iter_rows(values_only=True), start=1):
            for index, value in enumerate(row):
                if not (isinstance(value, str) and value.startswith("=") and index in columns):
                    continue
                message = empty_cells.get((number, index))
                if message:
                    result.errors[result.errors.index(message)] = message.replace(
                        gettext("bỏ trống"), _no_cached_value()
                    )
                elif number in position and result.rows[position[number]].get(columns[index].key) == "":
                    result.errors.append(_where(number, index, columns[index], _no_cached_value()))
                    bad_rows.add(number)
    finally:
        workbook.close()
    if bad_rows:
        kept = [(n, r) for n, r in zip(result.row_numbers, result.rows, strict=True) if n not in bad_rows]
        result.row_numbers = [n for n, _ in kept]
        result.rows = [r for _, r in kept]


def display_row(row: dict) -> dict:
    """A parsed row with labels for the preview table."""
    return {
        **row,
        "category_label": str(dict(Delegate.Category.choices).get(row["category"], row["category"])),
        "gender_label": GENDER_LABELS.get(row["gender"], row["gender"]),
        "direct_label": YES if row.get("is_direct_worker") else NO,
    }
