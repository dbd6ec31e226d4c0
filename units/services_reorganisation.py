"""Writes of a reorganisation that only touch units: load one, end units, record lineage, move rows.

The whole operation (with the exemplars it moves) is `oversight.services_reorganisation`;
these functions run inside its transaction.
"""

import json
from collections.abc import Mapping
from datetime import date, timedelta
from pathlib import Path

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext

from .models import UNIT_EPOCH, Reorganisation, ReorganisationItem, ReorganisationMove, Unit, UnitLineage

THAI_NGUYEN_2025_FILE = Path(__file__).resolve().parent / "data" / "thai_nguyen_2025.json"


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _upsert_new_unit(*, data: dict, parent: Unit | None, valid_from: date, basis: dict) -> Unit:
    """A unit that begins: matched by its code (a provincial body, which has none: by kind and name)."""
    key = (
        {"code": data["code"]}
        if data.get("code")
        else {"code": "", "kind": data["kind"], "name": data["name"]}
    )
    unit, _ = Unit.objects.update_or_create(
        **key,
        valid_from=valid_from,
        defaults={
            "name": data["name"], "kind": data["kind"], "parent": parent,
            "established_basis": basis["number"], "established_basis_date": _day(basis.get("date")),
        },
    )  # fmt: skip
    return unit


def _body_items(
    *, data: dict, old_province: Unit, province: Unit, effective: date
) -> list[ReorganisationItem]:
    """The provincial bodies that begin, and one row per old body each took over."""
    bodies = data.get("bodies", [])
    old_by_name = {
        (u.kind, u.name): u for u in Unit.objects.filter(parent=old_province, valid_from=UNIT_EPOCH, code="")
    }
    items = []
    for body in bodies:
        basis = body.get("basis") or province_basis(data)
        new = _upsert_new_unit(data=body, parent=province, valid_from=effective, basis=basis)
        for old_name in body["predecessors"]:
            old = old_by_name.get((body["kind"], old_name)) or next(
                (u for (_, name), u in old_by_name.items() if name == old_name), None
            )
            if old is None:
                raise KeyError(
                    gettext("%(old_name)s: không có trong danh sách cơ quan, đơn vị của %(name)s")
                    % {"old_name": old_name, "name": old_province.name}
                )
            items.append(
                ReorganisationItem(
                    predecessor=old, successor=new, note=body.get("note", ""),
                    kind=UnitLineage.Kind.RENAME if body.get("continues") else UnitLineage.Kind.MERGE,
                    basis=basis["number"], basis_date=_day(basis.get("date")),
                )
            )  # fmt: skip
    return items


def province_basis(data: dict) -> dict:
    return data["province"]["basis"]


