"""Demo exemplars of Bắc Kạn: records, awards received, nominations in every state, honours, presenters."""

import io
from datetime import date

from PIL import Image, ImageDraw

from congresses import rules
from congresses.models import Event
from congresses.rules import Publication
from congresses.selectors import campaign_active
from units.models import Unit, User

from . import services
from .demo_people import EXEMPLARS, IND, F, M
from .models import AwardType, Exemplar, Nomination

STATUS_PLAN = ("accepted", "accepted", "raised", "rejected", "pending", "accepted")


def _demo_photo(name: str, hue: int) -> bytes:
    image = Image.new("RGB", (960, 720), (200 - hue % 80, 60 + hue % 120, 60 + hue % 90))
    draw = ImageDraw.Draw(image)
    draw.ellipse((330, 130, 630, 430), fill=(245, 225, 200))
    draw.rectangle((260, 470, 700, 720), fill=(245, 225, 200))
    draw.text((40, 40), name, fill=(255, 255, 255))
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def seed(*, rng, scale: str, stdout) -> None:
    services.award_types_load_from_file()
    campaign = campaign_active()
    if campaign is None or Exemplar.objects.exists():
        stdout.write(f"  {Exemplar.objects.count()} điển hình (đã có)")
        return
    movements = list(campaign.movements.order_by("order"))
    awards = {a.name: a for a in AwardType.objects.all()}
    units = {u.name: u for u in Unit.objects.filter(name__in={row[0] for row in EXEMPLARS})}
    staff = User.objects.filter(role=User.Role.STAFF, unit__isnull=False).first()
    created: list[Exemplar] = []
    for index, row in enumerate(EXEMPLARS):
        (unit_name, kind, name, rep, gender, birth_year, ethnic, position, field,
         movement_numbers, achievements, story, youth, direct, new) = row  # fmt: skip
        unit = units.get(unit_name)
        if unit is None:
            continue
        exemplar = Exemplar(
            unit=unit, kind=kind, name=name, representative=rep, gender=gender, birth_year=birth_year,
            ethnic_group=ethnic, position=position, field=field, achievements=achievements, story=story,
            is_youth=youth, is_direct_worker=direct, is_new_model=new,
            publication=_demo_publication(index),
            phone=f"0912{rng.randint(100000, 999999)}" if kind == IND else "",
        )  # fmt: skip
        photo = _demo_photo(name, index * 37) if index % 3 != 2 else None
        services.exemplar_save(
            exemplar=exemplar,
            movements=[movements[n - 1] for n in movement_numbers if n <= len(movements)],
            by=staff,
            photo_data=photo,
        )
        created.append(exemplar)
        _seed_awards(exemplar, awards, rng)
    if scale in ("province", "nation"):
        created += _seed_bulk(rng, movements)
    _seed_nominations(created, awards, rng)
    _seed_presenters(rng)
    stdout.write(f"  {Exemplar.objects.count()} điển hình, {Nomination.objects.count()} đề nghị khen thưởng")


def _demo_publication(index: int) -> str:
    """Most demo exemplars approved for the public page, some waiting for the level above, some not asked."""
    if index % 7 == 6:
        return Publication.DRAFT
    if index % 11 == 3:
        return Publication.REQUESTED
    return Publication.APPROVED


def _seed_awards(exemplar: Exemplar, awards: dict[str, AwardType], rng) -> None:
    if exemplar.kind == IND:
        choices = ["Lao động tiên tiến", "Chiến sĩ thi đua cơ sở", "Giấy khen của Chủ tịch UBND cấp huyện"]
    else:
        choices = [
            "Tập thể lao động tiên tiến",
            "Giấy khen của Chủ tịch UBND cấp huyện",
            "Thôn, tổ dân phố văn hóa",
        ]
    for year in rng.sample(range(2020, 2025), 2):
        award = awards[rng.choice(choices)]
        services.award_received_add(
            exemplar=exemplar, award_type=award, decision_number=f"{rng.randint(10, 999)}/QĐ-UBND",
            decision_date=date(year, rng.randint(1, 12), rng.randint(1, 28)),
            issuing_authority="UBND huyện Ba Bể" if award.level <= 2 else "UBND tỉnh Bắc Kạn",
        )  # fmt: skip
    if rng.random() < 0.3:
        services.award_received_add(
            exemplar=exemplar, award_type=awards["Bằng khen của Chủ tịch UBND tỉnh"],
            decision_number=f"{rng.randint(100, 2999)}/QĐ-UBND", decision_date=date(2018, 12, 20),
            issuing_authority="UBND tỉnh Bắc Kạn", is_earlier_history=True,
        )  # fmt: skip


