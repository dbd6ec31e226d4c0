from datetime import date

import pytest

from honors.models import AwardDecision, AwardType, Exemplar, Honour
from reports.services import agenda_template_load
from tests.factories import DelegateFactory, HeldEventFactory

# Names with every kind of Vietnamese mark, as an officer would type them.
NAMES = [
    ("Nguyễn Thị Ánh Tuyết", "female"),
    ("Hoàng Văn Đức", "male"),
    ("Triệu Thị Hương", "female"),
    ("Lường Văn Ữu", "male"),
    ("Nông Thị Phượng", "female"),
    ("Đàm Quốc Khải", "male"),
    ("Bàn Thị Yến", "female"),
]


@pytest.fixture
def agenda_template(campaign):
    agenda_template_load(campaign=campaign)
    return campaign


@pytest.fixture
def babe_event(campaign, units, agenda_template):
    """Huyện Ba Bể's congress (district tier: a congress, sends a delegation to the province)."""
    return HeldEventFactory(unit=units["babe"], campaign=campaign)


@pytest.fixture
def chora_event(campaign, units, agenda_template):
    """Thị trấn Chợ Rã's conference (commune tier: not a congress)."""
    return HeldEventFactory(unit=units["chora"], campaign=campaign, date=date(2025, 4, 20))


@pytest.fixture
def nari_event(campaign, units, agenda_template):
    return HeldEventFactory(unit=units["nari"], campaign=campaign)


@pytest.fixture
def babe_delegates(babe_event):
    return [DelegateFactory(event=babe_event, full_name=name, gender=gender) for name, gender in NAMES]


@pytest.fixture
def babe_honours(babe_event, units):
    certificate = AwardType.objects.create(
        name="Bằng khen của Chủ tịch UBND tỉnh", kind="form", recipient="both", level=3,
        grantor="Chủ tịch UBND tỉnh", is_certificate=True, order=1, authorities=["province_chair"],
    )  # fmt: skip
    title = AwardType.objects.create(
        name="Chiến sĩ thi đua cơ sở", kind="title", recipient="individual", level=2,
        grantor="Chủ tịch UBND huyện", is_certificate=False, order=2, authorities=["district_chair"],
    )  # fmt: skip
    # One decision of the province's chair for the Bằng khen, one of the district's chair for the title.
    by_province = AwardDecision.objects.create(
        event=babe_event, authority="province_chair", issuer="Chủ tịch Ủy ban nhân dân tỉnh Bắc Kạn",
        number="100/QĐ-UBND", date=date(2025, 6, 10), place="Bắc Kạn", signer="Nguyễn Đăng Bình",
    )  # fmt: skip
    by_district = AwardDecision.objects.create(
        event=babe_event, authority="district_chair", issuer="Chủ tịch Ủy ban nhân dân huyện Ba Bể",
        number="102/QĐ-UBND", date=date(2025, 4, 15), place="Ba Bể", signer="Hà Văn Lâm",
    )  # fmt: skip
    honours = []
    for name, gender, award in [
        ("Hà Thị Lụa", "female", certificate),
        ("Thôn Nà Làng", "", certificate),
        ("Lý Văn Sáng", "male", title),
    ]:
        exemplar = Exemplar.objects.create(
            unit=units["babe"], kind="collective" if not gender else "individual", name=name,
            gender=gender, field="Nông nghiệp", achievements="Sản xuất giỏi",
        )  # fmt: skip
        honours.append(
            Honour.objects.create(
                event=babe_event,
                exemplar=exemplar,
                award_type=award,
                decision=by_province if award == certificate else by_district,
            )  # fmt: skip
        )
    return honours


@pytest.fixture
def request_report(django_capture_on_commit_callbacks):
    """Queue a job as the portal does and run its task (eager) when the transaction commits."""
    import uuid

    from reports import services

    def run(**kwargs):
        kwargs.setdefault("key", uuid.uuid4().hex)
        with django_capture_on_commit_callbacks(execute=True):
            report = services.report_request(**kwargs)
        report.refresh_from_db()
        return report

    return run
