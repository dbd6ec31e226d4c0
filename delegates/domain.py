"""Pure facts of rosters: composition. No ORM.

Caps, the exemplar share and delegation quotas are campaign rules: they live once,
in congresses/rules.py.
"""

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext

from core.text import fold_for_search
from units.reference import ETHNIC_GROUP_OTHER_NAMES


def delegate_search_text(
    *, full_name: str, collective_name: str, position: str, workplace: str, ethnic_group: str
) -> str:
    """What roster search matches, folded: the name, collective, position, workplace and ethnicity
    ("mong" finds a Mông delegate, "h’mong" too)."""
    ethnicity = " ".join((ethnic_group, *ETHNIC_GROUP_OTHER_NAMES.get(ethnic_group, ())))
    return fold_for_search(" ".join((full_name, collective_name, position, workplace, ethnicity)))[:600]


def person_key(*, full_name: str, birth_year: int | None) -> tuple[str, int | None]:
    """Who a row is, for spotting the same person twice: the folded name and the birth year."""
    return fold_for_search(full_name).replace(" ", ""), birth_year


def likely_duplicates(*, rows: list[dict], on_roster: dict[tuple[str, int | None], str]) -> dict[int, str]:
    """Rows (by index) that are probably someone already there: on the roster, or earlier in the file.

    `on_roster` maps person_key() of each delegate already on the roster to their name as written.
    Returns index → the reason shown in the preview, where the officer skips or keeps each row.
    """
    flagged: dict[int, str] = {}
    seen_in_file: dict[tuple[str, int | None], int] = {}
    for index, row in enumerate(rows):
        key = person_key(full_name=row.get("full_name", ""), birth_year=row.get("birth_year"))
        if key in on_roster:
            flagged[index] = gettext("đã có trong danh sách: %(name)s, sinh năm %(birth_year)s") % {
                "name": on_roster[key],
                "birth_year": row.get("birth_year"),
            }
        elif key in seen_in_file:
            flagged[index] = gettext("trùng với dòng thứ %(value)s của tệp (cùng họ tên, năm sinh)") % {
                "value": seen_in_file[key] + 1
            }
        seen_in_file.setdefault(key, index)
    return flagged


def email_problem(address: str) -> str:
    """Why a delegate's e-mail address cannot be used (empty when it can, or when there is none)."""
    if not address:
        return ""
    if len(address) > 254:
        return gettext("địa chỉ thư điện tử dài quá 254 ký tự")
    try:
        validate_email(address)
    except ValidationError:
        return gettext(
            "“%(address)s” không phải địa chỉ thư điện tử hợp lệ (ví dụ: nguyenvana@backan.gov.vn)"
        ) % {"address": address}
    return ""


def staged_rows_pack(rows: list[dict]) -> dict | list[dict]:
    """Parsed rows as they are kept until the preview is confirmed: their keys once, then one
    list of values per row (a third of the JSON of 10,000 dicts, issue 16). Rows that do not
    all share the same keys are kept as they are."""
    columns = list(rows[0]) if rows else []
    if any(len(row) != len(columns) or list(row) != columns for row in rows):
        return rows
    return {"columns": columns, "values": [list(row.values()) for row in rows]}


def staged_rows_unpack(data: dict | list[dict]) -> list[dict]:
    """The rows staged_rows_pack() kept (also those staged as a list of dicts, before it)."""
    if isinstance(data, dict):
        columns = data["columns"]
        return [dict(zip(columns, values, strict=True)) for values in data["values"]]
    return list(data)
