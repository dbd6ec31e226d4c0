"""The permission matrix: every URL of the project, requested as every role.

Rules live in tests/permission_rules.py. A URL without a rule fails
`test_every_url_pattern_has_a_rule`, naming the URL.
"""

import datetime
import io
from urllib.parse import urlencode

import pytest
from auditlog.models import LogEntry
from django.apps import apps
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.permission_rules import (
    ANONYMOUS,
    COMMUNE,
    DEPARTMENT,
    LEADERSHIP,
    NAMESPACE_RULES,
    OTHER_DISTRICT,
    ROLES,
    RULES,
    STAFF,
    Rule,
)

DENIED = {403, 404, 405}
# Rows that a refused request may legitimately write: sessions, login-attempt counters.
NOT_DATA = {"sessions", "axes"}


def url_patterns(resolver=None, namespace="", prefix=""):
    """(full name or None, route) of every pattern, walking includes recursively."""
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from url_patterns(pattern, inner, route)
        elif isinstance(pattern, URLPattern):
            yield (f"{namespace}{pattern.name}" if pattern.name else None, namespace, route)


def rule_for(name: str | None, namespace: str) -> Rule | str | None:
    ns = namespace.split(":", 1)[0]
    if ns in NAMESPACE_RULES:
        return NAMESPACE_RULES[ns]
    return RULES.get(name) if name else None


def test_every_url_pattern_has_a_rule():
    missing = [
        f"{name or '(unnamed)'}  ->  /{route}"
        for name, namespace, route in url_patterns()
        if rule_for(name, namespace) is None
    ]
    assert not missing, (
        "These URLs have no rule in tests/permission_rules.py (add one line to RULES each):\n  "
        + "\n  ".join(missing)
    )


# What anonymous users may reach. Widening it is a decision for the issue, not for a rule.
PUBLIC_URLS = {"login", "logout", "set_language", "honors:public_list", "honors:public_detail"}


def test_only_the_login_language_and_public_exemplar_pages_are_public():
    public = {name for name, rule in RULES.items() if rule.public}
    assert public <= PUBLIC_URLS, f"Rules making these URLs public: {sorted(public - PUBLIC_URLS)}"


def test_every_rule_names_an_existing_url():
    names = {name for name, _, _ in url_patterns() if name}
    stale = sorted(set(RULES) - names)
    assert not stale, f"Rules for URLs that no longer exist: {stale}"


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

    def agenda_item(self, unit):
        from congresses.models import AgendaItem

        def make():
            event = self.event(unit)
            AgendaItem.objects.create(event=event, order=2, title="Báo cáo thành tích")
            return AgendaItem.objects.create(event=event, order=1, title="Khai mạc")

        return self._once(("agenda_item", unit.pk), make)

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

    def client(self, role):
        client = Client()
        if self.users[role] is not None:
            client.force_login(self.users[role])
        return client


@pytest.fixture
def world(units, campaign, admin, leadership, unit_manager, other_unit_manager, department_officer):
    users = {
        ANONYMOUS: None,
        COMMUNE: unit_manager,
        OTHER_DISTRICT: other_unit_manager,
        DEPARTMENT: department_officer,
        LEADERSHIP: leadership,
        STAFF: admin,
    }
    return World(units=units, campaign=campaign, users=users)


def data_fingerprint():
    """Row counts of every table plus the audit log: any create, change or delete moves it."""
    counts = tuple(
        model._default_manager.count() for model in apps.get_models() if model._meta.app_label not in NOT_DATA
    )
    return counts, LogEntry.objects.count()


def to_login(response) -> bool:
    return response.status_code == 302 and response["Location"].startswith(reverse("login"))


def url(name, rule, world, unit):
    path = reverse(name, kwargs=rule.kwargs(world, unit) if rule.kwargs else None)
    return f"{path}?{urlencode(rule.query(world, unit))}" if rule.query else path


