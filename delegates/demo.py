"""Demo rosters with realistic names, genders and the ethnic mix of Bắc Kạn."""

from datetime import datetime, time, timedelta

from django.utils import timezone

from congresses import rules
from congresses.models import Event
from congresses.selectors import campaign_active
from core.bulk_insert import insert_many
from core.text import vietnamese_sort_key
from units.models import Unit
from units.reference import FIELDS

from .domain import delegate_search_text
from .models import Delegate, DelegationQuota
from .selectors import event_cap
from .services import delegation_approve, quota_set_many, roster_finalise, rosters_recount

FAMILY_NAMES = ("Nguyễn", "Hoàng", "Nông", "Lường", "Triệu", "Hà", "Lý", "Ma", "Đàm", "Lộc",
                "Dương", "Bàn", "Giàng", "Lục", "Hứa", "Vi", "Lăng", "Phùng", "Đinh", "Trần",
                "Lê", "Phạm", "Hoàng", "Nông", "Triệu")  # fmt: skip
MIDDLE = {"male": ("Văn", "Đức", "Minh", "Quang", "Hữu", "Văn"),
          "female": ("Thị", "Thu", "Ngọc", "Thanh", "Hồng", "Thị")}  # fmt: skip
GIVEN = {
    "male": ("An", "Bình", "Cường", "Dũng", "Hùng", "Kiên", "Long", "Mạnh", "Nam", "Phúc",
             "Quân", "Sơn", "Thắng", "Toàn", "Tuấn", "Việt", "Đức", "Khải", "Lợi", "Tường"),
    "female": ("Anh", "Chi", "Dung", "Hà", "Hạnh", "Hoa", "Hương", "Lan", "Liên", "Mai",
               "Nga", "Nhung", "Phượng", "Thảo", "Trang", "Vân", "Yến", "Ánh", "Ơn", "Ưng"),
}  # fmt: skip
# Roughly the ethnic make-up of Bắc Kạn (Tày about half, then Dao, Kinh, Nùng, Mông).
ETHNIC_WEIGHTS = (("Tày", 52), ("Dao", 17), ("Kinh", 11), ("Nùng", 9), ("Mông", 7),
                  ("Hoa", 1), ("Sán Chay", 1), ("Sán Dìu", 1), ("Giáy", 1))  # fmt: skip
POSITIONS = {
    "exemplar_individual": ("Nông dân sản xuất giỏi", "Giáo viên", "Bác sĩ", "Công nhân",
                            "Trưởng thôn", "Chủ hợp tác xã", "Cán bộ văn hóa"),
    "exemplar_collective": ("Trưởng thôn", "Tổ trưởng tổ dân phố", "Hiệu trưởng", "Giám đốc hợp tác xã"),
    "guest": ("Đại biểu khách mời", "Nguyên Chủ tịch UBND", "Người có uy tín"),
    "leader": ("Bí thư Đảng ủy", "Chủ tịch UBND", "Phó Chủ tịch UBND", "Chủ tịch Ủy ban MTTQ"),
}  # fmt: skip
COLLECTIVES = ("Thôn Nà Làng", "Tổ dân phố 7", "Trường Tiểu học Sông Cầu", "Hợp tác xã Tân Thành",
               "Chi hội Phụ nữ thôn Khuổi Linh", "Trạm Y tế xã", "Đội văn nghệ thôn Pác Ngòi")  # fmt: skip


def make_delegate(rng, event: Event, category: str) -> Delegate:
    gender = rng.choice(("male", "female"))
    full_name = f"{rng.choice(FAMILY_NAMES)} {rng.choice(MIDDLE[gender])} {rng.choice(GIVEN[gender])}"
    ethnic = rng.choices([e for e, _ in ETHNIC_WEIGHTS], weights=[w for _, w in ETHNIC_WEIGHTS])[0]
    collective = rng.choice(COLLECTIVES) if category == "exemplar_collective" else ""
    delegate = Delegate(
        event=event,
        category=category,
        full_name=full_name,
        collective_name=collective,
        gender=gender,
        birth_year=rng.randint(1955, 2003),
        ethnic_group=ethnic,
        religion=rng.choices(("Không", "Phật giáo", "Công giáo", "Tin Lành"), weights=(94, 3, 2, 1))[0],
        position=rng.choice(POSITIONS[category]),
        workplace=event.unit.name,
        field=rng.choice(FIELDS),
        is_direct_worker=category == "exemplar_individual" and rng.random() < 0.6,
    )
    delegate.sort_key = vietnamese_sort_key(full_name)
    delegate.search_text = delegate_search_text(
        full_name=full_name,
        collective_name=collective,
        position=delegate.position,
        workplace=delegate.workplace,
        ethnic_group=ethnic,
    )
    return delegate


