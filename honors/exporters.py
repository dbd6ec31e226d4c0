"""The honours workbooks (openpyxl write-only, through core.spreadsheet): the list attached to a
decision, with each reward amount and the total, and the reward budget by award form.
Money is stored as numbers with the number format "#,##0", so Excel sums it."""

from collections.abc import Iterable, Sequence

from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from core.spreadsheet import append_safe, new_workbook, workbook_bytes

from .domain import RewardBudget

MONEY_FORMAT = "#,##0"
COEFFICIENT_FORMAT = "0.0"

DECISION_HEADER = (
    "STT",
    "Họ tên / Tên tập thể",
    "Cá nhân / Tập thể",
    "Chức vụ",
    "Đơn vị",
    "Danh hiệu / Hình thức",
    "Hệ số",
    "Tiền thưởng (đồng)",
)
BUDGET_HEADER = ("STT", "Danh hiệu / Hình thức", "Số lượng", "Tiền thưởng (đồng)")


def decision_rows(honours: Iterable) -> list[tuple]:
    """One row per honour; the last two columns are numbers (or None when the form carries no money)."""
    rows = []
    for number, honour in enumerate(honours, start=1):
        exemplar = honour.exemplar
        reward = getattr(honour, "reward", None)
        rows.append(
            (
                number,
                exemplar.name,
                exemplar.get_kind_display(),
                exemplar.position or exemplar.representative,
                exemplar.unit.name,
                honour.award_type.name,
                float(reward.coefficient) if reward and reward.coefficient is not None else None,
                reward.amount if reward else None,
            )
        )
    return rows


def _bold_row(sheet, values: Sequence[object]) -> list:
    cells = []
    for value in values:
        cell = WriteOnlyCell(sheet, value=value)
        cell.font = Font(bold=True)
        cells.append(cell)
    return cells


def _formatted(sheet, value, number_format: str, *, bold: bool = False):
    cell = WriteOnlyCell(sheet, value=value)
    cell.number_format = number_format
    if bold:
        cell.font = Font(bold=True)
    return cell


def _titled_sheet(
    workbook, name: str, widths: Sequence[int], title_lines: Sequence[str], header: Sequence[str]
):
    sheet = workbook.create_sheet(name)
    for index, width in enumerate(widths):
        sheet.column_dimensions[chr(ord("A") + index)].width = width
    for line in title_lines:
        append_safe(sheet, _bold_row(sheet, [line]))
    sheet.append([])
    append_safe(sheet, _bold_row(sheet, header))
    return sheet


def decision_list_xlsx(*, title_lines: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    workbook = new_workbook(write_only=True)
    sheet = _titled_sheet(workbook, "Danh sách", (6, 32, 14, 30, 36, 36, 8, 18), title_lines, DECISION_HEADER)
    total = 0
    for row in rows:
        *text, coefficient, amount = row
        total += amount if isinstance(amount, int) else 0
        append_safe(
            sheet,
            [
                *text,
                _formatted(sheet, coefficient, COEFFICIENT_FORMAT),
                _formatted(sheet, amount, MONEY_FORMAT),
            ],
        )
    append_safe(
        sheet,
        [
            *_bold_row(sheet, ["", "Tổng cộng", "", "", "", "", ""]),
            _formatted(sheet, total, MONEY_FORMAT, bold=True),
        ],
    )
    return workbook_bytes(workbook)


def reward_budget_xlsx(*, title_lines: Sequence[str], budget: RewardBudget) -> bytes:
    workbook = new_workbook(write_only=True)
    sheet = _titled_sheet(workbook, "Kinh phí khen thưởng", (6, 48, 12, 20), title_lines, BUDGET_HEADER)
    for number, row in enumerate(budget.rows, start=1):
        append_safe(
            sheet,
            [
                number,
                row.award,
                _formatted(sheet, row.count, MONEY_FORMAT),
                _formatted(sheet, row.amount, MONEY_FORMAT),
            ],
        )
    append_safe(
        sheet,
        [
            *_bold_row(sheet, ["", "Tổng cộng"]),
            _formatted(sheet, budget.count, MONEY_FORMAT, bold=True),
            _formatted(sheet, budget.total, MONEY_FORMAT, bold=True),
        ],
    )
    return workbook_bytes(workbook)
