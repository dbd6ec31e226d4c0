from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Q, QuerySet

from core.clock import today as portal_today
from core.text import vietnamese_key

from .domain import (
    ProfileValues,
    SignerValues,
    basis_label,
    certificate_signature_lines,
    day_label,
    default_profile,
    default_signer,
    head_title,
    place_name,
    recipient_lines,
    signature_lines,
    unit_period_label,
)
from .models import UNIT_EPOCH, DocumentProfile, DocumentSigner, Unit, UnitKind, UnitLineage
from .permissions import filter_for_scope

ADMINISTRATIVE_KINDS = (
    UnitKind.PROVINCE,
    UnitKind.CITY,
    UnitKind.DISTRICT,
    UnitKind.WARD,
    UnitKind.COMMUNE,
    UnitKind.TOWN,
    UnitKind.SPECIAL_ZONE,
)


def units_valid_on(units: QuerySet[Unit], day: date | None) -> QuerySet[Unit]:
    """The units that exist on `day`; all of them when no day is given."""
    if day is None:
        return units
    return units.filter(Q(valid_from__lte=day) & (Q(valid_to__isnull=True) | Q(valid_to__gte=day)))


def unit_list_for_user(*, user, kind: str | None = None, parent_id: int | None = None) -> QuerySet[Unit]:
    units = filter_for_scope(Unit.objects.all(), user).select_related("parent")
    if kind:
        units = units.filter(kind=kind)
    if parent_id:
        units = units.filter(parent_id=parent_id)
    return units.order_by()


def unit_list_rows(units: QuerySet[Unit]) -> QuerySet[Unit]:
    """What a row of the units list shows: the parent's name and the number of units under it."""
    return units.select_related("parent").annotate(children_count=Count("children"))


def unit_parent_choices(*, user) -> list[tuple[int, str]]:
    """(id, name) of the units in the user's scope that have units under them, in Vietnamese order."""
    rows = filter_for_scope(Unit.objects.filter(children__isnull=False), user).values_list("pk", "name")
    return sorted(set(rows), key=lambda row: vietnamese_key(row[1]))


def unit_children(*, unit: Unit) -> QuerySet[Unit]:
    return unit.children.order_by("kind", "name")


def unit_kind_counts(*, on: date | None = None) -> dict[str, int]:
    rows = units_valid_on(Unit.objects.all(), on).values("kind").annotate(n=Count("pk"))
    return {row["kind"]: row["n"] for row in rows}


@dataclass(frozen=True)
class LineageRow:
    """One neighbour of a unit in its history, with finished labels."""

    unit_id: int
    name: str
    period: str
    kind_label: str
    share: str
    note: str
    effective_date: str
    basis: str


@dataclass(frozen=True)
class UnitHistory:
    period: str
    established: str
    ended: str
    predecessors: tuple[LineageRow, ...]
    successors: tuple[LineageRow, ...]


def _lineage_row(link: UnitLineage, other: Unit) -> LineageRow:
    return LineageRow(
        unit_id=other.pk,
        name=other.name,
        period=unit_period_label(valid_from=other.valid_from, valid_to=other.valid_to, epoch=UNIT_EPOCH),
        kind_label=link.get_kind_display(),
        share=f"{link.share.normalize():f} %" if link.share is not None else "",
        note=link.note,
        effective_date=day_label(link.effective_date),
        basis=basis_label(number=link.basis, issued_on=link.basis_date),
    )


def unit_history(*, unit: Unit) -> UnitHistory:
    """The unit's own dates and its lineage both ways, in two queries."""
    before = (
        UnitLineage.objects.filter(successor=unit).select_related("predecessor").order_by("predecessor__name")
    )
    after = (
        UnitLineage.objects.filter(predecessor=unit).select_related("successor").order_by("successor__name")
    )
    return UnitHistory(
        period=unit_period_label(valid_from=unit.valid_from, valid_to=unit.valid_to, epoch=UNIT_EPOCH),
        established=basis_label(number=unit.established_basis, issued_on=unit.established_basis_date),
        ended=basis_label(number=unit.ended_basis, issued_on=unit.ended_basis_date),
        predecessors=tuple(_lineage_row(link, link.predecessor) for link in before),
        successors=tuple(_lineage_row(link, link.successor) for link in after),
    )


# --- The issuing body on a document (its DocumentProfile, or the defaults until it has one) -----


@dataclass(frozen=True)
class IssuerBlock:
    """Finished values for a document's heading, number, date line and signature block."""

    unit_id: int
    unit_name: str
    governing_name: str
    name_lines: tuple[str, ...]
    symbol: str
    committee_symbol: str
    place: str
    signature_lines: tuple[str, ...]
    signer_name: str
    recipients: tuple[str, ...]
    checked: bool
    head_title: str = ""
    certificate_signature_lines: tuple[str, ...] = ()
    blank_offset_mm: tuple[float, float] = (0.0, 0.0)

    @property
    def name(self) -> str:
        return " ".join(self.name_lines)


def document_profile_get(*, unit: Unit) -> DocumentProfile | None:
    return DocumentProfile.objects.filter(unit=unit).prefetch_related("signers").first()


Values = tuple[ProfileValues, dict[str, SignerValues], dict[str, str]]
_UNSET = object()


