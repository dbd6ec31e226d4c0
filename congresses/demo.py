"""Demo events and plans: a realistic spread of units that planned, registered, held and reported."""

from datetime import datetime, time, timedelta

from django.core.files.base import ContentFile
from django.utils import timezone

from core.clock import today as portal_today
from units.domain import unit_name_in_sentence
from units.models import Unit, User
from units.selectors import province_root

from .domain import event_full_name, tier_for_kind
from .models import Campaign, Event, UnitPlan
from .selectors import campaign_active, campaign_tiers, campaign_units
from .services import plan_review, plan_submit

SMALL_SCALE_UNITS = ("58", "61")  # Thành phố Bắc Kạn and Huyện Ba Bể with their communes


def demo_units(scale: str, *, campaign: Campaign):
    """The campaign's units on its own map (never the successor bodies of a later merger that carry
    the same names, which a second run of demo_data would otherwise give a second event each)."""
    units = campaign_units(campaign=campaign).select_related("parent")
    if scale in ("province", "nation"):
        return list(units.order_by("pk"))
    chosen = units.filter(code__in=SMALL_SCALE_UNITS) | units.filter(parent__code__in=SMALL_SCALE_UNITS)
    bodies = units.filter(name__in=("Sở Y tế", "Sở Giáo dục và Đào tạo", "Hội Nông dân tỉnh"))
    return list((chosen | bodies).order_by("pk"))


def seed(*, rng, scale: str, stdout) -> None:
    campaign = campaign_active()
    if campaign is None:
        return
    tiers = campaign_tiers(campaign=campaign)
    today = portal_today()
    events = []
    for unit in demo_units(scale, campaign=campaign):
        tier = tier_for_kind(tiers, unit.kind)
        if tier is None:
            continue
        span = (tier.window_end - tier.window_start).days
        day = tier.window_start + timedelta(days=rng.randint(7, span - 7))
        # As the campaign stood on the portal's day (the demo's date): what is past was
        # mostly held and reported, a few are overdue; what is ahead is registered.
        status = (
            rng.choices([Event.Status.REPORTED, Event.Status.HELD, Event.Status.PLANNED], weights=[6, 3, 1])[
                0
            ]
            if day < today
            else Event.Status.PLANNED
        )
        events.append(
            Event(
                campaign=campaign,
                unit=unit,
                tier=tier,
                name=event_full_name(event_name=tier.event_name, unit_name=unit.name),
                ordinal=rng.choice(["II", "III"]) if not tier.is_congress else campaign.ordinal,
                venue=f"Hội trường {unit_name_in_sentence(unit.name)}",
                date=day,
                session=rng.choice([Event.Session.MORNING, Event.Session.AFTERNOON]),
                status=status,
            )
        )
    Event.objects.bulk_create(events, ignore_conflicts=True)
    if scale == "demo":  # the province and nation scales already hold the province's own congress
        upcoming = province_congress(campaign=campaign, tiers=tiers, today=today)
        if upcoming is not None:
            stdout.write(f"  sắp diễn ra: {upcoming.name} ngày {upcoming.date:%d/%m/%Y}")
    stdout.write(f"  {Event.objects.filter(campaign=campaign).count()} sự kiện")
    seed_plans(campaign=campaign, units=demo_units(scale, campaign=campaign), rng=rng)
    stdout.write(f"  {UnitPlan.objects.filter(campaign=campaign).count()} kế hoạch, chương trình đã nộp")


