import json
from pathlib import Path

from django.db import transaction

from .models import UNIT_EPOCH, Unit


def unit_update(*, unit: Unit, data: dict) -> Unit:
    for field, value in data.items():
        setattr(unit, field, value)
    unit.full_clean()
    unit.save(update_fields=list(data))
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
            defaults={"parent": province, "is_pilot": body.get("is_pilot", False)},
        )
    return Unit.objects.count()
