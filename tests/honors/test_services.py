import io
from datetime import date

import pytest
from PIL import Image

from honors import services
from honors.models import AwardType, Honour, Nomination, Presenter
from honors.services import HonoursError, PhotoRejected
from tests.factories import ExemplarFactory

from .conftest import make_decision, png_bytes, review_decision

pytestmark = pytest.mark.django_db


def test_the_award_types_of_the_2022_law_are_loaded_and_reload_without_duplicates(units):
    count = services.award_types_load_from_file()
    again = services.award_types_load_from_file()
    assert count == again == AwardType.objects.count()
    names = set(AwardType.objects.values_list("name", flat=True))
    for name in ("Chiến sĩ thi đua cơ sở", "Chiến sĩ thi đua cấp tỉnh", "Chiến sĩ thi đua toàn quốc",
                 "Lao động tiên tiến", "Tập thể lao động xuất sắc", "Cờ thi đua của Chính phủ",
                 "Huân chương Sao vàng", "Huân chương Lao động hạng Ba", "Bằng khen của Thủ tướng Chính phủ",
                 "Bằng khen của Chủ tịch UBND tỉnh", "Anh hùng Lao động", "Bà mẹ Việt Nam anh hùng",
                 "Gia đình văn hóa", "Thôn, tổ dân phố văn hóa", "Nhà giáo nhân dân"):  # fmt: skip
        assert name in names
    flag = AwardType.objects.get(name="Cờ thi đua của Chính phủ")
    assert (flag.kind, flag.recipient, flag.level, flag.grantor) == (
        "title",
        "collective",
        4,
        "Thủ tướng Chính phủ",
    )


def test_the_load_command_loads_award_types(db):
    from django.core.management import call_command

    call_command("load_bac_kan", stdout=io.StringIO())
    assert AwardType.objects.filter(name="Huân chương Hồ Chí Minh", level=5).exists()


def test_a_photo_is_checked_reencoded_and_resized():
    photo = services.photo_normalise(data=png_bytes((1600, 1200)))
    with Image.open(photo) as image:
        assert image.format == "JPEG"
        assert max(image.size) == 800
    assert photo.name.endswith(".jpg")


@pytest.mark.parametrize(
    "data",
    [b"GIF89a not really an image", b"<?php echo 1; ?>", b"%PDF-1.4 pretending", png_bytes()[:200]],
)
def test_a_file_that_is_not_an_image_is_refused_whatever_its_name(data):
    with pytest.raises(PhotoRejected, match="không phải là ảnh"):
        services.photo_normalise(data=data)


def test_a_photo_too_large_is_refused():
    with pytest.raises(PhotoRejected, match="tối đa 5 MB"):
        services.photo_normalise(data=b"\xff" * (services.PHOTO_MAX_BYTES + 1))


def test_saving_an_exemplar_folds_its_search_text_and_stores_the_photo(units):
    exemplar = ExemplarFactory(unit=units["chora"], name="Đàm Thị Ngọc")
    assert "dam thi ngoc" in exemplar.search_text
    assert "thi tran cho ra" in exemplar.search_text
    saved = services.exemplar_save(exemplar=exemplar, movements=[], by=None, photo_data=png_bytes((300, 900)))
    saved.refresh_from_db()
    assert saved.photo.name.startswith("exemplars/") and saved.photo.name.endswith(".jpg")
    with Image.open(saved.photo.path) as image:
        assert image.size == (267, 800)


def test_a_collective_keeps_no_personal_facts(units):
    exemplar = ExemplarFactory(
        unit=units["chora"], name="Thôn Nà Làng", kind="collective", gender="female", birth_year=1990
    )
    assert exemplar.gender == "" and exemplar.birth_year is None


def test_an_award_outside_the_period_needs_the_earlier_history_mark(exemplar, awards):
    kwargs = dict(exemplar=exemplar, award_type=awards["Lao động tiên tiến"], decision_number="12/QĐ-UBND",
                  issuing_authority="UBND huyện Ba Bể")  # fmt: skip
    with pytest.raises(HonoursError, match="ngoài giai đoạn 2020 - 2025"):
        services.award_received_add(decision_date=date(2018, 5, 1), **kwargs)
    assert exemplar.awards_received.count() == 0
    services.award_received_add(decision_date=date(2018, 5, 1), is_earlier_history=True, **kwargs)
    services.award_received_add(decision_date=date(2020, 1, 1), **kwargs)
    assert exemplar.awards_received.count() == 2