def province_congress(*, campaign: Campaign, tiers, today) -> Event | None:
    """The province's congress, registered for a date shortly after the portal's day (the demo's
    date) while its window is open: the event whose invitations a demo user can answer."""
    held = Event.objects.filter(campaign=campaign, unit__kind="province", unit__parent__isnull=True).first()
    if held is not None:  # loading again: the map's root may have moved since, the congress has not
        return held
    province = province_root(on=today)
    tier = tier_for_kind(tiers, province.kind) if province is not None else None
    if province is None or tier is None or not tier.window_start <= today < tier.window_end:
        return None
    day = min(today + timedelta(days=11), tier.window_end)
    event, _ = Event.objects.get_or_create(
        campaign=campaign,
        unit=province,
        defaults={
            "tier": tier,
            "name": event_full_name(event_name=tier.event_name, unit_name=province.name),
            "ordinal": campaign.ordinal,
            "venue": "Hội trường Trung tâm Hội nghị tỉnh",
            "date": day,
            "session": Event.Session.MORNING,
            "status": Event.Status.PLANNED,
        },
    )
    return event


def minimal_pdf(lines: list[str]) -> bytes:
    """A small, valid one-page PDF (Helvetica, ASCII text) with a correct xref table."""
    text = "".join(
        f"BT /F1 {14 if i == 0 else 11} Tf 60 {780 - 24 * i} Td ({_pdf_escape(line)}) Tj ET\n"
        for i, line in enumerate(lines)
    ).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(text) + text + b"endstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _pdf_escape(text: str) -> str:
    ascii_text = text.encode("ascii", "replace").decode("ascii")
    return ascii_text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


_PLAN_STORIES = (
    # (weight, days before/after the deadline of the first submission, what happened next)
    (5, -20, "approved"),
    (3, -10, "submitted"),
    (2, -15, "returned"),
    (2, -25, "resubmitted"),
    (2, 6, "approved"),
    (2, None, "missing"),
)


def seed_plans(*, campaign: Campaign, units: list[Unit], rng) -> None:
    """Plans in every state, each stored as a small PDF through the services."""
    reviewer = User.objects.filter(role=User.Role.STAFF).order_by("pk").first()
    if UnitPlan.objects.filter(campaign=campaign).exists():
        return  # loaded before: the units that drew "no plan yet" keep none
    deadline = datetime.combine(campaign.plan_deadline, time(9, 30), tzinfo=timezone.get_current_timezone())
    officers = {u.unit_id: u for u in User.objects.filter(role=User.Role.OFFICER).order_by("pk")}
    for unit in units:
        officer = officers.get(unit.pk)
        kinds = [UnitPlan.Kind.PLAN] + ([UnitPlan.Kind.PILOT_PROGRAMME] if unit.is_pilot else [])
        for kind in kinds:
            _, offset, story = rng.choices(_PLAN_STORIES, weights=[s[0] for s in _PLAN_STORIES])[0]
            if offset is None:
                continue
            when = deadline + timedelta(days=offset, hours=rng.randint(0, 6))
            label = "Ke hoach to chuc" if kind == UnitPlan.Kind.PLAN else "Chuong trinh Hoi nghi diem"
            file_name = f"{UnitPlan.Kind(kind).label} - {unit.name}"
            pdf = ContentFile(
                minimal_pdf([label, unit.name, f"Ngay {when:%d/%m/%Y}"]), name=f"{file_name}.pdf"
            )
            plan = plan_submit(
                campaign=campaign, unit=unit, kind=kind, upload=pdf, submitted_by=officer, now=when
            )
            if story == "submitted":
                continue
            comment = (
                "" if story == "approved" else "Bổ sung thời gian, địa điểm và dự kiến số lượng đại biểu."
            )
            plan = plan_review(
                plan=plan,
                action="approve" if story == "approved" else "return",
                comment=comment,
                reviewed_by=reviewer,
                now=when + timedelta(days=3),
            )
            if story == "resubmitted":
                pdf = ContentFile(
                    minimal_pdf([label, unit.name, "Ban sua doi"]), name=f"{file_name} (sửa).pdf"
                )
                plan_submit(
                    campaign=campaign,
                    unit=unit,
                    kind=kind,
                    upload=pdf,
                    submitted_by=officer,
                    now=when + timedelta(days=6),
                )
