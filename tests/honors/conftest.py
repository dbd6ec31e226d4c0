import io
from datetime import date

import pytest
from PIL import Image

from honors.models import AwardType
from honors.services import award_types_load_from_file
from tests.factories import EventFactory, ExemplarFactory


@pytest.fixture
def awards(units):
    award_types_load_from_file()
    return {a.name: a for a in AwardType.objects.all()}


@pytest.fixture
def events(units, campaign):
    return {
        key: EventFactory(unit=units[key], campaign=campaign, held=True)
        for key in ("chora", "babe", "province", "health", "nari")
    }


@pytest.fixture
def exemplar(units):
    return ExemplarFactory(unit=units["chora"], phone="0912345678")


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