def test_the_period_is_read_from_the_campaign(exemplar, awards, campaign):
    campaign.period_start_year = 2015
    campaign.save(update_fields=["period_start_year"])
    services.award_received_add(
        exemplar=exemplar, award_type=awards["Lao động tiên tiến"], decision_number="1/QĐ",
        decision_date=date(2016, 1, 1), issuing_authority="UBND huyện",
    )  # fmt: skip
    assert exemplar.awards_received.count() == 1


def test_a_collective_award_is_refused_to_an_individual(exemplar, awards):
    with pytest.raises(HonoursError, match="chỉ dành cho tập thể"):
        services.award_received_add(
            exemplar=exemplar, award_type=awards["Cờ thi đua của Chính phủ"], decision_number="1/QĐ-TTg",
            decision_date=date(2022, 1, 1), issuing_authority="Thủ tướng Chính phủ",
        )  # fmt: skip


def _nominate(exemplar, event, awards, user, target="own", award="Giấy khen của Chủ tịch UBND cấp xã"):
    return services.nomination_create(
        exemplar=exemplar, event=event, target=target, proposed_award=awards[award], by=user
    )


DECISION = review_decision("commune_chair")


def test_a_district_accepts_its_commune_proposal_and_the_honour_is_recorded(
    exemplar, events, awards, unit_manager, district_officer
):
    nomination = _nominate(exemplar, events["chora"], awards, unit_manager)
    reviewed = services.nomination_review(
        nomination=nomination, reviewer=district_officer, status="accepted", **DECISION
    )
    assert reviewed.status == "accepted" and reviewed.reviewed_by == district_officer and reviewed.reviewed_at
    honour = Honour.objects.get(event=events["chora"], exemplar=exemplar)
    assert honour.award_type.name == "Giấy khen của Chủ tịch UBND cấp xã"
    assert honour.decision.number == "25/QĐ-UBND" and honour.nomination == reviewed
    assert honour.decision.issuer == "Chủ tịch Ủy ban nhân dân thị trấn Chợ Rã"


def test_a_raise_records_the_higher_form(exemplar, events, awards, unit_manager, district_officer):
    nomination = _nominate(exemplar, events["chora"], awards, unit_manager)
    services.nomination_review(
        nomination=nomination, reviewer=district_officer, status="raised",
        raised_award=awards["Giấy khen của Chủ tịch UBND cấp huyện"], **review_decision("district_chair"),
    )  # fmt: skip
    honour = Honour.objects.get(exemplar=exemplar)
    assert honour.award_type.name == "Giấy khen của Chủ tịch UBND cấp huyện"
    assert honour.decision.authority == "district_chair"


def test_a_raise_to_a_lower_or_equal_form_is_refused(
    exemplar, events, awards, unit_manager, district_officer
):
    nomination = _nominate(
        exemplar, events["chora"], awards, unit_manager, award="Giấy khen của Chủ tịch UBND cấp huyện"
    )
    with pytest.raises(HonoursError, match="phải cao hơn"):
        services.nomination_review(
            nomination=nomination, reviewer=district_officer, status="raised",
            raised_award=awards["Giấy khen của Thủ trưởng sở, ban, ngành"], **DECISION,
        )  # fmt: skip
    nomination.refresh_from_db()
    assert nomination.status == "pending" and not Honour.objects.exists()


def test_a_rejection_needs_a_reason_and_records_no_honour(
    exemplar, events, awards, unit_manager, district_officer
):
    nomination = _nominate(exemplar, events["chora"], awards, unit_manager)
    with pytest.raises(HonoursError, match="lý do"):
        services.nomination_review(nomination=nomination, reviewer=district_officer, status="rejected")
    services.nomination_review(
        nomination=nomination, reviewer=district_officer, status="rejected", reason="Thành tích chưa nổi bật"
    )
    nomination.refresh_from_db()
    assert nomination.status == "rejected" and nomination.decided_award is None
    assert not Honour.objects.exists()


def test_the_wrong_level_cannot_review(exemplar, events, awards, unit_manager, admin, other_unit_manager):
    nomination = _nominate(exemplar, events["chora"], awards, unit_manager)
    for reviewer in (admin, other_unit_manager, unit_manager):
        with pytest.raises(HonoursError):
            services.nomination_review(
                nomination=nomination, reviewer=reviewer, status="accepted", **DECISION
            )
    assert Nomination.objects.get().status == "pending"


