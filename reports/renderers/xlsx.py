"""Tables to an Excel workbook with openpyxl in write-only mode (one sheet per table).

The workbook comes from, and every row goes through, core.spreadsheet: a text cell that
starts like a formula is kept as text (issue 14: a venue typed as =HYPERLINK(…) reached
the Central Council's summary workbook as a live formula).

Numbers stay numbers: a share (core.text.Percent) is stored as its fraction with the number
format "0.0 %", so Excel computes with it and shows "50,5 %" on a Vietnamese computer. A
document's workbook may start with its title lines (issuing body, title, campaign, date); the
header row under them is frozen. Columns are as wide as their content up to a readable
maximum, and longer text (a tier's name, a venue) wraps instead of being cut.
"""

from collections.abc import Sequence
from typing import Any, Protocol

from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from core.spreadsheet import append_safe, new_workbook, workbook_bytes
from core.text import PERCENT_NUMBER_FORMAT, Percent

_INVALID_SHEET_CHARS = str.maketrans({c: " " for c in "[]:*?/\\"})

FONT_NAME = "Times New Roman"
MIN_WIDTH = 8
MAX_WIDTH = 40  # characters; longer text wraps onto more lines
MAX_HEADER_WIDTH = 16  # a header wraps at its words rather than widening its column


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


def _shown_length(value: Any) -> int:
    if value is None:
        return 0
    if isinstance(value, Percent):
        return len(str(value)) + 1
    return len(str(value))


def column_widths(header: Sequence[str], rows: Sequence[Sequence[Any]]) -> list[int]:
    """Each column as wide as its longest value (a header counts by its longest word up to
    MAX_HEADER_WIDTH, since headers wrap), between MIN_WIDTH and MAX_WIDTH characters."""
    widths = []
    for index, title in enumerate(header):
        words = max((len(w) for w in str(title).split()), default=0)
        longest = max(min(len(str(title)), MAX_HEADER_WIDTH), words)
        for row in rows:
            if index < len(row):
                longest = max(longest, _shown_length(row[index]))
        widths.append(max(MIN_WIDTH, min(MAX_WIDTH, longest + 2)))
    return widths


LINE_HEIGHT = 15  # points, one line of 11 pt text
CHARS_PER_WIDTH = 1.1  # Times New Roman letters are narrower than the "0" a column's width counts


def wrapped_lines(text: str, width: int) -> int:
    """How many lines `text` takes wrapped at its words in a column `width` characters wide."""
    lines, used, room = 1, 0, max(1, int(width * CHARS_PER_WIDTH) - 1)
    for word in text.split():
        if used and used + 1 + len(word) > room:
            lines, used = lines + 1, 0
        used += (1 if used else 0) + len(word)
        while used > room:  # a word longer than the column breaks inside
            lines, used = lines + 1, used - room
    return lines


def _row_height(values: Sequence[Any], widths: Sequence[int]) -> float | None:
    """The height a row needs for its wrapped text (spreadsheets do not all grow a row on opening)."""
    lines = max(
        (wrapped_lines(v, widths[i]) for i, v in enumerate(values) if isinstance(v, str) and i < len(widths)),
        default=1,
    )
    return lines * LINE_HEIGHT if lines > 1 else None


def _cell(ws, value: Any, *, font: Font | None = None, wrap: bool = False) -> Any:
    if isinstance(value, Percent):
        cell = WriteOnlyCell(ws, value=float(value))
        cell.number_format = PERCENT_NUMBER_FORMAT
    else:
        cell = WriteOnlyCell(ws, value=value)
    if font is not None:
        cell.font = font
    cell.alignment = Alignment(wrap_text=wrap, vertical="top")
    return cell


def _set_height(ws, row_number: int, height: float | None) -> None:
    if height is not None:
        ws.row_dimensions[row_number].height = height


def render_xlsx(sheets: Sequence[TableLike], *, title_lines: Sequence[str] = ()) -> bytes:
    """One sheet per table: `title_lines` (the document's, on every sheet) and the table's own
    title above its header when given, the header frozen, then the rows."""
    workbook = new_workbook(write_only=True)
    taken: set[str] = set()
    body = Font(name=FONT_NAME)
    bold = Font(name=FONT_NAME, bold=True)
    title_font = Font(name=FONT_NAME, bold=True, size=13)
    for sheet in sheets:
        ws = workbook.create_sheet(sheet_name(sheet.title, taken))
        widths = column_widths(sheet.header, sheet.rows)
        for index, width in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(index)].width = width
        lines = [*title_lines, sheet.title, ""] if title_lines else []
        ws.freeze_panes = f"A{len(lines) + 2}"
        for line in lines:
            append_safe(
                ws, [_cell(ws, line, font=title_font if line == sheet.title else bold)] if line else []
            )
        header_cells = []
        for value in sheet.header:
            cell = _cell(ws, value, font=bold, wrap=True)
            cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
            header_cells.append(cell)
        row_number = len(lines) + 1
        _set_height(ws, row_number, _row_height(sheet.header, widths))
        append_safe(ws, header_cells)
        for row in sheet.rows:
            row_number += 1
            _set_height(ws, row_number, _row_height(row, widths))
            cells = []
            for index, value in enumerate(row):
                width = widths[index] if index < len(widths) else MAX_WIDTH
                long_text = isinstance(value, str) and len(value) + 2 > width
                cells.append(_cell(ws, value, font=body, wrap=long_text))
            append_safe(ws, cells)
    return workbook_bytes(workbook)
