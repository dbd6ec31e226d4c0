"""Writing a roster (or the empty template) as an Excel file, with drop-down lists.

The same columns as the importer reads, so export → import gives the roster back.
Text cells that begin with =, +, -, @ are neutralised with a leading apostrophe.
"""

from collections.abc import Iterable

from django.utils.translation import gettext
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from core.spreadsheet import append_safe, neutralise, new_workbook, workbook_bytes
from units.reference import ETHNIC_GROUPS, FIELDS

from .importer import (
    COLUMNS,
    GENDER_LABELS,
    LISTS_SHEET_TITLE,
    NO,
    SHEET_TITLE,
    YES,
    category_labels,
)
from .models import Delegate

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
HEADER_ROW = 3
TEMPLATE_BLANK_ROWS = 300
WIDTHS = {"stt": 6, "full_name": 28, "category": 34, "gender": 10, "birth_year": 10, "ethnic_group": 14,
          "religion": 14, "collective_name": 30, "position": 26, "workplace": 30, "field": 22,
          "is_direct_worker": 16, "email": 30}  # fmt: skip


def _row(number: int, delegate: Delegate) -> list:
    values = {
        "stt": number,
        "full_name": delegate.full_name,
        "category": category_labels()[delegate.category],
        "gender": GENDER_LABELS[delegate.gender],
        "birth_year": delegate.birth_year,
        "ethnic_group": delegate.ethnic_group,
        "religion": delegate.religion,
        "collective_name": delegate.collective_name,
        "position": delegate.position,
        "workplace": delegate.workplace,
        "field": delegate.field,
        "is_direct_worker": YES if delegate.is_direct_worker else NO,
        "email": delegate.email,
    }
    return [values[c.key] for c in COLUMNS]  # neutralised by append_safe


HEADERS_BY_KEY = {column.key: column.header for column in COLUMNS}


def _lists_sheet(workbook: Workbook) -> dict[str, str]:
    """A hidden sheet holding the drop-down lists; returns each list's range formula."""
    sheet = workbook.create_sheet(LISTS_SHEET_TITLE)
    lists = {
        "gender": list(GENDER_LABELS.values()),
        "category": list(category_labels().values()),
        "ethnic_group": list(ETHNIC_GROUPS),
        "is_direct_worker": [YES, NO],
        "field": list(FIELDS),
    }
    ranges = {}
    for col, (key, values) in enumerate(lists.items(), start=1):
        letter = get_column_letter(col)
        sheet.cell(row=1, column=col, value=HEADERS_BY_KEY[key])
        for offset, value in enumerate(values, start=2):
            sheet.cell(row=offset, column=col, value=value)
        ranges[key] = f"'{LISTS_SHEET_TITLE}'!${letter}$2:${letter}${len(values) + 1}"
    sheet.sheet_state = "hidden"
    return ranges


def render_roster(*, title: str, delegates: Iterable[Delegate], blank_rows: int = 0) -> bytes:
    """The roster as .xlsx bytes (with `blank_rows` empty, validated rows for the template)."""
    workbook = new_workbook()
    sheet = workbook.active
    sheet.title = SHEET_TITLE
    last_letter = get_column_letter(len(COLUMNS))
    sheet["A1"] = "DANH SÁCH ĐẠI BIỂU"
    sheet["A2"] = neutralise(title)
    sheet.merge_cells(f"A1:{last_letter}1")
    sheet.merge_cells(f"A2:{last_letter}2")
    sheet["A1"].font = Font(bold=True, size=14)
    sheet["A1"].alignment = sheet["A2"].alignment = Alignment(horizontal="center")
    thin = Side(style="thin", color="999999")
    fill = PatternFill("solid", fgColor="FCE4D6")
    for index, column in enumerate(COLUMNS, start=1):
        cell = sheet.cell(
            row=HEADER_ROW, column=index, value=column.header + (" (*)" if column.required else "")
        )
        cell.font = Font(bold=True)
        cell.fill = fill
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        cell.border = Border(top=thin, bottom=thin, left=thin, right=thin)
        sheet.column_dimensions[get_column_letter(index)].width = WIDTHS[column.key]
    sheet.freeze_panes = f"A{HEADER_ROW + 1}"
    count = 0
    for count, delegate in enumerate(delegates, start=1):
        append_safe(sheet, _row(count, delegate))
    last_row = HEADER_ROW + count + max(blank_rows, 200)
    ranges = _lists_sheet(workbook)
    letters = {c.key: get_column_letter(i) for i, c in enumerate(COLUMNS, start=1)}
    for key, formula in ranges.items():
        validation = DataValidation(
            type="list",
            formula1=formula,
            allow_blank=key in ("is_direct_worker", "field"),
            showErrorMessage=True,
            errorTitle="Giá trị không hợp lệ",
            error=gettext("Hãy chọn một giá trị trong danh sách."),
        )
        sheet.add_data_validation(validation)
        validation.add(f"{letters[key]}{HEADER_ROW + 1}:{letters[key]}{last_row}")
    year = DataValidation(
        type="whole", operator="between", formula1="1900", formula2="2100", showErrorMessage=True,
        errorTitle="Năm sinh", error=gettext("Ghi năm sinh có 4 chữ số, ví dụ 1985."),
    )  # fmt: skip
    sheet.add_data_validation(year)
    year.add(f"{letters['birth_year']}{HEADER_ROW + 1}:{letters['birth_year']}{last_row}")
    return workbook_bytes(workbook)
