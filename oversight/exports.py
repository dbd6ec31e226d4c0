"""Excel output of the oversight tables through the house renderer (reports/renderers/xlsx.py).

Text a spreadsheet would run as a formula (= + - @) is neutralised by the renderer (core.spreadsheet).
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.http import HttpResponse
from django.utils.functional import Promise

from reports.renderers.xlsx import render_xlsx

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class Table:
    title: str
    header: Sequence[str]
    rows: Sequence[Sequence[Any]]


def _cell(value: Any) -> Any:
    """Labels marked for translation are written out in the request's language."""
    return str(value) if isinstance(value, Promise) else value


def xlsx_bytes(*, title: str, header: Sequence[str | Promise], rows: Iterable[Sequence]) -> bytes:
    return render_xlsx(
        [Table(title=title, header=[str(h) for h in header], rows=[[_cell(c) for c in row] for row in rows])]
    )


def xlsx_response(
    *, filename: str, title: str, header: Sequence[str | Promise], rows: Iterable[Sequence]
) -> HttpResponse:
    response = HttpResponse(xlsx_bytes(title=title, header=header, rows=rows), content_type=XLSX_MIME)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
