import io
from datetime import date

import pytest
from PIL import Image

from congresses.domain import tier_for_kind
from congresses.models import Event
from congresses.selectors import campaign_tiers
from honors.models import AwardType, Exemplar
from honors.services import award_types_load_from_file, exemplar_save


@pytest.fixture
def awards(units):
    award_types_load_from_file()
    return {a.name: a for a in AwardType.objects.all()}


def make_event(campaign, unit, *, status=Event.Status.HELD):
    tier = tier_for_kind(campaign_tiers(campaign=campaign), unit.kind)
    return Event.objects.create(
        campaign=campaign, unit=unit, tier=tier, name=f"{tier.event_name} {unit.name}", ordinal="II",
        venue="Hội trường", date=tier.window_start, session=Event.Session.MORNING, status=status,
    )  # fmt: skip


@pytest.fixture
def events(units, campaign):
    return {key: make_event(campaign, units[key]) for key in ("chora", "babe", "province", "health", "nari")}


def make_exemplar(unit, name="Hoàng Thị Hoa", *, kind="individual", published=False, **extra):
    fields = dict(
        unit=unit, kind=kind, name=name, gender="female" if kind == "individual" else "",
        ethnic_group="Tày" if kind == "individual" else "", field="Nông nghiệp, nông thôn",
        achievements="Thành tích tiêu biểu.", story="Câu chuyện ngắn." if published else "",
        publication="approved" if published else "draft", birth_year=1986 if kind == "individual" else None,
        representative="" if kind == "individual" else "Nông Văn Thành",
    )  # fmt: skip
    fields.update(extra)
    return exemplar_save(exemplar=Exemplar(**fields), movements=[], by=None)


@pytest.fixture
def exemplar(units):
    return make_exemplar(units["chora"], phone="0912345678")


def png_bytes(size=(1600, 1200), fmt="PNG") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (180, 40, 40)).save(out, format=fmt)
    return out.getvalue()


TODAY = date(2025, 3, 1)


ISSUERS = {
    "commune_chair": ("Chủ tịch Ủy ban nhân dân thị trấn Chợ Rã", "Chợ Rã"),
    "district_chair": ("Chủ tịch Ủy ban nhân dân huyện Ba Bể", "Ba Bể"),
    "province_chair": ("Chủ tịch Ủy ban nhân dân tỉnh Bắc Kạn", "Bắc Kạn"),
    "department_head": ("Giám đốc Sở Y tế", "Bắc Kạn"),
}


def review_decision(authority: str, number: str = "25/QĐ-UBND", signer: str = "Hà Văn Lâm") -> dict:
    """The decision fields of a review (nomination_review / the review form) for a decision of `authority`."""
    issuer, place = ISSUERS[authority]
    return dict(
        decision_authority=authority, decision_issuer=issuer, decision_number=number,
        decision_date=date(2025, 3, 1), decision_place=place, signer=signer,
    )  # fmt: skip


def make_decision(event, authority: str, number: str = "25/QĐ-UBND"):
    from honors.services import award_decision_get_or_create

    fields = review_decision(authority, number)
    return award_decision_get_or_create(
        event=event, authority=authority, issuer=fields["decision_issuer"], number=number,
        date=fields["decision_date"], place=fields["decision_place"], signer=fields["signer"],
    )  # fmt: skip
