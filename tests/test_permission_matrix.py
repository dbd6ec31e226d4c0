"""The permission matrix: every URL of the project, requested as every role.

Rules live in tests/permission_rules.py. A URL without a rule fails
`test_every_url_pattern_has_a_rule`, naming the URL.
"""

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
from tests.permission_world import World

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
PUBLIC_URLS = {
    "login",
    "logout",
    "set_language",
    "honors:public_list",
    "honors:public_detail",
    "attendance:answer",
}


def test_only_the_login_language_and_public_exemplar_pages_are_public():
    public = {name for name, rule in RULES.items() if rule.public}
    assert public <= PUBLIC_URLS, f"Rules making these URLs public: {sorted(public - PUBLIC_URLS)}"


def test_every_rule_names_an_existing_url():
    names = {name for name, _, _ in url_patterns() if name}
    stale = sorted(set(RULES) - names)
    assert not stale, f"Rules for URLs that no longer exist: {stale}"


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