def _seed_bulk(rng, movements) -> list[Exemplar]:
    """Province scale: three more exemplars per unit that holds an event, for measuring pages."""
    from .domain import FIELDS

    given = ("An", "Bình", "Chung", "Dung", "Hạnh", "Khoa", "Liên", "Minh", "Nga", "Phúc", "Quỳnh", "Sơn")
    family = ("Hoàng", "Nông", "Triệu", "Ma", "Lý", "Hà", "Đàm", "Lục", "Bế", "Dương")
    made = []
    for event in Event.objects.select_related("unit").order_by("pk"):
        for _ in range(3):
            name = f"{rng.choice(family)} {rng.choice(['Văn', 'Thị'])} {rng.choice(given)}"
            exemplar = Exemplar(
                unit=event.unit, kind=IND, name=name, gender=F if " Thị " in name else M,
                birth_year=rng.randint(1960, 2000), ethnic_group=rng.choice(["Tày", "Nùng", "Dao", "Kinh", "Mông"]),
                field=rng.choice(FIELDS), achievements="Hoàn thành xuất sắc nhiệm vụ giai đoạn 2020 - 2025.",
                story="Gương điển hình tiêu biểu trong phong trào thi đua của đơn vị.",
                publication=Publication.APPROVED if rng.random() < 0.5 else Publication.DRAFT,
                is_direct_worker=rng.random() < 0.5,
            )  # fmt: skip
            services.exemplar_save(exemplar=exemplar, movements=rng.sample(movements, 2), by=None)
            made.append(exemplar)
    return made


def _reviewer_for(exemplar: Exemplar) -> User | None:
    unit = exemplar.unit
    if unit.kind in ("commune", "ward", "town"):
        return User.objects.filter(role=User.Role.OFFICER, unit__pk=unit.parent_id or 0).first()
    return User.objects.filter(role=User.Role.STAFF, unit__isnull=False).first()


def _seed_nominations(exemplars: list[Exemplar], awards: dict[str, AwardType], rng) -> None:
    events = {e.unit_id: e for e in Event.objects.select_related("unit")}
    proposer = User.objects.filter(role=User.Role.STAFF).first()
    if proposer is None:
        return
    province = Unit.objects.filter(kind="province").first()
    for index, exemplar in enumerate(exemplars):
        event = events.get(exemplar.unit_id)
        if event is None:
            continue
        reviewer = _reviewer_for(exemplar)
        if reviewer is None:
            continue
        is_base = exemplar.unit.kind in rules.BASE_KINDS
        proposed = awards[_DEMO_PROPOSAL.get(exemplar.unit.kind, "Giấy khen của Chủ tịch UBND cấp huyện")]
        if exemplar.unit.kind in rules.ENTERPRISE_KINDS and exemplar.kind != IND:
            proposed = awards["Tập thể lao động tiên tiến"]
        nomination = services.nomination_create(
            exemplar=exemplar, event=event, target="own", proposed_award=proposed, by=proposer
        )
        status = STATUS_PLAN[index % len(STATUS_PLAN)] if event.status != Event.Status.PLANNED else "pending"
        if status == "pending":
            continue
        decided = awards["Bằng khen của Chủ tịch UBND tỉnh"] if status == "raised" else proposed
        authority = rules.granting_authority(
            form_authorities=decided.authorities, proposer_kind=exemplar.unit.kind
        )
        issuer, place = _demo_issuer(authority or "", event.unit, province)
        services.nomination_review(
            nomination=nomination, reviewer=reviewer, status=status,
            reason="Thành tích chưa nổi bật so với các điển hình khác của đơn vị." if status == "rejected" else "",
            raised_award=decided if status == "raised" else None,
            decision_authority=authority or "", decision_issuer=issuer, decision_place=place,
            decision_number=_demo_number(event, authority or ""),
            decision_date=event.date, signer=_DEMO_SIGNERS.get(authority or "", "Nguyễn Văn Bình"),
        )  # fmt: skip
        if is_base and exemplar.unit.parent_id in events and status == "accepted":
            upper = events[exemplar.unit.parent_id]
            services.nomination_create(
                exemplar=exemplar, event=upper, target="upper",
                proposed_award=awards["Giấy khen của Chủ tịch UBND cấp huyện"], by=proposer,
            )  # fmt: skip