def check_rule(name: str, rule: Rule, world: World) -> list[str]:
    failures = []

    def fail(role, method, target, response, expected):
        failures.append(f"{name} as {role}: {method} {target} -> {response.status_code}, expected {expected}")

    # Refusals first, allowed changes last (they may change data).
    for role in ROLES:
        home, foreign = world.scopes[role]
        client = world.client(role)
        target = url(name, rule, world, home)

        response = client.get(target)
        if role in rule.get:
            if response.status_code != rule.get_status:
                fail(role, "GET", target, response, rule.get_status)
        elif role == ANONYMOUS and not rule.public:
            if not (to_login(response) or response.status_code in DENIED):
                fail(role, "GET", target, response, "the login page")
        elif response.status_code not in DENIED:
            fail(role, "GET", target, response, "403/404/405")

        if role not in rule.post:
            before = data_fingerprint()
            response = client.post(target, {})
            changed = data_fingerprint() != before
            if role == ANONYMOUS and not rule.public:
                ok = (to_login(response) or response.status_code in DENIED) and not changed
                expected = "the login page, nothing changed"
            elif role == LEADERSHIP and rule.post:
                ok, expected = response.status_code == 403, "403 (read-only)"
            else:
                ok = response.status_code in DENIED or (response.status_code == 200 and not changed)
                expected = "403/404/405, or 200 changing nothing"
            if not ok or changed:
                fail(role, "POST", target, response, expected + (" (DATA CHANGED)" if changed else ""))

        if rule.scoped:
            for outside in foreign:
                target = url(name, rule, world, outside)
                for method in ("GET", "POST"):
                    response = client.get(target) if method == "GET" else client.post(target, {})
                    # A method the URL takes from nobody is refused (405) before any lookup: reveals nothing.
                    nobody = not rule.get if method == "GET" else not rule.post
                    allowed = {404, 405} if nobody else {404}
                    if response.status_code not in allowed:
                        fail(role, method, f"{target} (outside scope: {outside.name})", response, 404)

    for role in sorted(rule.post, key=ROLES.index):
        home, _ = world.scopes[role]
        target = url(name, rule, world, home)
        response = world.client(role).post(target, {})
        if response.status_code in (403, 404):
            fail(role, "POST", target, response, "to be allowed")
    return failures


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(RULES))
def test_url_obeys_its_rule(name, world):
    if name not in {n for n, _, _ in url_patterns()}:
        pytest.fail(f"{name}: no such URL (see test_every_rule_names_an_existing_url)")
    failures = check_rule(name, RULES[name], world)
    assert not failures, "\n".join(failures)


ADMIN_URLS = [
    ("admin:index", {}),
    ("admin:app_list", {"app_label": "units"}),
    ("admin:units_unit_changelist", {}),
    ("admin:units_unit_add", {}),
]


@pytest.mark.django_db
def test_django_admin_is_only_for_accounts_with_is_staff(world, units):
    from units.models import User

    failures = []
    chora_change = ("admin:units_unit_change", {"object_id": units["chora"].pk})
    for role in ROLES:
        client = world.client(role)
        for name, kwargs in [*ADMIN_URLS, chora_change]:
            target = reverse(name, kwargs=kwargs)
            before = data_fingerprint()
            for response in (client.get(target), client.post(target, {"name": "Đổi tên"})):
                if not (response.status_code == 302 and "/admin/login/" in response["Location"]):
                    failures.append(f"{name} as {role}: {response.status_code}, expected the admin login")
            if data_fingerprint() != before:
                failures.append(f"{name} as {role}: POST changed data")
    superuser = User.objects.create_superuser("quantri", password="x", role=User.Role.STAFF)
    client = Client()
    client.force_login(superuser)
    for name, kwargs in [*ADMIN_URLS, chora_change]:
        if (status := client.get(reverse(name, kwargs=kwargs)).status_code) != 200:
            failures.append(f"{name} as superuser: {status}, expected 200")
    assert not failures, "\n".join(failures)