@transaction.atomic
def reorganisation_load_from_file(*, path: Path = THAI_NGUYEN_2025_FILE) -> Reorganisation:
    """Create the units that begin and the reorganisation (a draft) from a committed fixture.

    Idempotent: units are matched by code and start date, the reorganisation by name; a
    reorganisation already applied is returned as it is.
    """
    data = json.loads(path.read_text(encoding="utf-8"))
    effective = date.fromisoformat(data["effective_date"])
    province_data = data["province"]
    old_province = Unit.objects.get(code=province_data["replaces_code"], valid_from=UNIT_EPOCH)
    name = (
        f"Sắp xếp đơn vị hành chính từ {effective:%d/%m/%Y}: {old_province.name} vào {province_data['name']}"
    )
    existing = Reorganisation.objects.filter(name=name).first()
    if existing is not None and existing.status == Reorganisation.Status.APPLIED:
        return existing
    basis = data["commune_basis"]
    province = _upsert_new_unit(
        data=province_data, parent=None, valid_from=effective, basis=province_data["basis"]
    )
    new_by_code = {
        c["code"]: _upsert_new_unit(data=c, parent=province, valid_from=effective, basis=basis)
        for c in data["communes"]
    }
    reorganisation, _ = Reorganisation.objects.update_or_create(
        name=name,
        defaults={
            "effective_date": effective, "basis": basis["number"], "basis_date": _day(basis["date"]),
            "source": data["source"], "status": Reorganisation.Status.DRAFT,
        },
    )  # fmt: skip
    reorganisation.items.all().delete()
    old_by_code = {
        u.code: u
        for u in Unit.objects.filter(valid_from=UNIT_EPOCH, code__in=[r["old_code"] for r in data["mapping"]])
    }
    items = [
        ReorganisationItem(
            predecessor=old_province, successor=province, kind=UnitLineage.Kind.MERGE,
            basis=province_data["basis"]["number"], basis_date=_day(province_data["basis"]["date"]),
        )
    ]  # fmt: skip
    districts: dict[str, dict[str, int]] = {}
    for row in data["mapping"]:
        split = len(row["new_codes"]) > 1
        note = "Một phần diện tích, dân số" if row["is_partly_merged"] else ""
        for code in row["new_codes"]:
            items.append(
                ReorganisationItem(
                    predecessor=old_by_code[row["old_code"]], successor=new_by_code[code], note=note,
                    kind=UnitLineage.Kind.SPLIT if split else UnitLineage.Kind.MERGE,
                )
            )  # fmt: skip
            counts = districts.setdefault(row["old_district_code"], {})
            counts[code] = counts.get(code, 0) + 1
    items += _body_items(data=data, old_province=old_province, province=province, effective=effective)
    district_basis = data["district_basis"]
    for district_code, counts in districts.items():
        district = Unit.objects.get(code=district_code, valid_from=UNIT_EPOCH)
        # The new unit that took most of the district's communes comes first: its officers go there.
        for code in sorted(counts, key=lambda c: (-counts[c], c)):
            items.append(
                ReorganisationItem(
                    predecessor=district, successor=new_by_code[code], kind=UnitLineage.Kind.SPLIT,
                    note=gettext("Cấp huyện kết thúc hoạt động; %(value)s xã, phường cũ của huyện vào đơn vị này") % {"value": counts[code]},
                    basis=district_basis["number"], basis_date=_day(district_basis["date"]),
                )
            )  # fmt: skip
    for position, item in enumerate(items):
        item.reorganisation, item.position = reorganisation, position
    ReorganisationItem.objects.bulk_create(items)
    return reorganisation


def reorganisation_end_units(*, reorganisation: Reorganisation) -> None:
    """End every predecessor the day before the effective date and record its lineage."""
    last_day = reorganisation.effective_date - timedelta(days=1)
    items = list(reorganisation.items.select_related("predecessor"))
    ended: set[int] = set()
    for item in items:
        unit = item.predecessor
        if unit.pk in ended:
            continue
        unit.valid_to = last_day
        unit.ended_basis = item.basis or reorganisation.basis
        unit.ended_basis_date = item.basis_date if item.basis else reorganisation.basis_date
        unit.full_clean(validate_unique=False)
        unit.save(update_fields=["valid_to", "ended_basis", "ended_basis_date"])
        ended.add(unit.pk)
    for item in items:
        assert item.successor_id is not None  # checked by units.rules.check_reorganisation
        UnitLineage.objects.create(
            predecessor_id=item.predecessor_id, successor_id=item.successor_id, kind=item.kind,
            share=item.share, note=item.note, effective_date=reorganisation.effective_date,
            basis=item.basis or reorganisation.basis,
            basis_date=item.basis_date if item.basis else reorganisation.basis_date,
            reorganisation=reorganisation,
        )  # fmt: skip


def reorganisation_move_rows(
    *, reorganisation: Reorganisation, rows: QuerySet, primary: Mapping[int, Unit]
) -> int:
    """Move each row (a model with a `unit`) of an ending unit to that unit's primary successor."""
    label = rows.model._meta.label
    moved = 0
    for row in rows.filter(unit_id__in=list(primary)).order_by("pk"):
        target = primary[row.unit_id]
        ReorganisationMove.objects.create(
            reorganisation=reorganisation, model_label=label, object_id=row.pk,
            from_unit_id=row.unit_id, to_unit=target,
        )  # fmt: skip
        row.unit = target
        row.save(update_fields=["unit"])
        moved += 1
    return moved


