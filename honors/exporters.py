"""The list attached to an honours decision, as an Excel workbook (openpyxl write-only)."""

import io
from collections.abc import Iterable, Sequence

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from core.spreadsheet import neutralise

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
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Danh sách")
    for width, column in zip((6, 32, 14, 30, 36, 36), "ABCDEF", strict=True):
        sheet.column_dimensions[column].width = width
    for line in title_lines:
        cell = WriteOnlyCell(sheet, value=neutralise(line))
        cell.font = Font(bold=True)
        sheet.append([cell])
    sheet.append([])
    header = []
    for name in DECISION_HEADER:
        cell = WriteOnlyCell(sheet, value=name)
        cell.font = Font(bold=True)
        header.append(cell)
    sheet.append(header)
    for row in rows:
        sheet.append([neutralise(value) for value in row])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
