"""The list attached to an honours decision, as an Excel workbook (openpyxl write-only)."""

from collections.abc import Iterable, Sequence

from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from core.spreadsheet import append_safe, new_workbook, workbook_bytes

DECISION_HEADER = (
    "STT",
    "Họ tên / Tên tập thể",
    "Cá nhân / Tập thể",
    "Chức vụ",
    "Đơn vị",
    "Danh hiệu / Hình thức",
)


def decision_rows(honours: Iterable) -> list[tuple]:
    rows = []
    for number, honour in enumerate(honours, start=1):
        exemplar = honour.exemplar
        rows.append(
            (
                number,
                exemplar.name,
                exemplar.get_kind_display(),
                exemplar.position or exemplar.representative,
                exemplar.unit.name,
                honour.award_type.name,
            )
        )
    return rows


def decision_list_xlsx(*, title_lines: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    workbook = new_workbook(write_only=True)
    sheet = workbook.create_sheet("Danh sách")
    for width, column in zip((6, 32, 14, 30, 36, 36), "ABCDEF", strict=True):
        sheet.column_dimensions[column].width = width
    for line in title_lines:
        cell = WriteOnlyCell(sheet, value=line)
        cell.font = Font(bold=True)
        append_safe(sheet, [cell])
    sheet.append([])
    header = []
    for name in DECISION_HEADER:
        cell = WriteOnlyCell(sheet, value=name)
        cell.font = Font(bold=True)
        header.append(cell)
    append_safe(sheet, header)
    for row in rows:
        append_safe(sheet, row)
    return workbook_bytes(workbook)
