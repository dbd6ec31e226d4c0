"""Who may reach every URL of the portal: one entry per named URL pattern.

`tests/test_permission_matrix.py` walks the project's URL patterns and fails on
any pattern without an entry here (and on entries whose URL is gone). To add a
URL, add ONE line, e.g.

    "delegates:roster": Rule(get=LOGGED_IN, post=WRITERS, kwargs=event_pk, scoped=True),

- `get`: roles that GET the page (status `get_status`) for an object of their own scope;
  every other logged-in role must get 403/404/405, anonymous users the login page.
- `post`: roles that may change something through it; any other role's POST must be
  refused (403/404/405) or change nothing at all (no row, no audit entry); leadership's
  POST to a URL that others may change must be 403.
- `kwargs(world, unit)`: the URL's kwargs for an object belonging to `unit` (objects are
  made by `World` in tests/test_permission_matrix.py; add a maker there for a new kind);
  `query(world, unit)`: its query string, when it needs one.
- `scoped=True`: the object belongs to a unit, so each officer role also requests the
  objects of units outside its scope, and must get 404 for GET and POST (405 for a method
  the URL takes from nobody, refused before any lookup).
- `public=True`: reachable without logging in; only the URLs in PUBLIC_URLS of the test may be.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

ANONYMOUS = "anonymous"
COMMUNE = "commune officer"
OTHER_DISTRICT = "other district officer"
DEPARTMENT = "department officer"
LEADERSHIP = "leadership"
STAFF = "Sở Nội vụ"

ROLES = (ANONYMOUS, COMMUNE, OTHER_DISTRICT, DEPARTMENT, LEADERSHIP, STAFF)
NOBODY: frozenset[str] = frozenset()
EVERYONE = frozenset(ROLES)
LOGGED_IN = EVERYONE - {ANONYMOUS}
OFFICERS = frozenset({COMMUNE, OTHER_DISTRICT, DEPARTMENT})
WRITERS = OFFICERS | {STAFF}
PROVINCE_READERS = frozenset({STAFF, LEADERSHIP})
STAFF_ONLY = frozenset({STAFF})

Kwargs = Callable[[Any, Any], dict]


@dataclass(frozen=True)
class Rule:
    get: frozenset[str]
    post: frozenset[str] = NOBODY
    kwargs: Kwargs | None = None
    scoped: bool = False
    public: bool = False
    get_status: int = 200
    query: Kwargs | None = None  # (world, unit) -> query-string dict, for URLs that need one


# kwargs builders: (world, unit) -> URL kwargs. `world` is tests.test_permission_matrix.World.
def unit_pk(w, unit):
    return {"pk": unit.pk}


def profile_unit_pk(w, unit):
    w.document_profile(unit)
    return {"pk": unit.pk}


def campaign_pk(w, unit):
    return {"pk": w.campaign.pk}


def tier_pks(w, unit):
    return {"pk": w.campaign.pk, "tier_pk": w.tier.pk}


def movement_pks(w, unit):
    return {"pk": w.campaign.pk, "movement_pk": w.movement.pk}


def event_history(w, unit):
    return {"app_label": "congresses", "model_name": "event", "pk": w.event(unit).pk}


def reorganisation_pk(w, unit):
    return {"pk": w.reorganisation().pk}


def unit_pk_as_unit_pk(w, unit):
    return {"unit_pk": unit.pk}


def plan_submit_kwargs(w, unit):
    return {"unit_pk": unit.pk, "kind": "plan"}


def plan_pk(w, unit):
    return {"pk": w.plan(unit).pk}


def plan_version_pk(w, unit):
    return {"pk": w.plan_version(unit).pk}


def report_pk(w, unit):
    return {"pk": w.report(unit).pk}


def event_pk(w, unit):
    return {"pk": w.event(unit).pk}


def exemplar_pk(w, unit):
    return {"pk": w.exemplar(unit).pk}


def published_exemplar_pk(w, unit):
    return {"pk": w.exemplar(unit, published=True).pk}


def award_type_pk(w, unit):
    return {"pk": w.award_type.pk}


def base_salary_pk(w, unit):
    from honors.models import BaseSalary  # the migration's rates (NĐ 38/2019, 24/2023, 73/2024)

    return {"pk": BaseSalary.objects.order_by("pk").first().pk}


def award_received_pks(w, unit):
    return {"pk": w.exemplar(unit).pk, "award_pk": w.award_received(unit).pk}


def nomination_pk(w, unit):
    return {"pk": w.nomination(unit).pk}


def presenter_pks(w, unit):
    return {"pk": w.event(unit).pk, "presenter_pk": w.presenter(unit).pk}


def decision_number(w, unit):
    return {"so": w.honour(unit).decision.number}


def event_pk_as_event_pk(w, unit):
    return {"event_pk": w.event(unit).pk}


def held_event_pk(w, unit):
    return {"event_pk": w.held_event(unit).pk}


def delegate_pks(w, unit):
    return {"event_pk": w.event(unit).pk, "pk": w.delegate(unit).pk}


def invitation_token(w, unit):
    from attendance import selectors, services

    delegate = w.delegate(unit)
    services.invitations_ensure(event=delegate.event)
    return {"token": selectors.invitation_token(delegate.invitation)}


def invitation_pks(w, unit):
    delegate = w.delegate(unit)
    return {"event_pk": delegate.event_id, "delegate_pk": delegate.pk}


def replacement_pks(w, unit):
    from attendance.models import Replacement

    delegate = w.delegate(unit)
    replacement = w._once(("replacement", unit.pk), lambda: Replacement.objects.create(
        event=delegate.event, original=delegate, original_name=delegate.full_name, category=delegate.category,
        full_name="Lò Thị Mai", gender="female", birth_year=1990, ethnic_group="Tày",
    ))  # fmt: skip
    return {"event_pk": delegate.event_id, "pk": replacement.pk}


def reception_grant_pks(w, unit):
    from attendance.models import ReceptionGrant
    from tests.factories import UserFactory

    event = w.event(unit)
    grant = w._once(("reception", unit.pk), lambda: ReceptionGrant.objects.create(
        event=event, user=UserFactory(unit=unit)))  # fmt: skip
    return {"event_pk": event.pk, "pk": grant.pk}


def roster_import_kwargs(w, unit):
    staged = w.roster_import(unit)
    return {"event_pk": staged.event_id, "token": staged.token}


def delegation_kwargs(w, unit):
    w.quota(unit)
    return {"event_pk": w.event(unit).pk}


def quota_unit_pk(w, unit):
    for child in unit.children.all()[:1]:
        w.quota(child)
    return {"unit_pk": unit.pk}


def result_attachment_pk(w, unit):
    return {"pk": w.result_attachment(unit).pk}


def budget_line_pk(w, unit):
    return {"pk": w.budget_line.pk}


RULES: dict[str, Rule] = {
    # Public
    "login": Rule(get=EVERYONE, post=EVERYONE, public=True),
    "logout": Rule(get=NOBODY, post=EVERYONE, public=True),
    "set_language": Rule(get=EVERYONE, post=EVERYONE, public=True, get_status=302),
    # units
    "home": Rule(get=LOGGED_IN),
    # The user guides are the same for everyone signed in (no data of any unit).
    "guide_index": Rule(get=LOGGED_IN),
    "guide": Rule(get=LOGGED_IN, kwargs=lambda w, unit: {"key": "can-bo-don-vi"}),
    "guide_pdf": Rule(get=LOGGED_IN, kwargs=lambda w, unit: {"key": "to-don-tiep"}),
    "units:list": Rule(get=LOGGED_IN),
    "units:detail": Rule(get=LOGGED_IN, kwargs=unit_pk, scoped=True),
    "units:edit": Rule(get=PROVINCE_READERS, post=STAFF_ONLY, kwargs=unit_pk, scoped=True),
    # A body's document profile: its writers edit it, Sở Nội vụ checks it (a profile must exist).
    "units:document_profile": Rule(get=LOGGED_IN, post=WRITERS, kwargs=unit_pk, scoped=True),
    "units:document_profile_check": Rule(get=NOBODY, post=STAFF_ONLY, kwargs=profile_unit_pk, scoped=True),
    # congresses: the campaign's rules are Sở Nội vụ's (leadership reads them)
    "congresses:campaign_list": Rule(get=PROVINCE_READERS),
    "congresses:campaign_detail": Rule(get=PROVINCE_READERS, kwargs=campaign_pk),
    "congresses:campaign_edit": Rule(get=PROVINCE_READERS, post=STAFF_ONLY, kwargs=campaign_pk),
    "congresses:campaign_copy": Rule(get=PROVINCE_READERS, post=STAFF_ONLY, kwargs=campaign_pk),
    "congresses:campaign_activate": Rule(get=NOBODY, post=STAFF_ONLY, kwargs=campaign_pk),
    "congresses:tier_edit": Rule(get=PROVINCE_READERS, post=STAFF_ONLY, kwargs=tier_pks),
    "congresses:movement_add": Rule(get=PROVINCE_READERS, post=STAFF_ONLY, kwargs=campaign_pk),
    "congresses:movement_edit": Rule(get=PROVINCE_READERS, post=STAFF_ONLY, kwargs=movement_pks),
    # congresses: plans (files downloaded only through these views) and events
    "congresses:plan_list": Rule(get=LOGGED_IN),
    "congresses:unit_plans": Rule(get=LOGGED_IN, kwargs=unit_pk_as_unit_pk, scoped=True),
    "congresses:plan_submit": Rule(get=NOBODY, post=WRITERS, kwargs=plan_submit_kwargs, scoped=True),
    "congresses:plan_review": Rule(get=NOBODY, post=STAFF_ONLY, kwargs=plan_pk, scoped=True),
    "congresses:plan_download": Rule(get=LOGGED_IN, kwargs=plan_pk, scoped=True),
    "congresses:plan_version_download": Rule(get=LOGGED_IN, kwargs=plan_version_pk, scoped=True),
    "congresses:event_list": Rule(get=LOGGED_IN),
    "congresses:event_register": Rule(get=WRITERS, post=WRITERS, kwargs=unit_pk_as_unit_pk, scoped=True),
    "congresses:event_detail": Rule(get=LOGGED_IN, kwargs=event_pk, scoped=True),
    "congresses:event_edit": Rule(get=WRITERS, post=WRITERS, kwargs=event_pk, scoped=True),
    "congresses:event_status": Rule(get=NOBODY, post=WRITERS, kwargs=event_pk, scoped=True),
    # honors
    "honors:public_list": Rule(get=EVERYONE, public=True),
    "honors:public_detail": Rule(get=EVERYONE, public=True, kwargs=published_exemplar_pk),
    "honors:award_type_list": Rule(get=PROVINCE_READERS),
    "honors:award_type_add": Rule(get=PROVINCE_READERS, post=STAFF_ONLY),
    "honors:award_type_edit": Rule(get=PROVINCE_READERS, post=STAFF_ONLY, kwargs=award_type_pk),
    "honors:base_salary_list": Rule(get=PROVINCE_READERS),
    "honors:base_salary_add": Rule(get=NOBODY, post=STAFF_ONLY),
    "honors:base_salary_edit": Rule(get=PROVINCE_READERS, post=STAFF_ONLY, kwargs=base_salary_pk),
    "honors:province_budget": Rule(get=PROVINCE_READERS),
    "honors:event_budget": Rule(get=LOGGED_IN, kwargs=event_pk, scoped=True),
    "honors:exemplar_list": Rule(get=LOGGED_IN),
    "honors:exemplar_create": Rule(get=WRITERS, post=WRITERS),
    "honors:exemplar_detail": Rule(get=LOGGED_IN, kwargs=exemplar_pk, scoped=True),
    "honors:exemplar_edit": Rule(get=WRITERS, post=WRITERS, kwargs=exemplar_pk, scoped=True),
    "honors:exemplar_photo": Rule(get=LOGGED_IN, kwargs=exemplar_pk, scoped=True),  # unpublished: private
    "honors:award_received_add": Rule(get=NOBODY, post=WRITERS, kwargs=exemplar_pk, scoped=True),
    "honors:award_received_delete": Rule(get=NOBODY, post=WRITERS, kwargs=award_received_pks, scoped=True),
    "honors:nomination_create": Rule(get=WRITERS, post=WRITERS, kwargs=exemplar_pk, scoped=True),
    "honors:nomination_list": Rule(get=LOGGED_IN),
    "honors:register_list": Rule(get=LOGGED_IN),
    # Publishing on /dien-hinh/: any writer in scope may POST; who may request, approve (the level
    # above the unit) or withdraw is rules.may_*_publication, refused with a message, changing nothing.
    "honors:exemplar_publication_request": Rule(get=NOBODY, post=WRITERS, kwargs=exemplar_pk, scoped=True),
    "honors:exemplar_publication_decide": Rule(get=NOBODY, post=WRITERS, kwargs=exemplar_pk, scoped=True),
    "honors:exemplar_publication_withdraw": Rule(get=NOBODY, post=WRITERS, kwargs=exemplar_pk, scoped=True),
    "honors:publication_requests": Rule(get=LOGGED_IN),
    # Reviewed by the district for its communes, by Sở Nội vụ for the others (staff's home is a
    # department); a unit never reviews its own nomination.
    "honors:nomination_review": Rule(get=STAFF_ONLY, post=STAFF_ONLY, kwargs=nomination_pk, scoped=True),
    "honors:event_list": Rule(get=LOGGED_IN),
    "honors:event_detail": Rule(get=LOGGED_IN, kwargs=event_pk, scoped=True),
    "honors:decision_export": Rule(get=LOGGED_IN, kwargs=event_pk, query=decision_number, scoped=True),
    "honors:presenter_add": Rule(get=NOBODY, post=WRITERS, kwargs=event_pk, scoped=True),
    "honors:presenter_remove": Rule(get=NOBODY, post=WRITERS, kwargs=presenter_pks, scoped=True),
    # reports: documents rendered by Celery, downloaded through a scope-checked view
    "reports:documents_home": Rule(get=LOGGED_IN),
    "reports:event_documents": Rule(get=LOGGED_IN, kwargs=event_pk, scoped=True),
    "reports:event_report_start": Rule(get=NOBODY, post=WRITERS, kwargs=event_pk, scoped=True),
    "reports:agenda": Rule(get=LOGGED_IN, kwargs=event_pk, scoped=True),
    "reports:agenda_generate": Rule(get=NOBODY, post=WRITERS, kwargs=event_pk, scoped=True),
    "reports:agenda_item_add": Rule(get=NOBODY, post=WRITERS, kwargs=event_pk, scoped=True),
    "reports:agenda_save": Rule(get=NOBODY, post=WRITERS, kwargs=event_pk, scoped=True),
    "reports:status": Rule(get=LOGGED_IN, kwargs=report_pk, scoped=True),
    "reports:download": Rule(get=LOGGED_IN, kwargs=report_pk, scoped=True),
    "reports:retry": Rule(get=NOBODY, post=WRITERS, kwargs=report_pk, scoped=True),
    "reports:sign": Rule(get=NOBODY, post=WRITERS, kwargs=report_pk, scoped=True),
    "reports:supersede": Rule(get=NOBODY, post=WRITERS, kwargs=report_pk, scoped=True),
    "reports:signing_keys": Rule(get=PROVINCE_READERS, post=STAFF_ONLY),
    "reports:province": Rule(get=PROVINCE_READERS),
    "reports:province_start": Rule(get=NOBODY, post=STAFF_ONLY),
    # delegates: an event's roster, read in scope, changed by its unit's writers
    "delegates:roster": Rule(get=LOGGED_IN, post=WRITERS, kwargs=event_pk_as_event_pk, scoped=True),
    "delegates:add": Rule(get=WRITERS, post=WRITERS, kwargs=event_pk_as_event_pk, scoped=True),
    "delegates:edit": Rule(get=WRITERS, post=WRITERS, kwargs=delegate_pks, scoped=True),
    "delegates:delete": Rule(get=NOBODY, post=WRITERS, kwargs=delegate_pks, scoped=True),
    "delegates:finalise": Rule(get=NOBODY, post=WRITERS, kwargs=event_pk_as_event_pk, scoped=True),
    "delegates:reopen": Rule(get=NOBODY, post=WRITERS, kwargs=event_pk_as_event_pk, scoped=True),
    # Only where the tier lets a unit (department) or Sở Nội vụ (province) set its own number:
    # the commune and district tiers keep the plan's cap, so their officers get 403.
    "delegates:set_cap": Rule(
        get=NOBODY, post=frozenset({DEPARTMENT, STAFF}), kwargs=event_pk_as_event_pk, scoped=True
    ),
    "delegates:template": Rule(get=LOGGED_IN, kwargs=event_pk_as_event_pk, scoped=True),
    "delegates:export": Rule(get=LOGGED_IN, kwargs=event_pk_as_event_pk, scoped=True),
    "delegates:import": Rule(get=WRITERS, post=WRITERS, kwargs=event_pk_as_event_pk, scoped=True),
    # A staged import is its maker's only (leadership makes none).
    "delegates:import_preview": Rule(get=WRITERS, kwargs=roster_import_kwargs, scoped=True),
    "delegates:import_confirm": Rule(get=NOBODY, post=WRITERS, kwargs=roster_import_kwargs, scoped=True),
    "delegates:import_discard": Rule(get=NOBODY, post=WRITERS, kwargs=roster_import_kwargs, scoped=True),
    "delegates:candidates_add": Rule(get=NOBODY, post=WRITERS, kwargs=event_pk_as_event_pk, scoped=True),
    "delegates:delegation": Rule(get=LOGGED_IN, post=WRITERS, kwargs=delegation_kwargs, scoped=True),
    "delegates:delegation_withdraw": Rule(get=NOBODY, post=WRITERS, kwargs=delegation_kwargs, scoped=True),
    "delegates:quotas": Rule(get=LOGGED_IN, post=WRITERS, kwargs=quota_unit_pk, scoped=True),
    # attendance: the congress day. The answer page needs no account (the signed code is the key);
    # the world's events are past, so their links have stopped (404, nothing recorded); the page
    # itself is tested in tests/attendance. The door: the unit's writers (and named accounts).
    "attendance:answer": Rule(
        get=EVERYONE, post=NOBODY, kwargs=invitation_token, public=True, get_status=404
    ),
    "attendance:manage": Rule(get=LOGGED_IN, kwargs=event_pk_as_event_pk, scoped=True),
    "attendance:day_save": Rule(get=NOBODY, post=WRITERS, kwargs=event_pk_as_event_pk, scoped=True),
    "attendance:send": Rule(get=NOBODY, post=WRITERS, kwargs=event_pk_as_event_pk, scoped=True),
    "attendance:revoke": Rule(get=NOBODY, post=WRITERS, kwargs=invitation_pks, scoped=True),
    "attendance:replacement": Rule(get=NOBODY, post=WRITERS, kwargs=replacement_pks, scoped=True),
    "attendance:grant": Rule(get=NOBODY, post=WRITERS, kwargs=event_pk_as_event_pk, scoped=True),
    "attendance:ungrant": Rule(get=NOBODY, post=WRITERS, kwargs=reception_grant_pks, scoped=True),
    "attendance:hall": Rule(get=NOBODY, post=WRITERS, kwargs=event_pk_as_event_pk, scoped=True),
    "attendance:seats_assign": Rule(get=NOBODY, post=WRITERS, kwargs=event_pk_as_event_pk, scoped=True),
    "attendance:seat_set": Rule(get=NOBODY, post=WRITERS, kwargs=event_pk_as_event_pk, scoped=True),
    "attendance:door": Rule(get=WRITERS, kwargs=event_pk_as_event_pk, scoped=True),
    "attendance:door_roster": Rule(get=WRITERS, kwargs=event_pk_as_event_pk, scoped=True),
    "attendance:door_checkins": Rule(get=NOBODY, post=WRITERS, kwargs=event_pk_as_event_pk, scoped=True),
    "attendance:door_sw": Rule(get=WRITERS, kwargs=event_pk_as_event_pk, scoped=True),
    "attendance:presidium": Rule(get=LOGGED_IN, kwargs=event_pk_as_event_pk, scoped=True),
    "attendance:presidium_data": Rule(get=LOGGED_IN, kwargs=event_pk_as_event_pk, scoped=True),
    # oversight: Sở Nội vụ's province-wide pages (leadership reads); results reported by each unit
    "oversight:dashboard": Rule(get=PROVINCE_READERS),
    "oversight:reorganisations": Rule(get=PROVINCE_READERS),
    "oversight:reorganisation_load": Rule(get=NOBODY, post=STAFF_ONLY),
    "oversight:reorganisation_new": Rule(get=STAFF_ONLY, post=STAFF_ONLY),
    "oversight:reorganisation": Rule(get=PROVINCE_READERS, kwargs=reorganisation_pk),
    "oversight:reorganisation_apply": Rule(get=NOBODY, post=STAFF_ONLY, kwargs=reorganisation_pk),
    "oversight:reorganisation_undo": Rule(get=NOBODY, post=STAFF_ONLY, kwargs=reorganisation_pk),
    "oversight:compliance": Rule(get=PROVINCE_READERS),
    "oversight:results": Rule(get=LOGGED_IN),
    "oversight:unreported": Rule(get=PROVINCE_READERS),
    "oversight:result_report": Rule(get=LOGGED_IN, post=WRITERS, kwargs=held_event_pk, scoped=True),
    "oversight:attachment_add": Rule(get=NOBODY, post=WRITERS, kwargs=held_event_pk, scoped=True),
    "oversight:attachment_download": Rule(get=LOGGED_IN, kwargs=result_attachment_pk, scoped=True),
    "oversight:attachment_delete": Rule(get=NOBODY, post=WRITERS, kwargs=result_attachment_pk, scoped=True),
    "oversight:pilots": Rule(get=PROVINCE_READERS),
    "oversight:pilot_lesson_save": Rule(get=NOBODY, post=STAFF_ONLY, kwargs=held_event_pk, scoped=True),
    "oversight:lessons": Rule(get=LOGGED_IN),
    "oversight:reminders": Rule(get=PROVINCE_READERS),
    "oversight:summary_narrative": Rule(get=PROVINCE_READERS, post=STAFF_ONLY),
    "oversight:summary_narrative_restore": Rule(get=NOBODY, post=STAFF_ONLY),
    "oversight:budget": Rule(get=PROVINCE_READERS),
    "oversight:budget_add": Rule(get=PROVINCE_READERS, post=STAFF_ONLY),
    "oversight:budget_edit": Rule(get=PROVINCE_READERS, post=STAFF_ONLY, kwargs=budget_line_pk),
    "oversight:budget_delete": Rule(get=NOBODY, post=STAFF_ONLY, kwargs=budget_line_pk),
    # audit
    "audit:log": Rule(get=LOGGED_IN),
    "audit:object_history": Rule(get=LOGGED_IN, kwargs=event_history, scoped=True),
}

# Whole namespaces under one rule. Django admin: only accounts with is_staff get in.
NAMESPACE_RULES = {"admin": "django-admin"}