def reorganisation_revert(*, reorganisation: Reorganisation) -> None:
    """Move every moved row back, drop the lineage and reopen the ended units."""
    for move in reorganisation.moves.order_by("-pk"):
        model = apps.get_model(move.model_label)
        row = model._default_manager.filter(pk=move.object_id, unit_id=move.to_unit_id).first()
        if row is not None:
            row.unit_id = move.from_unit_id
            row.save(update_fields=["unit"])
    reorganisation.moves.all().delete()
    ended_ids = list(reorganisation.lineage.values_list("predecessor_id", flat=True))
    reorganisation.lineage.all().delete()
    for unit in Unit.objects.filter(pk__in=ended_ids):
        unit.valid_to, unit.ended_basis, unit.ended_basis_date = None, "", None
        unit.save(update_fields=["valid_to", "ended_basis", "ended_basis_date"])


class ReorganisationEntryError(ValueError):
    """A hand-entered reorganisation that cannot be saved as a draft (said in Vietnamese)."""


@transaction.atomic
def reorganisation_create(
    *,
    name: str,
    effective_date: date,
    basis: str,
    basis_date: date | None,
    new_units: list[dict],
    items: list[dict],
) -> Reorganisation:
    """Save a reorganisation entered by hand as a draft: the units that begin, then the mapping.

    `new_units`: {"name", "kind", "code", "parent": Unit | None}; they begin on `effective_date`.
    `items`: {"predecessor": Unit, "successor": Unit | None, "successor_name": a new unit's name,
    "kind", "share", "note"}. Whether it may be applied is decided by the preview
    (`units.rules.check_reorganisation`), exactly as for a loaded file.
    """
    if Reorganisation.objects.filter(name=name).exists():
        raise ReorganisationEntryError(
            gettext("Đã có đợt sắp xếp tên «%(name)s»; hãy đặt tên khác.") % {"name": name}
        )
    if not items:
        raise ReorganisationEntryError(
            gettext("Hãy khai ít nhất một dòng: đơn vị kết thúc và đơn vị kế thừa.")
        )
    created: dict[str, Unit] = {}
    for data in new_units:
        unit = Unit(
            name=data["name"], kind=data["kind"], code=data.get("code", ""), parent=data.get("parent"),
            valid_from=effective_date, established_basis=basis, established_basis_date=basis_date,
        )  # fmt: skip
        try:
            unit.full_clean()
        except ValidationError as exc:
            details = "; ".join(m for messages in exc.message_dict.values() for m in messages)
            raise ReorganisationEntryError(
                gettext("Đơn vị mới «%(name)s»: %(details)s") % {"name": data["name"], "details": details}
            ) from exc
        if data["name"] in created:
            raise ReorganisationEntryError(
                gettext("Đơn vị mới «%(name)s» được khai hai lần.") % {"name": data["name"]}
            )
        unit.save()
        created[data["name"]] = unit
    reorganisation = Reorganisation.objects.create(
        name=name, effective_date=effective_date, basis=basis, basis_date=basis_date,
        source="Nhập trên cổng", status=Reorganisation.Status.DRAFT,
    )  # fmt: skip
    rows = []
    for position, data in enumerate(items):
        successor = data.get("successor")
        if successor is None and data.get("successor_name"):
            successor = created.get(data["successor_name"])
            if successor is None:
                raise ReorganisationEntryError(
                    gettext("Dòng %(value)s: «%(successor_name)s» không có trong các đơn vị mới đã khai.")
                    % {"value": position + 1, "successor_name": data["successor_name"]}
                )
        rows.append(
            ReorganisationItem(
                reorganisation=reorganisation, predecessor=data["predecessor"], successor=successor,
                kind=data["kind"], share=data.get("share"), note=data.get("note", ""), position=position,
            )
        )  # fmt: skip
    seen: set[tuple[int, int | None]] = set()
    for position, row in enumerate(rows):
        key = (row.predecessor.pk, row.successor.pk if row.successor else None)
        if key in seen:
            raise ReorganisationEntryError(
                gettext("Dòng %(value)s: %(row)s đã khai ở dòng trước.") % {"value": position + 1, "row": row}
            )
        seen.add(key)
    ReorganisationItem.objects.bulk_create(rows)
    return reorganisation