def test_home_affairs_reviews_a_district_proposal_to_the_province(
    units, events, awards, district_officer, admin
):
    district_exemplar = ExemplarFactory(unit=units["babe"], name="Nông Văn Khánh")
    nomination = _nominate(
        district_exemplar, events["province"], awards, district_officer, target="upper",
        award="Bằng khen của Chủ tịch UBND tỉnh",
    )  # fmt: skip
    with pytest.raises(HonoursError, match="Sở Nội vụ"):
        services.nomination_review(
            nomination=nomination,
            reviewer=district_officer,
            status="accepted",
            **review_decision("province_chair"),
        )
    services.nomination_review(
        nomination=nomination, reviewer=admin, status="accepted", **review_decision("province_chair")
    )
    assert Honour.objects.filter(event=events["province"]).count() == 1


def test_a_commune_cannot_propose_to_another_district(exemplar, events, awards, unit_manager):
    with pytest.raises(HonoursError, match="huyện, thành phố quản lý"):
        _nominate(exemplar, events["nari"], awards, unit_manager, target="upper")


def test_an_exemplar_is_proposed_once_per_event(exemplar, events, awards, unit_manager):
    _nominate(exemplar, events["chora"], awards, unit_manager)
    with pytest.raises(HonoursError, match="đã được đề nghị"):
        _nominate(exemplar, events["chora"], awards, unit_manager)


def test_an_exemplar_cannot_be_honoured_twice_at_the_same_event(exemplar, events, awards):
    kwargs = dict(
        event=events["chora"], exemplar=exemplar, award_type=awards["Giấy khen của Chủ tịch UBND cấp xã"],
        decision=make_decision(events["chora"], "commune_chair"),
    )  # fmt: skip
    services.honour_record(**kwargs)
    with pytest.raises(HonoursError, match="mỗi điển hình chỉ được khen một lần"):
        services.honour_record(**kwargs)
    assert Honour.objects.count() == 1


def test_the_database_also_refuses_a_second_honour(exemplar, events, awards):
    from django.db import IntegrityError, transaction

    kwargs = dict(
        event=events["chora"], exemplar=exemplar, award_type=awards["Giấy khen của Chủ tịch UBND cấp xã"],
        decision=make_decision(events["chora"], "commune_chair"),
    )  # fmt: skip
    Honour.objects.create(**kwargs)
    with pytest.raises(IntegrityError), transaction.atomic():
        Honour.objects.create(**kwargs)


def test_presenters_are_numbered_and_unique(exemplar, events, units):
    other = ExemplarFactory(unit=units["chora"], name="Ma Văn Tuấn", gender="male")
    first = services.presenter_add(event=events["chora"], exemplar=exemplar, topic="Miến dong  Ba Bể")
    second = services.presenter_add(event=events["chora"], exemplar=other, topic="Chuyển đổi số")
    assert (first.order, second.order, first.topic) == (1, 2, "Miến dong Ba Bể")
    with pytest.raises(HonoursError, match="đã có trong danh sách"):
        services.presenter_add(event=events["chora"], exemplar=exemplar, topic="Lần nữa")
    services.presenter_remove(presenter=first)
    assert Presenter.objects.count() == 1


def test_the_demo_seed_runs_twice_without_duplicates(db):
    import random

    from django.core.management import call_command

    from honors.models import Exemplar

    call_command("load_bac_kan", stdout=io.StringIO())
    from congresses import demo as congress_demo
    from honors import demo
    from units import demo as unit_demo

    for module in (unit_demo, congress_demo, demo, demo):
        module.seed(rng=random.Random(1), scale="demo", stdout=io.StringIO())
    assert Exemplar.objects.count() >= 20
    assert Exemplar.objects.filter(publication="approved").count() >= 12
    assert Exemplar.objects.filter(publication="requested").exists()
    for honour in Honour.objects.select_related("decision", "award_type"):  # every demo honour is lawful
        assert honour.decision.authority in honour.award_type.authorities, honour
    statuses = set(Nomination.objects.values_list("status", flat=True))
    assert {"pending", "accepted", "rejected", "raised"} <= statuses
    assert Honour.objects.exists() and Presenter.objects.exists()


@pytest.mark.parametrize(
    ("birth_year", "ticked", "youth"), [(1995, False, True), (1990, True, False), (None, True, True)]
)
def test_an_exemplars_youth_follows_the_one_definition_when_the_birth_year_is_known(
    units, birth_year, ticked, youth
):
    """Issue 15: the exemplar form said 16–30 while the roster counted up to 35; one definition now."""
    from freezegun import freeze_time

    with freeze_time("2025-05-01"):
        exemplar = ExemplarFactory(unit=units["chora"], birth_year=birth_year, is_youth=ticked)
    assert exemplar.is_youth is youth
