"""Pure rules of who may see and change which unit. No ORM, no request."""

import unicodedata
from dataclasses import dataclass
from datetime import date
from enum import IntEnum

from django.utils.translation import gettext


class Access(IntEnum):
    NONE = 0
    READ = 1
    WRITE = 2


@dataclass(frozen=True)
class UnitScope:
    """What a user may do, decided once from their role and unit.

    `root_unit_id` is the unit an officer belongs to: they see and change it and
    its direct children (a district's communes). Staff of Sở Nội vụ see and change
    everything; leadership see everything and change nothing.
    """

    sees_all: bool
    changes_anything: bool
    root_unit_id: int | None

    def access_to(self, *, unit_id: int, parent_id: int | None) -> Access:
        if self.sees_all:
            return Access.WRITE if self.changes_anything else Access.READ
        if self.root_unit_id is not None and self.root_unit_id in (unit_id, parent_id):
            return Access.WRITE if self.changes_anything else Access.READ
        return Access.NONE


NO_SCOPE = UnitScope(sees_all=False, changes_anything=False, root_unit_id=None)


def day_label(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def unit_period_label(*, valid_from: date, valid_to: date | None, epoch: date) -> str:
    """How long a unit existed, as its page and its successors' pages show it."""
    start = "" if valid_from <= epoch else day_label(valid_from)
    if valid_to is None:
        return gettext("từ %(start)s") % {"start": start} if start else gettext("đang hoạt động")
    return (
        f"{start} – {day_label(valid_to)}"
        if start
        else gettext("đến %(day_label)s") % {"day_label": day_label(valid_to)}
    )


def basis_label(*, number: str, issued_on: date | None) -> str:
    if not number:
        return ""
    return (
        gettext("%(number)s ngày %(day_label)s") % {"number": number, "day_label": day_label(issued_on)}
        if issued_on
        else number
    )


# --- How an issuing body prints itself (Decree 30/2020/NĐ-CP, Phụ lục I) ---------------------

ADMINISTRATIVE = ("province", "city", "district", "ward", "commune", "town")
# The kind words that begin a unit's name; inside a sentence they are written in lower case
# ("Hội trường xã Hà Hiệu"), provincial bodies keep their own capitals ("Hội trường Sở Y tế").
ADMINISTRATIVE_PREFIXES = ("Thành phố", "Thị trấn", "Phường", "Huyện", "Tỉnh", "Xã", "Đặc khu")
_PREFIXES = tuple(prefix + " " for prefix in ADMINISTRATIVE_PREFIXES)


def unit_name_in_sentence(unit_name: str) -> str:
    """ "Xã Hà Hiệu" -> "xã Hà Hiệu", "Sở Y tế" -> "Sở Y tế" (Vietnamese writing of names mid-sentence)."""
    for prefix in _PREFIXES:
        if unit_name.startswith(prefix):
            return prefix.lower() + unit_name[len(prefix) :]
    return unit_name


@dataclass(frozen=True)
class ProfileValues:
    governing_name: str
    name_line1: str
    name_line2: str
    symbol: str
    place: str


@dataclass(frozen=True)
class SignerValues:
    authority: str
    on_behalf_of: str
    title: str
    recipients: str


def place_name(unit_name: str) -> str:
    """The place of the date line: "Thị trấn Chợ Rã" -> "Chợ Rã", "Tỉnh Bắc Kạn" -> "Bắc Kạn"."""
    for prefix in _PREFIXES:
        if unit_name.startswith(prefix):
            return unit_name[len(prefix) :]
    return unit_name


def symbol_of(name: str) -> str:
    """Initials without tone marks, as in document symbols: "Sở Nội vụ" -> "SNV"."""
    letters = []
    for word in name.split():
        first = word[0].upper()
        letters.append(first if first == "Đ" else unicodedata.normalize("NFD", first)[0])
    return "".join(letters)


def default_profile(*, unit_kind: str, unit_name: str, parent_name: str = "") -> ProfileValues:
    """The profile a body starts from, before its officers correct it.

    A People's Committee prints "ỦY BAN NHÂN DÂN" over its unit's name; a provincial body
    prints its name under "UBND TỈNH …" and dates its documents at the province's place.
    """
    if unit_kind in ADMINISTRATIVE:
        return ProfileValues("", "ỦY BAN NHÂN DÂN", unit_name.upper(), "UBND", place_name(unit_name))
    governing = f"UBND {parent_name.upper()}" if parent_name else ""
    return ProfileValues(governing, unit_name.upper(), "", symbol_of(unit_name), place_name(parent_name))


def default_signer(*, unit_kind: str, purpose: str) -> SignerValues:
    """Who signs by default: the committee's chair (TM.), a body's deputy director (KT.), the organising committee's head."""
    if purpose == "event":
        return SignerValues("TM.", "BAN TỔ CHỨC", "TRƯỞNG BAN", "Như trên;\nLưu: VT, BTC.")
    if unit_kind in ADMINISTRATIVE:
        recipients = "Như Điều 3;\nLưu: VT." if purpose == "decision" else "Như trên;\nLưu: VT."
        return SignerValues("TM.", "ỦY BAN NHÂN DÂN", "CHỦ TỊCH", recipients)
    if purpose == "decision":
        return SignerValues("", "", "GIÁM ĐỐC", "Như Điều 3;\nLưu: VT.")
    return SignerValues("KT.", "GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Như trên;\nLưu: VT.")


def signature_lines(*, authority: str, on_behalf_of: str, title: str) -> tuple[str, ...]:
    """The capitalised lines above the signature (Decree 30, Phụ lục I, mục 7).

    "TM. ỦY BAN NHÂN DÂN" / "CHỦ TỊCH"; "KT. GIÁM ĐỐC" / "PHÓ GIÁM ĐỐC"; "Q. GIÁM ĐỐC";
    "TL. GIÁM ĐỐC" / "CHÁNH VĂN PHÒNG"; the head signing directly: "GIÁM ĐỐC".
    """
    title = title.strip().upper()
    if authority == "Q.":
        return (f"Q. {title}",)
    if authority in ("TM.", "KT.", "TL.") and on_behalf_of.strip():
        return (f"{authority} {on_behalf_of.strip().upper()}", title)
    return (title,)


def head_title(*, authority: str, on_behalf_of: str, title: str) -> str:
    """The title of the body's head in whose name a certificate is given: "CHỦ TỊCH" for
    "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH" and for "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH", "GIÁM ĐỐC" for
    "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC" or "TL. GIÁM ĐỐC / CHÁNH VĂN PHÒNG"."""
    if authority in ("KT.", "TL.") and on_behalf_of.strip():
        return on_behalf_of.strip().upper()
    return title.strip().upper()


def certificate_signature_lines(*, authority: str, on_behalf_of: str, title: str) -> tuple[str, ...]:
    """The lines over the signature on a certificate: its head signs as head ("CHỦ TỊCH"), a
    deputy "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH"; a collective's "TM." has no place on a personal award."""
    if authority == "TM.":
        return (title.strip().upper(),)
    return signature_lines(authority=authority, on_behalf_of=on_behalf_of, title=title)


def recipient_lines(text: str) -> tuple[str, ...]:
    """ "Nơi nhận": one per line, each "- …;" and the last "- Lưu: VT, …." (Decree 30)."""
    items = [line.strip().lstrip("-").strip().rstrip(";.") for line in text.splitlines()]
    items = [item for item in items if item]
    return tuple(f"- {item}{'.' if i == len(items) - 1 else ';'}" for i, item in enumerate(items))


def body_in_sentence(*, unit_kind: str, unit_name: str) -> str:
    """The body as a sentence names it: "Ủy ban nhân dân thị trấn Chợ Rã" for an administrative
    unit's People's Committee, the body's own name otherwise ("Sở Y tế")."""
    if unit_kind in ADMINISTRATIVE:
        return f"Ủy ban nhân dân {unit_name[:1].lower()}{unit_name[1:]}"
    return unit_name


def head_in_sentence(*, unit_kind: str, unit_name: str, head_title: str) -> str:
    """The body's head as "Kính gửi" and "Xét đề nghị của" name them: "Chủ tịch Ủy ban nhân dân
    tỉnh Bắc Kạn", "Giám đốc Sở Y tế" (`head_title` is the profile's capitalised "CHỦ TỊCH")."""
    title = head_title.strip().capitalize() or "Thủ trưởng"
    return f"{title} {body_in_sentence(unit_kind=unit_kind, unit_name=unit_name)}"
