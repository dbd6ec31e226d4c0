"""Test data, built one way (factory_boy), instead of a helper per app with its own argument order.

Events, delegates and exemplars of the real province: use the `units` and `campaign`
fixtures of tests/conftest.py (the committed data files), then e.g.

    EventFactory(unit=units["chora"], campaign=campaign)                   # the unit's own tier
    EventFactory(unit=units["babe"], campaign=campaign, tier_code="district", held=True)
    DelegateFactory.create_batch(3, event=event, gender="female")
    ExemplarFactory(unit=units["chora"], published=True)
    GeneratedReportFactory(event=event, requested_by=user)                  # a finished document job
    UserFactory(staff=True)  /  UserFactory(leadership=True)  /  UserFactory(unit=unit)
"""

import datetime

import factory
from factory.django import DjangoModelFactory

from congresses.domain import event_full_name, tier_for_kind
from congresses.models import Campaign, Event, TierRule
from congresses.selectors import campaign_tiers
from core.text import fold_for_search, vietnamese_sort_key
from delegates.models import Delegate
from honors.models import Exemplar
from honors.services import exemplar_save
from reports.models import GeneratedReport
from units.domain import unit_name_in_sentence
from units.models import (
    DocumentProfile,
    DocumentSigner,
    Reorganisation,
    ReorganisationItem,
    Unit,
    UnitKind,
    UnitLineage,
    User,
)


class UnitFactory(DjangoModelFactory):
    class Meta:
        model = Unit

    name = factory.Sequence(lambda n: f"Xã Thử Nghiệm {n}")
    kind = UnitKind.COMMUNE
    parent = None


class UnitLineageFactory(DjangoModelFactory):
    """A merger on 1 July 2025 under Nghị quyết 1683/NQ-UBTVQH15 unless told otherwise."""

    class Meta:
        model = UnitLineage

    predecessor = factory.SubFactory(UnitFactory, valid_to=datetime.date(2025, 6, 30))
    successor = factory.SubFactory(UnitFactory, valid_from=datetime.date(2025, 7, 1))
    kind = UnitLineage.Kind.MERGE
    effective_date = datetime.date(2025, 7, 1)
    basis = "1683/NQ-UBTVQH15"
    basis_date = datetime.date(2025, 6, 16)


class ReorganisationFactory(DjangoModelFactory):
    class Meta:
        model = Reorganisation

    name = factory.Sequence(lambda n: f"Sắp xếp đơn vị thử nghiệm {n}")
    effective_date = datetime.date(2025, 7, 1)
    basis = "1683/NQ-UBTVQH15"
    basis_date = datetime.date(2025, 6, 16)


class ReorganisationItemFactory(DjangoModelFactory):
    """A commune merged into a new one on 1 July 2025 (both new units unless told otherwise)."""

    class Meta:
        model = ReorganisationItem

    reorganisation = factory.SubFactory(ReorganisationFactory)
    predecessor = factory.SubFactory(UnitFactory)
    successor = factory.SubFactory(UnitFactory, valid_from=datetime.date(2025, 7, 1))
    kind = UnitLineage.Kind.MERGE


class UserFactory(DjangoModelFactory):
    """An officer of a unit by default; `staff=True` or `leadership=True` for Sở Nội vụ and leadership."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    class Params:
        staff = factory.Trait(role=User.Role.STAFF)
        leadership = factory.Trait(role=User.Role.LEADERSHIP, unit=None)

    username = factory.Sequence(lambda n: f"user{n}")
    role = User.Role.OFFICER
    unit = factory.SubFactory(UnitFactory)
    password = factory.PostGenerationMethodCall("set_password", "pw")

    @factory.post_generation
    def _save_password(obj, create, extracted, **kwargs):  # noqa: N805 (factory_boy passes the object)
        if create:
            obj.save(update_fields=["password"])


class CampaignFactory(DjangoModelFactory):
    """A bare campaign; most tests load the real one with the `campaign` fixture instead."""

    class Meta:
        model = Campaign

    name = factory.Sequence(lambda n: f"Đại hội Thi đua yêu nước thử nghiệm {n}")
    ordinal = "VI"
    period_start_year = 2020
    period_end_year = 2025
    next_period_label = "2025-2030"
    plan_deadline = datetime.date(2025, 1, 15)


class TierRuleFactory(DjangoModelFactory):
    class Meta:
        model = TierRule

    campaign = factory.SubFactory(CampaignFactory)
    code = factory.Sequence(lambda n: f"tier{n}")
    label = factory.Sequence(lambda n: f"Cấp thử nghiệm {n}")
    event_name = "Hội nghị điển hình tiên tiến"
    unit_kinds = factory.LazyFunction(lambda: [UnitKind.COMMUNE])
    delegate_cap = 100
    window_start = datetime.date(2025, 1, 1)
    window_end = datetime.date(2025, 3, 31)
    window_label = "Quý I/2025"


def _tier_of(event) -> TierRule:
    """The tier named by `tier_code`, or the tier the unit's kind belongs to."""
    if event.tier_code:
        return TierRule.objects.get(campaign=event.campaign, code=event.tier_code)
    return tier_for_kind(campaign_tiers(campaign=event.campaign), event.unit.kind)


