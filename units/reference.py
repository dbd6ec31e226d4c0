"""National reference lists used by rosters and exemplar records."""

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