def seed(*, rng, scale: str, stdout) -> None:
    events = list(Event.objects.select_related("unit", "tier").filter(delegates__isnull=True))
    large = scale in ("province", "nation")
    # The nation scale's 350,000 rows go through PostgreSQL COPY (core.bulk_insert), in batches
    # that keep memory flat; the smaller scales keep bulk_create.
    write, batch_size = (insert_many, 20000) if scale == "nation" else (Delegate.objects.bulk_create, 5000)
    batch: list[Delegate] = []
    for event in events:
        cap = event_cap(event) or 0
        size = rng.randint(max(cap - 8, 1), cap) if large else rng.randint(24, 60)
        if event.status == Event.Status.PLANNED and not large:
            size = rng.randint(5, 15)
        exemplars = -(-size * event.tier.min_exemplar_share_percent // 100) + rng.randint(0, 3)
        exemplars = min(exemplars, size)
        for index in range(size):
            if index < exemplars:
                category = "exemplar_collective" if rng.random() < 0.2 else "exemplar_individual"
            else:
                category = "leader" if rng.random() < 0.5 else "guest"
            batch.append(make_delegate(rng, event, category))
        if len(batch) >= batch_size:
            write(batch)
            batch = []
    write(batch)
    rosters_recount(event_ids=[event.pk for event in events])
    stdout.write(f"  {Delegate.objects.count()} đại biểu")
    # An event that has been held closed its roster first: finalise it through the
    # service, so the share rule is checked as an officer's click would check it.
    for event in Event.objects.filter(status__in=("held", "reported"), roster_finalised_at__isnull=True):
        closed = datetime.combine(event.date - timedelta(days=3), time(16, 30))
        roster_finalise(event=event, now=timezone.make_aware(closed))
    seed_delegations(rng=rng, stdout=stdout)


def seed_delegations(*, rng, stdout) -> None:
    """Quotas from Sở Nội vụ and the districts, and a few approved delegations."""

    campaign = campaign_active()
    if campaign is None or DelegationQuota.objects.filter(campaign=campaign).exists():
        return
    province = Unit.objects.filter(kind="province").first()
    if province is not None:
        children = list(Unit.objects.filter(parent=province).order_by("pk"))
        seats = {u.pk: (30 if u.kind in ("district", "city") else 4) for u in children}
        while not rules.quota_change(cap=500, before={}, after=seats, approved={}):
            seats = {k: max(v - 1, 1) for k, v in seats.items()}
        quota_set_many(campaign=campaign, upper_unit=province, seats=seats, by=None)
    for district in Unit.objects.filter(kind__in=("district", "city"), events__campaign=campaign):
        communes = list(Unit.objects.filter(parent=district))
        quota_set_many(
            campaign=campaign, upper_unit=district, seats={u.pk: rng.randint(4, 8) for u in communes}, by=None
        )
    approved = 0
    events = Event.objects.filter(campaign=campaign, status__in=("held", "reported")).select_related("unit")
    for event in events:
        quota = DelegationQuota.objects.filter(campaign=campaign, unit=event.unit).first()
        if quota is None or rng.random() < 0.3:
            continue
        exemplars = list(
            Delegate.objects.filter(event=event, category__in=Delegate.EXEMPLAR_CATEGORIES).values_list(
                "pk", flat=True
            )[: quota.seats]
        )
        if exemplars:
            delegation_approve(event=event, delegate_ids=exemplars, by=None)
            approved += 1
    stdout.write(
        f"  {DelegationQuota.objects.filter(campaign=campaign).count()} phân bổ, {approved} đoàn đã thông qua"
    )
