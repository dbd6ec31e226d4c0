import json
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from core.errors import DomainError
from core.versioning import ensure_current

from .models import UNIT_EPOCH, DocumentProfile, DocumentSigner, Unit, User
from .permissions import is_staff_of_home_affairs


@transaction.atomic
def unit_update(*, unit: Unit, data: dict, expected_version: int | None = None) -> Unit:
    """Save a unit's edited details; a save from a form opened before someone else's is refused."""
    ensure_current(unit, expected=expected_version, data=data)
    for field, value in data.items():
        setattr(unit, field, value)
    unit.full_clean()
    unit.save(update_fields=[*data, "version"])
    return unit


ADMINISTRATIVE_UNITS_FILE = Path(__file__).resolve().parent / "data" / "bac_kan_administrative_units.json"
BODIES_FILE = Path(__file__).resolve().parent / "data" / "bac_kan_bodies.json"


@transaction.atomic
def units_load_bac_kan(
    *, administrative_path: Path = ADMINISTRATIVE_UNITS_FILE, bodies_path: Path = BODIES_FILE
) -> int:
    """Create or update the province's unit tree from the committed data files.

    Idempotent: administrative units are matched by official code, provincial
    bodies by kind and name. Returns how many units exist afterwards.
    """
    admin = json.loads(administrative_path.read_text(encoding="utf-8"))
    bodies = json.loads(bodies_path.read_text(encoding="utf-8"))
    pilot_codes = set(bodies.get("pilot_administrative_codes", []))

    def upsert_coded(data: dict, parent: Unit | None) -> Unit:
        unit, _ = Unit.objects.update_or_create(
            code=data["code"],
            valid_from=UNIT_EPOCH,
            defaults={
                "name": data["name"],
                "kind": data["kind"],
                "parent": parent,
                "is_pilot": data["code"] in pilot_codes,
            },
        )
        return unit

    province = upsert_coded(admin["province"], None)
    for district_data in admin["districts"]:
        district = upsert_coded(district_data, province)
        for commune_data in district_data["children"]:
            upsert_coded(commune_data, district)
    for body in bodies["bodies"]:
        Unit.objects.update_or_create(
            kind=body["kind"],
            name=body["name"],
            valid_from=UNIT_EPOCH,
            defaults={"parent": province, "is_pilot": body.get("is_pilot", False)},
        )
    return Unit.objects.count()


# --- Document profiles: edited by the body's officers, checked by Sở Nội vụ ------------------

PROFILE_FIELDS = ("governing_name", "name_line1", "name_line2", "symbol", "committee_symbol", "place")
# The calibrated shift of the pre-printed certificate blank (numbers, in mm).
BLANK_OFFSET_FIELDS = ("blank_offset_x_mm", "blank_offset_y_mm")
SIGNER_FIELDS = ("authority", "on_behalf_of", "title", "full_name", "recipients")


@transaction.atomic
def document_profile_save(
    *, unit: Unit, by: User, profile_data: dict[str, Any], signers: dict[str, dict[str, str]]
) -> DocumentProfile:
    """Write a body's document profile and its signers. An officer's change waits for Sở Nội vụ's
    check again; a change made by Sở Nội vụ is checked by that change."""
    Unit.objects.select_for_update().filter(pk=unit.pk).first()
    profile = DocumentProfile.objects.filter(unit=unit).first() or DocumentProfile(unit=unit)
    for field in PROFILE_FIELDS:
        setattr(profile, field, profile_data[field].strip())
    for field in BLANK_OFFSET_FIELDS:
        if field in profile_data:
            setattr(profile, field, profile_data[field])
    checked = is_staff_of_home_affairs(by)
    profile.checked_by, profile.checked_at = (by, timezone.now()) if checked else (None, None)
    profile.full_clean()
    profile.save()
    for purpose, data in signers.items():
        signer = DocumentSigner.objects.filter(profile=profile, purpose=purpose).first()
        signer = signer or DocumentSigner(profile=profile, purpose=purpose)
        for field in SIGNER_FIELDS:
            setattr(signer, field, data[field].strip())
        signer.full_clean()
        signer.save()
    return profile


def document_profile_check(*, profile: DocumentProfile, by: User) -> DocumentProfile:
    """Sở Nội vụ confirms the profile follows Decree 30."""
    if not is_staff_of_home_affairs(by):
        raise DomainError(gettext("Chỉ Sở Nội vụ kiểm tra thể thức văn bản của cơ quan."))
    profile.checked_by, profile.checked_at = by, timezone.now()
    profile.save(update_fields=["checked_by", "checked_at"])
    return profile
