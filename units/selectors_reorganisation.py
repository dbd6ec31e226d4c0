"""Reads of a reorganisation's mapping and the rule's verdict on it, in a constant number of queries."""

from dataclasses import dataclass

from .models import Reorganisation, ReorganisationItem, Unit, UnitLineage
from .rules import MappingRow, ReorganisationDecision, UnitSpan, check_reorganisation, primary_successor


def span(unit: Unit) -> UnitSpan:
    return UnitSpan(id=unit.pk, name=unit.name, valid_from=unit.valid_from, valid_to=unit.valid_to)


@dataclass(frozen=True)
class Mapping:
    items: list[ReorganisationItem]
    rows: list[MappingRow]
    decision: ReorganisationDecision
    primary: dict[int, Unit]  # ending unit id -> where its accounts and exemplars go


def reorganisation_mapping(*, reorganisation: Reorganisation) -> Mapping:
    """The mapping, the decision of `units.rules.check_reorganisation` and each ending unit's primary successor.

    Two queries: the items with both units, and the units other applied reorganisations ended.
    """
    items = list(reorganisation.items.select_related("predecessor", "successor").order_by("position", "pk"))
    rows = [
        MappingRow(
            predecessor=span(i.predecessor),
            successor=span(i.successor) if i.successor else None,
            share=i.share,
        )
        for i in items
    ]
    others = (
        UnitLineage.objects.filter(predecessor_id__in={i.predecessor_id for i in items})
        .exclude(reorganisation=reorganisation)
        .select_related("reorganisation")
    )
    ended_elsewhere = {
        link.predecessor_id: link.reorganisation.name if link.reorganisation else f"căn cứ {link.basis}"
        for link in others
    }
    if reorganisation.status == Reorganisation.Status.APPLIED:
        # Once applied, its own units have ended: judge it as it was before.
        rows = [
            MappingRow(
                predecessor=UnitSpan(r.predecessor.id, r.predecessor.name, r.predecessor.valid_from, None),
                successor=r.successor,
                share=r.share,
            )
            for r in rows
        ]
    decision = check_reorganisation(
        effective_date=reorganisation.effective_date, rows=rows, ended_elsewhere=ended_elsewhere
    )
    by_predecessor: dict[int, list[MappingRow]] = {}
    units = {}
    for item, row in zip(items, rows, strict=True):
        by_predecessor.setdefault(item.predecessor_id, []).append(row)
        if item.successor is not None:
            units[item.successor_id] = item.successor
    primary = {}
    for old_id, its_rows in by_predecessor.items():
        best = primary_successor(its_rows)
        if best is not None:
            primary[old_id] = units[best.id]
    return Mapping(items=items, rows=rows, decision=decision, primary=primary)
