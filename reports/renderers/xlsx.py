"""Tables to an Excel workbook with openpyxl in write-only mode (one sheet per table).

The workbook comes from, and every row goes through, core.spreadsheet: a text cell that
starts like a formula is kept as text (issue 14: a venue typed as =HYPERLINK(…) reached
the Central Council's summary workbook as a live formula)."""

from collections.abc import Sequence
from typing import Any, Protocol

from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from core.spreadsheet import append_safe, new_workbook, workbook_bytes

_INVALID_SHEET_CHARS = str.maketrans({c: " " for c in "[]:*?/\\"})


class TableLike(Protocol):
    @property
    def title(self) -> str: ...

    @property
    def header(self) -> Sequence[str]: ...

    @property
    def rows(self) -> Sequence[Sequence[Any]]: ...


def sheet_name(title: str, taken: set[str]) -> str:
    """Excel sheet names: at most 31 characters, no []:*?/\\, unique within the book."""
    base = title.translate(_INVALID_SHEET_CHARS).strip()[:31] or "Sheet"
    name, n = base, 2
    while name.lower() in taken:
        suffix = f" ({n})"
        name, n = base[: 31 - len(suffix)] + suffix, n + 1
    taken.add(name.lower())
    return name


def render_xlsx(sheets: Sequence[TableLike]) -> bytes:
    workbook = new_workbook(write_only=True)
    taken: set[str] = set()
    bold = Font(name="Times New Roman", bold=True)
    for sheet in sheets:
        ws = workbook.create_sheet(sheet_name(sheet.title, taken))
        widths = [max(12, min(60, len(str(h)) + 4)) for h in sheet.header]
        for index, width in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(index)].width = width
        ws.freeze_panes = "A2"
        header_cells = []
        for value in sheet.header:
            cell = WriteOnlyCell(ws, value=value)
            cell.font = bold
            cell.alignment = Alignment(wrap_text=True, vertical="center")
            header_cells.append(cell)
        append_safe(ws, header_cells)
        for row in sheet.rows:
            append_safe(ws, row)
    return workbook_bytes(workbook)
