"""The one spreadsheet writer and formula neutraliser, used by every Excel export and the roster import.

A text cell that starts like a formula (=, +, -, @, a tab or a carriage return)
gets a leading apostrophe, so Excel and LibreOffice show it as text and never
run it. `unneutralise` undoes it on import, so export then import gives the
same text back (values that already started with apostrophes included).
"""

from collections.abc import Iterable
from io import BytesIO
from typing import Any

from django.utils.functional import Promise
from openpyxl import Workbook
from openpyxl.cell.cell import Cell

DANGEROUS_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """A text cell beginning like a formula is kept as text (a leading apostrophe); other values unchanged.

    A label marked for translation (gettext_lazy) is written out as text in the active language."""
    if isinstance(value, Promise):
        value = str(value)
    if isinstance(value, str) and value.lstrip("'").startswith(DANGEROUS_PREFIXES):
        return "'" + value
    return value


def unneutralise(value: str) -> str:
    """The text as typed, from a cell `neutralise` wrote."""
    if value.startswith("'") and value.lstrip("'").startswith(DANGEROUS_PREFIXES):
        return value[1:]
    return value


# --- The one spreadsheet writer --------------------------------------------------------
# Every Excel file the portal produces is created here (tests/test_architecture.py checks
# that no other module creates a workbook) and its rows go through `append_safe`, so no
# renderer can forget the neutraliser.


def new_workbook(*, write_only: bool = False) -> Workbook:
    return Workbook(write_only=write_only)


def append_safe(sheet, values: Iterable[Any]) -> None:
    """Append a row with every text cell neutralised; numbers, dates and styled cells' numbers unchanged."""
    row = []
    for value in values:
        if isinstance(value, Cell):
            value.value = neutralise(value.value)
            row.append(value)
        else:
            row.append(neutralise(value))
    sheet.append(row)


def workbook_bytes(workbook: Workbook) -> bytes:
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
