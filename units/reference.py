"""National reference lists used by rosters and exemplar records."""

import re

from core.text import fold_for_search

# The 54 ethnic groups of Viet Nam, in the order of the General Statistics
# Office's official list (Quyết định 121-TCTK/PPCĐ).
ETHNIC_GROUPS: tuple[str, ...] = (
    "Kinh", "Tày", "Thái", "Mường", "Khmer", "Hoa", "Nùng", "Mông", "Dao", "Gia Rai",
    "Ngái", "Ê Đê", "Ba Na", "Xơ Đăng", "Sán Chay", "Cơ Ho", "Chăm", "Sán Dìu", "Hrê",
    "Mnông", "Ra Glai", "Xtiêng", "Bru-Vân Kiều", "Thổ", "Giáy", "Cơ Tu", "Gié Triêng",
    "Mạ", "Khơ Mú", "Co", "Tà Ôi", "Chơ Ro", "Kháng", "Xinh Mun", "Hà Nhì", "Chu Ru",
    "Lào", "La Chí", "La Ha", "Phù Lá", "La Hủ", "Lự", "Lô Lô", "Chứt", "Mảng",
    "Pà Thẻn", "Cơ Lao", "Cống", "Bố Y", "Si La", "Pu Péo", "Brâu", "Ơ Đu", "Rơ Măm",
)  # fmt: skip
assert len(ETHNIC_GROUPS) == 54

# Other names in common use for a group on the official list: an import cell or a search
# for "H’Mông" means the "Mông" of the list.
ETHNIC_GROUP_OTHER_NAMES: dict[str, tuple[str, ...]] = {
    "Mông": ("H'Mông", "Hmông"),
    "Bru-Vân Kiều": ("Vân Kiều", "Bru"),
    "Khmer": ("Khơ-me", "Khơ me"),
    "Ê Đê": ("Ê-đê", "Rađê"),
    "Gia Rai": ("Jrai", "Gia-rai"),
}

MAJORITY_ETHNIC_GROUP = "Kinh"

ETHNIC_GROUP_CHOICES = [(name, name) for name in ETHNIC_GROUPS]

NO_RELIGION = "Không"


# Youth (thanh niên): Luật Thanh niên số 57/2020/QH14, Điều 1 — "công dân Việt Nam từ đủ 16 tuổi
# đến 30 tuổi". One definition for every form and figure (rosters, exemplar records), counted
# in the year the event is held (a birth year is all a roster holds).
YOUTH_MIN_AGE = 16
YOUTH_MAX_AGE = 30
YOUTH_LABEL = "thanh niên (từ 16 đến 30 tuổi, Luật Thanh niên 2020)"


def is_youth(*, birth_year: int, in_year: int) -> bool:
    return YOUTH_MIN_AGE <= in_year - birth_year <= YOUTH_MAX_AGE


def youth_birth_years(in_year: int) -> tuple[int, int]:
    """The birth years (earliest, latest) of those who count as youth in `in_year`."""
    return in_year - YOUTH_MAX_AGE, in_year - YOUTH_MIN_AGE


# Fields (lĩnh vực) of exemplars and delegates, one list for every form, import and figure:
# the plan asks the delegates to represent them all.
FIELDS: tuple[str, ...] = (
    "Nông nghiệp, nông thôn",
    "Công nghiệp, xây dựng, giao thông",
    "Thương mại, dịch vụ, du lịch",
    "Giáo dục và đào tạo",
    "Y tế",
    "Văn hóa, thể thao",
    "Khoa học, công nghệ, chuyển đổi số",
    "Quốc phòng, an ninh",
    "Quản lý nhà nước",
    "Xây dựng Đảng, đoàn thể",
    "Xã hội, từ thiện, nhân đạo",
    "Bảo vệ môi trường, tài nguyên",
)
FIELD_CHOICES = [(name, name) for name in FIELDS]


def _fold(text: str) -> str:
    """Folded, with the separators officers use between the words of a field (, - / ; "và") as spaces."""
    return " ".join(re.sub(r"[,;/\-]|\bva\b", " ", fold_for_search(text)).split())


def field_for(text: str) -> str | None:
    """The field of the list an officer meant: "Nông nghiệp" → "Nông nghiệp, nông thôn", "y te" → "Y tế",
    "Quốc phòng - an ninh" → "Quốc phòng, an ninh".

    Matches the whole name or the start of exactly one name, ignoring case, diacritics and
    separators; None when nothing (or several) match.
    """
    folded = _fold(text)
    if not folded:
        return None
    starting = [name for name, known in _FOLDED_FIELDS if known == folded or known.startswith(folded + " ")]
    return starting[0] if len(starting) == 1 else None


_FOLDED_FIELDS = tuple((name, _fold(name)) for name in FIELDS)  # folded once, not per row of an import
