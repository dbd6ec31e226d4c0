"""The world the permission matrix is requested in: a user of each role and, built once each,
the objects its URLs are made from (tests/test_permission_matrix.py)."""

import datetime
import io

from django.test import Client

from tests.permission_rules import ANONYMOUS, COMMUNE, DEPARTMENT, LEADERSHIP, OTHER_DISTRICT, STAFF


class World:
    """The users of each role and the objects URLs are built from."""

    def __init__(self, *, units, campaign, users):
        from honors.models import AwardType
        from honors.services import award_types_load_from_file

        self.units = units
        self.campaign = campaign
        self.tier = campaign.tiers.order_by("order").first()
        self.movement = campaign.movements.order_by("order").first()
        award_types_load_from_file()
        self.award_type = AwardType.objects.order_by("level", "pk").first()
        self.users = users
        self._made = {}
        # (home unit, units outside the role's scope)
        self.scopes = {
            ANONYMOUS: (units["chora"], []),
            COMMUNE: (units["chora"], [units["babe"], units["nari_commune"]]),
            OTHER_DISTRICT: (units["nari"], [units["chora"], units["babe"]]),
            DEPARTMENT: (units["health"], [units["education"], units["province"]]),
            LEADERSHIP: (units["chora"], []),
            STAFF: (units["education"], []),  # a department: Sở Nội vụ reviews its nominations
        }

    # Objects of a unit, made once each. Add a method here for a new kind of object.
    def _once(self, key, make):
        if key not in self._made:
            self._made[key] = make()
        return self._made[key]

    def event(self, unit):
        from congresses.domain import tier_for_kind
        from congresses.models import Event
        from congresses.selectors import campaign_tiers

        def make():
            tier = tier_for_kind(campaign_tiers(campaign=self.campaign), unit.kind)
            return Event.objects.create(
                campaign=self.campaign, unit=unit, tier=tier, name=f"{tier.event_name} {unit.name}",
                ordinal="I", venue="Hội trường", date=tier.window_start, session=Event.Session.MORNING,
            )  # fmt: skip

        return self._once(("event", unit.pk), make)

    def reorganisation(self):
        from tests.factories import ReorganisationItemFactory

        return self._once("reorganisation", lambda: ReorganisationItemFactory().reorganisation)

    def report(self, unit):
        from django.core.files.base import ContentFile

        from reports.models import GeneratedReport

        def make():
            report = GeneratedReport(
                kind="agenda", event=self.event(unit), title="Chương trình hội nghị", status="done",
                progress=100, idempotency_key=f"matrix-{unit.pk}",
            )  # fmt: skip
            report.file.save("chuong-trinh.pdf", ContentFile(b"%PDF-1.4 chuong trinh\n%%EOF"), save=False)
            report.save()
            return report

        return self._once(("report", unit.pk), make)

    def plan(self, unit):
        from django.core.files.base import ContentFile
        from django.utils import timezone

        from congresses.models import UnitPlan

        def make():
            plan = UnitPlan(
                campaign=self.campaign, unit=unit, kind=UnitPlan.Kind.PLAN, original_name="ke-hoach.pdf",
                file_type="pdf", size=20, first_submitted_at=timezone.now(), submitted_at=timezone.now(),
            )  # fmt: skip
            plan.file.save("ke-hoach.pdf", ContentFile(b"%PDF-1.4 ke hoach\n%%EOF"), save=False)
            plan.save()
            return plan

        return self._once(("plan", unit.pk), make)

    def plan_version(self, unit):
        from django.core.files.base import ContentFile
        from django.utils import timezone

        from congresses.models import UnitPlan, UnitPlanVersion

        def make():
            plan = self.plan(unit)
            # As plan_submit does: an earlier version keeps its own stored file.
            name = plan.file.storage.save(
                f"plans/{plan.campaign_id}/{unit.pk}/ban-cu.pdf", ContentFile(b"%PDF-1.4 ban cu\n%%EOF")
            )
            return UnitPlanVersion.objects.create(
                plan=plan, version=1, file=name, original_name="ke-hoach-cu.pdf", file_type="pdf", size=20,
                submitted_at=timezone.now(), status=UnitPlan.Status.RETURNED, review_comment="Bổ sung thời gian.",
            )  # fmt: skip

        return self._once(("plan_version", unit.pk), make)

    def exemplar(self, unit, *, published=False):
        from PIL import Image

        from honors.models import Exemplar
        from honors.services import exemplar_save

        def make():
            photo = io.BytesIO()
            Image.new("RGB", (400, 300), (160, 30, 30)).save(photo, format="PNG")
            exemplar = Exemplar(
                unit=unit, kind="individual", name=f"Hoàng Thị Hoa {unit.pk}", gender="female",
                ethnic_group="Tày", field="Nông nghiệp, nông thôn", achievements="Thành tích tiêu biểu.",
                story="Câu chuyện." if published else "", birth_year=1986,
                publication="approved" if published else "draft",
            )  # fmt: skip
            return exemplar_save(exemplar=exemplar, movements=[], by=None, photo_data=photo.getvalue())

        return self._once(("exemplar", unit.pk, published), make)

    def award_received(self, unit):
        from honors.models import AwardReceived

        return self._once(("award_received", unit.pk), lambda: AwardReceived.objects.create(
            exemplar=self.exemplar(unit), award_type=self.award_type, decision_number="12/QĐ-UBND",
            decision_date=datetime.date(2024, 5, 1), issuing_authority="UBND tỉnh Bắc Kạn",
        ))  # fmt: skip

    def nomination(self, unit):
        from honors.models import Nomination

        return self._once(("nomination", unit.pk), lambda: Nomination.objects.create(
            exemplar=self.exemplar(unit), event=self.event(self.units["province"]),
            target=Nomination.Target.UPPER_LEVEL, proposed_award=self.award_type,
        ))  # fmt: skip

    def honour(self, unit):
        from honors.models import AwardDecision, Honour

        def make():
            decision = AwardDecision.objects.create(
                event=self.event(unit), authority=self.award_type.authorities[0], issuer="Chủ tịch UBND",
                number="15/QĐ-UBND", date=datetime.date(2025, 3, 20), place="Bắc Kạn", signer="Nguyễn Văn An",
            )  # fmt: skip
            return Honour.objects.create(
                event=self.event(unit),
                exemplar=self.exemplar(unit),
                award_type=self.award_type,
                decision=decision,
            )

        return self._once(("honour", unit.pk), make)

    def presenter(self, unit):
        from honors.models import Presenter

        return self._once(("presenter", unit.pk), lambda: Presenter.objects.create(
            event=self.event(unit), exemplar=self.exemplar(unit), order=1, topic="Kinh nghiệm phát triển kinh tế",
        ))  # fmt: skip

    def held_event(self, unit):
        """The unit's event, already held (results are reported only after that)."""
        from congresses.models import Event

        def make():
            event = self.event(unit)
            event.date = datetime.date.today() - datetime.timedelta(days=3)
            event.status = Event.Status.HELD
            event.save(update_fields=["date", "status"])
            return event

        return self._once(("held_event", unit.pk), make)

    def delegate(self, unit):
        from delegates.models import Delegate

        return self._once(("delegate", unit.pk), lambda: Delegate.objects.create(
            event=self.event(unit), category=Delegate.Category.GUEST, full_name="Nông Văn Bình", gender="male",
            birth_year=1980, ethnic_group="Tày", sort_key="binh nong van", search_text="nong van binh",
        ))  # fmt: skip

    def roster_import(self, unit):
        """A staged import, made by the officer whose home is `unit` (a token is its maker's only)."""
        from delegates.models import RosterImport

        def make():
            homes = {self.scopes[role][0].pk: role for role in (STAFF, DEPARTMENT, OTHER_DISTRICT, COMMUNE)}
            by = self.users[homes.get(unit.pk, STAFF)]
            return RosterImport.objects.create(
                event=self.event(unit), file_name="danh-sach.xlsx", rows=[], created_by=by
            )

        return self._once(("roster_import", unit.pk), make)

    def quota(self, unit):
        """The seats `unit` sends to its upper unit's congress (a top unit sends none)."""
        from delegates.models import DelegationQuota

        if unit.parent_id is None:
            return None
        return self._once(("quota", unit.pk), lambda: DelegationQuota.objects.create(
            campaign=self.campaign, upper_unit_id=unit.parent_id, unit=unit, seats=5,
        ))  # fmt: skip

    def result_report(self, unit):
        from oversight.models import ResultReport

        return self._once(("result_report", unit.pk), lambda: ResultReport.objects.create(
            event=self.held_event(unit), held_on=self.held_event(unit).date, achievements="Đạt kết quả tốt.",
        ))  # fmt: skip

    def result_attachment(self, unit):
        from django.core.files.base import ContentFile

        from oversight.models import ResultAttachment

        def make():
            attachment = ResultAttachment(
                report=self.result_report(unit), original_name="bien-ban.pdf", kind="pdf", size=24,
            )  # fmt: skip
            attachment.file.save("bien-ban.pdf", ContentFile(b"%PDF-1.4 bien ban\n%%EOF"), save=False)
            attachment.save()
            return attachment

        return self._once(("result_attachment", unit.pk), make)

    @property
    def budget_line(self):
        from oversight.models import BudgetLine

        return self._once("budget_line", lambda: BudgetLine.objects.create(
            campaign=self.campaign, category=BudgetLine.Category.PRINTING, description="In tài liệu đại hội",
            quantity=300, unit_price=20000,
        ))  # fmt: skip

    def document_profile(self, unit):
        from tests.factories import DocumentProfileFactory

        return self._once(("document_profile", unit.pk), lambda: DocumentProfileFactory(unit=unit))

    def client(self, role):
        client = Client()
        if self.users[role] is not None:
            client.force_login(self.users[role])
        return client