_DEMO_PROPOSAL = {
    "commune": "Giấy khen của Chủ tịch UBND cấp xã",
    "ward": "Giấy khen của Chủ tịch UBND cấp xã",
    "town": "Giấy khen của Chủ tịch UBND cấp xã",
    "department": "Giấy khen của Thủ trưởng sở, ban, ngành",
    "mass_org": "Giấy khen của Thủ trưởng sở, ban, ngành",
    "enterprise": "Chiến sĩ thi đua cơ sở",
    "province": "Bằng khen của Chủ tịch UBND tỉnh",
}
_DEMO_SUFFIX = {"department_head": "SNV", "enterprise_head": "DN"}
_DEMO_SIGNERS = {
    "province_chair": "Nguyễn Đăng Bình",
    "district_chair": "Hà Văn Lâm",
    "commune_chair": "Triệu Văn Tâm",
    "department_head": "Nông Thị Hạnh",
    "enterprise_head": "Lý Văn Khoa",
}
_PREFIXES = ("Thành phố ", "Thị trấn ", "Phường ", "Huyện ", "Tỉnh ", "Xã ")


def _demo_number(event: Event, authority: str) -> str:
    """One decision number per (event, authority): every honour of that authority at the event goes under it.
    Distinct for every event, since one body's register (the province's) holds the decisions of many
    events and refuses a number twice (the nation-scale demo has 1,500 events)."""
    offset = list(rules.AUTHORITY_LABELS).index(authority) if authority in rules.AUTHORITY_LABELS else 9
    return f"{20 + event.pk * 10 + offset}/QĐ-{_DEMO_SUFFIX.get(authority, 'UBND')}"


def _bare(name: str) -> str:
    for prefix in _PREFIXES:
        name = name.removeprefix(prefix)
    return name


def _demo_issuer(authority: str, unit: Unit, province: Unit | None) -> tuple[str, str]:
    """The issuer line and the place of a demo decision, as a quyết định khen thưởng prints them."""
    province_name = _bare(province.name) if province else "Bắc Kạn"
    if authority == rules.Authority.PROVINCE_CHAIR:
        return f"Chủ tịch Ủy ban nhân dân tỉnh {province_name}", province_name
    if authority in (rules.Authority.DISTRICT_CHAIR, rules.Authority.COMMUNE_CHAIR):
        return f"Chủ tịch Ủy ban nhân dân {unit.name[0].lower()}{unit.name[1:]}", _bare(unit.name)
    if authority == rules.Authority.DEPARTMENT_HEAD and unit.kind == "department":
        return f"Giám đốc {unit.name}", province_name
    if authority in (rules.Authority.DEPARTMENT_HEAD, rules.Authority.ENTERPRISE_HEAD):
        return f"Thủ trưởng {unit.name}", province_name
    return rules.authority_label(authority), province_name


def _seed_presenters(rng) -> None:
    topics = {
        "Nông nghiệp, nông thôn": "Kinh nghiệm liên kết sản xuất, nâng cao thu nhập cho người dân",
        "Khoa học, công nghệ, chuyển đổi số": "Chuyển đổi số từ cơ sở: cách làm và kết quả",
        "Văn hóa, thể thao": "Chung sức xây dựng khu dân cư văn hóa, nông thôn mới kiểu mẫu",
        "Thương mại, dịch vụ, du lịch": "Giữ gìn bản sắc, phát triển du lịch cộng đồng",
        "Y tế": "Đưa kỹ thuật mới về phục vụ người bệnh vùng cao",
        "Giáo dục và đào tạo": "Đồng hành cùng học sinh dân tộc thiểu số vươn lên trong học tập",
    }
    for event in Event.objects.filter(status__in=[Event.Status.HELD, Event.Status.REPORTED]).select_related(
        "unit"
    ):
        pool = list(
            Exemplar.objects.filter(unit_id=event.unit_id)
            | Exemplar.objects.filter(unit__parent_id=event.unit_id)
        )
        for order, exemplar in enumerate(rng.sample(pool, min(3, len(pool))), start=1):
            topic = topics.get(exemplar.field, f"Kinh nghiệm trong lĩnh vực {exemplar.field.lower()}")
            services.presenter_add(event=event, exemplar=exemplar, topic=topic, order=order)
