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
        is_published=published, birth_year=1986 if kind == "individual" else None,
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
