"""Demo accounts. One password for every demo account, printed by `make demo`."""

from core.bulk_insert import insert_many

from .models import UNIT_EPOCH, Unit, User

DEMO_PASSWORD = "BacKan@2025"

DEMO_ACCOUNTS = (
    # username, full name, role, unit lookup (kind, name)
    ("sonoivu", "Hoàng Thị Thu Hà", User.Role.STAFF, ("department", "Sở Nội vụ")),
    ("lanhdao", "Nông Văn Bình", User.Role.LEADERSHIP, None),
    ("thanhpho", "Lường Thị Mai", User.Role.OFFICER, ("city", "Thành phố Bắc Kạn")),
    ("babe", "Triệu Văn Dũng", User.Role.OFFICER, ("district", "Huyện Ba Bể")),
    ("songcau", "Hà Thị Lan", User.Role.OFFICER, ("ward", "Phường Sông Cầu")),
    ("chora", "Ma Văn Kiên", User.Role.OFFICER, ("town", "Thị trấn Chợ Rã")),
    ("syte", "Lý Thị Hạnh", User.Role.OFFICER, ("department", "Sở Y tế")),
)


def seed(*, rng, scale: str, stdout) -> None:
    for username, full_name, role, unit_key in DEMO_ACCOUNTS:
        unit = (
            Unit.objects.get(kind=unit_key[0], name=unit_key[1], valid_from=UNIT_EPOCH) if unit_key else None
        )
        family, _, given = full_name.rpartition(" ")
        # Loading again keeps an account where a reorganisation of the map moved it.
        user, _ = User.objects.update_or_create(
            username=username,
            defaults={"first_name": given, "last_name": family, "role": role},
            create_defaults={"first_name": given, "last_name": family, "role": role, "unit": unit},
        )
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    admin, _ = User.objects.update_or_create(
        username="admin",
        defaults={"role": User.Role.STAFF, "is_staff": True, "is_superuser": True,
                  "first_name": "Quản trị", "last_name": "hệ thống"},
    )  # fmt: skip
    admin.set_password(DEMO_PASSWORD)
    admin.save(update_fields=["password"])


def describe_accounts() -> list[str]:
    lines = []
    for user in User.objects.filter(username__in=[a[0] for a in DEMO_ACCOUNTS] + ["admin"]).select_related(
        "unit"
    ):
        where = user.unit.name if user.unit is not None else "toàn tỉnh"
        lines.append(f"  {user.username:<10} {user.get_role_display():<20} {where}")
    return lines


COPY_MARK = "minh họa"  # in every generated unit's name: "Huyện Ba Bể (minh họa 2)"


def seed_copies(*, copies: int, stdout) -> int:
    """The nation scale: `copies` made-up copies of the province's map under its root, so the
    campaign has about ten times the province's units. Each copy repeats every unit below the
    root (districts with their communes, the provincial bodies), named as a demo copy and without
    an official code. Loading again adds only the copies that are missing. Returns units made."""
    root = (
        Unit.objects.filter(parent__isnull=True, kind="province", valid_to__isnull=True)
        .order_by("pk")
        .first()
    )
    if root is None or copies < 1:
        return 0
    originals = list(
        Unit.objects.filter(valid_from=UNIT_EPOCH, valid_to__isnull=True)
        .exclude(name__contains=COPY_MARK)
        .exclude(pk=root.pk)
    )
    upper = [u for u in originals if u.parent_id == root.pk]
    lower = [u for u in originals if u.parent_id != root.pk]
    made = 0
    for number in range(2, copies + 2):
        suffix = f" ({COPY_MARK} {number})"
        if Unit.objects.filter(name__endswith=suffix).exists():
            continue
        copied = insert_many([Unit(name=u.name + suffix, kind=u.kind, parent=root) for u in upper])
        parent_of = {u.pk: c for u, c in zip(upper, copied, strict=True)}
        below = [
            Unit(name=u.name + suffix, kind=u.kind, parent=parent_of[u.parent_id])
            for u in lower
            if u.parent_id in parent_of
        ]
        made += len(copied) + len(insert_many(below))
    stdout.write(
        f"  {made} đơn vị minh họa sinh thêm ({copies} bản của cây đơn vị), {Unit.objects.count()} đơn vị"
    )
    return made