def document_profile_values(*, unit: Unit, profile: DocumentProfile | None | object = _UNSET) -> Values:
    """The profile's values and each purpose's signer (and name), the defaults filling any gap."""
    parent_name = unit.parent.name if unit.parent_id and unit.parent is not None else ""
    if not isinstance(profile, DocumentProfile | None):
        profile = document_profile_get(unit=unit)
    if profile is None:
        values = default_profile(unit_kind=unit.kind, unit_name=unit.name, parent_name=parent_name)
    else:
        values = ProfileValues(profile.governing_name, profile.name_line1, profile.name_line2,
                               profile.symbol, profile.place)  # fmt: skip
    stored = {s.purpose: s for s in profile.signers.all()} if profile is not None else {}
    signers, names = {}, {}
    for purpose in DocumentSigner.Purpose.values:
        row = stored.get(purpose)
        if row is None:
            signers[purpose], names[purpose] = default_signer(unit_kind=unit.kind, purpose=purpose), ""
        else:
            signers[purpose] = SignerValues(row.authority, row.on_behalf_of, row.title, row.recipients)
            names[purpose] = row.full_name
    return values, signers, names


def document_issuer(*, unit: Unit, purpose: str) -> IssuerBlock:
    profile = document_profile_get(unit=unit)
    values, signers, names = document_profile_values(unit=unit, profile=profile)
    signer = signers[purpose]
    return IssuerBlock(
        unit_id=unit.pk,
        unit_name=unit.name,
        governing_name=values.governing_name,
        name_lines=tuple(line for line in (values.name_line1, values.name_line2) if line),
        symbol=values.symbol,
        committee_symbol=profile.committee_symbol if profile is not None else "BTC",
        place=values.place,
        signature_lines=signature_lines(
            authority=signer.authority, on_behalf_of=signer.on_behalf_of, title=signer.title
        ),
        signer_name=names[purpose],
        recipients=recipient_lines(signer.recipients),
        checked=profile is not None and profile.checked_at is not None,
        head_title=head_title(
            authority=signer.authority, on_behalf_of=signer.on_behalf_of, title=signer.title
        ),
        certificate_signature_lines=certificate_signature_lines(
            authority=signer.authority, on_behalf_of=signer.on_behalf_of, title=signer.title
        ),
        blank_offset_mm=(
            (float(profile.blank_offset_x_mm), float(profile.blank_offset_y_mm)) if profile else (0.0, 0.0)
        ),
    )


def document_profile_initial(*, unit: Unit) -> dict[str, object]:
    """The profile page's form, filled from the stored profile or the defaults ("event_title", ...)."""
    profile = document_profile_get(unit=unit)
    values, signers, names = document_profile_values(unit=unit, profile=profile)
    initial: dict[str, object] = {
        "governing_name": values.governing_name,
        "name_line1": values.name_line1,
        "name_line2": values.name_line2,
        "symbol": values.symbol,
        "committee_symbol": profile.committee_symbol if profile is not None else "BTC",
        "place": values.place,
        "blank_offset_x_mm": profile.blank_offset_x_mm if profile is not None else 0,
        "blank_offset_y_mm": profile.blank_offset_y_mm if profile is not None else 0,
    }
    for purpose, signer in signers.items():
        initial |= {
            f"{purpose}_authority": signer.authority,
            f"{purpose}_on_behalf_of": signer.on_behalf_of,
            f"{purpose}_title": signer.title,
            f"{purpose}_full_name": names[purpose],
            f"{purpose}_recipients": signer.recipients,
        }
    return initial


# --- Who the portal is: the province at the root of the unit tree, and settings ------------------


@dataclass(frozen=True)
class PortalIdentity:
    """The province at the root of the unit tree, as pages, e-mail and documents name it."""

    province_name: str  # "Tỉnh Bắc Kạn"
    province_label: str  # "tỉnh Bắc Kạn", inside a sentence
    place: str  # "Bắc Kạn"

    @property
    def title(self) -> str:
        return settings.PORTAL_TITLE or f"Cổng thi đua yêu nước {self.province_label}"

    @property
    def brand(self) -> str:
        return f"Thi đua yêu nước {self.place}"

    @property
    def organiser(self) -> str:
        return settings.PORTAL_ORGANISER or f"Sở Nội vụ {self.province_label} · Ban Thi đua - Khen thưởng"


IDENTITY_CACHE_KEY = "units:portal_identity"


def province_root(*, on: date | None = None) -> Unit | None:
    """The province at the root of the tree on `on` (today by default): the newest one still valid."""
    roots = units_valid_on(
        Unit.objects.filter(parent__isnull=True, kind=UnitKind.PROVINCE), on or portal_today()
    )
    return roots.order_by("-valid_from", "pk").first()


def portal_identity() -> PortalIdentity:
    """From the root unit (settings.PORTAL_PROVINCE_FALLBACK before any is loaded); cached for five
    minutes and forgotten when a reorganisation changes the map."""
    cached = cache.get(IDENTITY_CACHE_KEY)
    if isinstance(cached, PortalIdentity):
        return cached
    root = province_root()
    name = root.name if root is not None else settings.PORTAL_PROVINCE_FALLBACK
    identity = PortalIdentity(
        province_name=name, province_label=name[:1].lower() + name[1:], place=place_name(name)
    )
    cache.set(IDENTITY_CACHE_KEY, identity, 300)
    return identity


def portal_identity_forget() -> None:
    cache.delete(IDENTITY_CACHE_KEY)
