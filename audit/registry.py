"""Which models are audited, and how each one finds the unit it belongs to.

django-auditlog keeps the entries (who, when, which object, each changed field
before -> after) in its own table, so no app's models or migrations change.
To audit a new model, add ONE line to AUDITED:

    "app_label.ModelName": Audited(unit_path="event__unit"),

`unit_path` is the lookup from the model to its Unit, the same string the
model's selectors give `units.permissions.filter_for_scope` ("" for Unit itself,
None for province-wide reference data that only Sở Nội vụ and leadership see).
Each entry records that unit's id in `additional_data["unit_id"]`, which is how
the log is filtered by unit and scoped to what a user may see.
"""

from dataclasses import dataclass

from auditlog.registry import auditlog
from django.apps import apps
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Model


@dataclass(frozen=True)
class Audited:
    unit_path: str | None
    exclude: tuple[str, ...] = ()


AUDITED: dict[str, Audited] = {
    "units.Unit": Audited(unit_path=""),
    "units.User": Audited(unit_path="unit", exclude=("password", "last_login")),
    "units.UnitLineage": Audited(unit_path="successor"),
    "units.Reorganisation": Audited(unit_path=None),
    "units.ReorganisationItem": Audited(unit_path="predecessor"),
    "units.DocumentProfile": Audited(unit_path="unit"),
    "units.DocumentSigner": Audited(unit_path="profile__unit"),
    "congresses.Campaign": Audited(unit_path=None),
    "congresses.TierRule": Audited(unit_path=None),
    "congresses.Movement": Audited(unit_path=None),
    "congresses.Event": Audited(unit_path="unit"),
    "congresses.AgendaItem": Audited(unit_path="event__unit"),
    "congresses.UnitPlan": Audited(unit_path="unit"),
    "congresses.UnitPlanVersion": Audited(unit_path="plan__unit"),
    "delegates.Delegate": Audited(unit_path="event__unit"),
    "honors.AwardType": Audited(unit_path=None),
    "honors.BaseSalary": Audited(unit_path=None),
    "honors.Exemplar": Audited(unit_path="unit"),
    "honors.Honour": Audited(unit_path="event__unit"),
    "honors.AwardDecision": Audited(unit_path="event__unit"),
    "honors.AwardReceived": Audited(unit_path="exemplar__unit"),
    "honors.Nomination": Audited(unit_path="exemplar__unit"),
    "honors.Presenter": Audited(unit_path="event__unit"),
    # each number a body's register gave a decision or a submission (who took it, when, for what)
    "honors.RegisterEntry": Audited(unit_path="register__unit"),
    "reports.AgendaTemplateItem": Audited(unit_path=None),
    # who uploaded which body's signing certificate and when; never the key or its passphrase
    "reports.SigningCredential": Audited(
        unit_path="unit", exclude=("pkcs12_encrypted", "passphrase_encrypted")
    ),
    "oversight.ResultReport": Audited(unit_path="event__unit"),
    "oversight.ResultAttachment": Audited(unit_path="report__event__unit"),
    "oversight.PilotLesson": Audited(unit_path="event__unit"),
    "oversight.BudgetLine": Audited(unit_path=None),
    "delegates.DelegationQuota": Audited(unit_path="unit"),
    "delegates.DelegationApproval": Audited(unit_path="event__unit"),
}

# Models of the portal's apps deliberately left out, each with its reason. A model in
# neither dict fails tests/audit/test_audit.py, so a new model is a conscious choice.
NOT_AUDITED: dict[str, str] = {
    "units.ReorganisationMove": "written only by applying a reorganisation (itself audited), to undo it; "
    "each move is also an audited change of the officer account or exemplar it moved",
    "reports.GeneratedReport": "a rendering job (queued, progress, file): machine state; who asked and when "
    "is on the row itself (requested_by, created_at), and the documents' contents come from audited rows",
    "oversight.ReminderSent": "a log written by the daily reminder job itself (unit, stage, sent_at); nobody edits it",
    "oversight.ReminderDelivery": "the reminder job's own record of each address it mailed and the mail server's answer; nobody edits it",
    "delegates.RosterImport": "a staged preview of an Excel file, deleted after confirmation or a day; "
    "the delegates it creates are audited rows",
    "honors.DocumentRegister": "the running counter of one body's register for a year and kind, moved only "
    "by taking a number; each number taken is an audited RegisterEntry",
    "delegates.RosterCounter": "figures recounted from the audited delegates by every roster write; "
    "nobody edits them",
}
PORTAL_APPS = ("units", "congresses", "delegates", "honors", "reports")


def spec_for(model: type[Model]) -> Audited | None:
    return AUDITED.get(model._meta.label)


def unit_id_of(instance: Model, unit_path: str | None) -> int | None:
    """The id of the unit `instance` belongs to, following `unit_path` ("a__b__unit")."""
    if unit_path is None:
        return None
    if unit_path == "":
        return instance.pk
    *hops, last = unit_path.split("__")
    obj = instance
    try:
        for hop in hops:
            obj = getattr(obj, hop)
            if obj is None:
                return None
    except ObjectDoesNotExist:  # a parent already deleted in the same cascade
        return None
    return getattr(obj, f"{last}_id", None)


def _unit_recorder(spec: Audited):
    """The model's `get_additional_data`, which django-auditlog reads while it builds the entry:
    the unit id goes in with the entry's own insert (it used to cost a second write per row)."""

    def get_additional_data(instance: Model) -> dict:
        return {"unit_id": unit_id_of(instance, spec.unit_path)}

    return get_additional_data


def _not_recorded(model: type[Model], spec: Audited) -> list[str]:
    """The excluded fields, the primary key, reverse relations and the optimistic-locking version
    (not a row's own data)."""
    derived = [
        f.name
        for f in model._meta.get_fields()
        if not f.concrete or getattr(f, "primary_key", False) or f.name == "version"
    ]
    return [*spec.exclude, *derived]


def register_all() -> None:
    for label, spec in AUDITED.items():
        model = apps.get_model(label)
        if not auditlog.contains(model):
            auditlog.register(model, exclude_fields=_not_recorded(model, spec))
        model.get_additional_data = _unit_recorder(spec)  # type: ignore[attr-defined]
    from . import bulk

    bulk.register()
