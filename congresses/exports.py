"""Excel output of the oversight tables (openpyxl write_only, formulas neutralised).

One small renderer: header then rows in, an HTTP response out.
"""

from collections.abc import Iterable, Sequence
from io import BytesIO

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from .domain import spreadsheet_safe

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def xlsx_bytes(*, title: str, header: Sequence[str], rows: Iterable[Sequence]) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:31])
    bold = Font(bold=True)
    header_cells = []
    for value in header:
        cell = WriteOnlyCell(sheet, value=value)
        cell.font = bold
        header_cells.append(cell)
    sheet.append(header_cells)
    for row in rows:
        sheet.append([spreadsheet_safe(value) for value in row])
    out = BytesIO()
    workbook.save(out)
    return out.getvalue()


def xlsx_response(
    *, filename: str, title: str, header: Sequence[str], rows: Iterable[Sequence]
) -> HttpResponse:
    response = HttpResponse(xlsx_bytes(title=title, header=header, rows=rows), content_type=XLSX_MIME)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