class EventFactory(DjangoModelFactory):
    """A unit's conference or congress in its own tier, on the first day of the tier's window."""

    class Meta:
        model = Event

    class Params:
        tier_code = ""
        held = factory.Trait(status=Event.Status.HELD)
        reported = factory.Trait(status=Event.Status.REPORTED)

    unit = factory.SubFactory(UnitFactory)
    campaign = factory.LazyAttribute(lambda e: Campaign.objects.get(is_active=True))
    tier = factory.LazyAttribute(_tier_of)
    name = factory.LazyAttribute(
        lambda e: event_full_name(event_name=e.tier.event_name, unit_name=e.unit.name)
    )
    ordinal = factory.LazyAttribute(lambda e: "VI" if e.tier.is_congress else "III")
    venue = factory.LazyAttribute(lambda e: f"Hội trường {unit_name_in_sentence(e.unit.name)}")
    date = factory.LazyAttribute(lambda e: e.tier.window_start)
    session = Event.Session.MORNING
    status = Event.Status.PLANNED
    delegate_cap = None


class HeldEventFactory(EventFactory):
    """An event that took place, mid-window (what documents and reports are made of)."""

    status = Event.Status.HELD
    date = factory.LazyAttribute(lambda e: e.tier.window_start.replace(day=15))


class DelegateFactory(DjangoModelFactory):
    class Meta:
        model = Delegate

    event = factory.SubFactory(EventFactory)
    category = Delegate.Category.EXEMPLAR_INDIVIDUAL
    full_name = factory.Sequence(lambda n: f"Nguyễn Văn Người{n:04d}")
    gender = "male"
    birth_year = 1980
    ethnic_group = "Tày"
    religion = "Không"
    sort_key = factory.LazyAttribute(lambda d: vietnamese_sort_key(d.full_name))
    search_text = factory.LazyAttribute(lambda d: fold_for_search(d.full_name))

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        """A delegate on a roster, with the event's counters kept as every roster write keeps them."""
        from delegates.services import roster_recount

        delegate = super()._create(model_class, *args, **kwargs)
        roster_recount(event_id=delegate.event_id)
        return delegate


class ExemplarFactory(factory.Factory):
    """An exemplar saved through the service (so its search text is set as the portal sets it)."""

    class Meta:
        model = Exemplar

    class Params:
        published = False
        individual = factory.LazyAttribute(lambda e: e.kind == "individual")

    unit = factory.SubFactory(UnitFactory)
    kind = "individual"
    name = "Hoàng Thị Hoa"
    gender = factory.LazyAttribute(lambda e: "female" if e.individual else "")
    ethnic_group = factory.LazyAttribute(lambda e: "Tày" if e.individual else "")
    birth_year = factory.LazyAttribute(lambda e: 1986 if e.individual else None)
    representative = factory.LazyAttribute(lambda e: "" if e.individual else "Nông Văn Thành")
    field = "Nông nghiệp, nông thôn"
    achievements = "Thành tích tiêu biểu."
    story = factory.LazyAttribute(lambda e: "Câu chuyện ngắn." if e.published else "")
    publication = factory.LazyAttribute(lambda e: "approved" if e.published else "draft")

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return exemplar_save(exemplar=model_class(*args, **kwargs), movements=[], by=None)


class DocumentProfileFactory(DjangoModelFactory):
    """A body's document profile as its officers save it: "ỦY BAN NHÂN DÂN / THỊ TRẤN CHỢ RÃ"."""

    class Meta:
        model = DocumentProfile

    unit = factory.SubFactory(UnitFactory)
    name_line1 = "ỦY BAN NHÂN DÂN"
    name_line2 = factory.LazyAttribute(lambda p: p.unit.name.upper())
    symbol = "UBND"
    place = factory.LazyAttribute(lambda p: p.unit.name.split(" ", 2)[-1])


class DocumentSignerFactory(DjangoModelFactory):
    class Meta:
        model = DocumentSigner

    profile = factory.SubFactory(DocumentProfileFactory)
    purpose = DocumentSigner.Purpose.EVENT
    authority = "TM."
    on_behalf_of = "BAN TỔ CHỨC"
    title = "TRƯỞNG BAN"
    full_name = "Hoàng Văn Chinh"
    recipients = "Như trên;\nLưu: VT, BTC."


class GeneratedReportFactory(DjangoModelFactory):
    """A document job that has finished (its file name only: nothing is rendered)."""

    class Meta:
        model = GeneratedReport

    event = factory.SubFactory(EventFactory)
    kind = "agenda"
    title = factory.LazyAttribute(lambda r: f"Chương trình: {r.event.name}")
    status = GeneratedReport.Status.DONE
    progress = 100
    file = factory.Sequence(lambda n: f"reports/test-{n:04d}.pdf")
    idempotency_key = factory.Sequence(lambda n: f"test-report-{n:06d}")
    finished_at = factory.LazyFunction(lambda: datetime.datetime.now(datetime.UTC))
