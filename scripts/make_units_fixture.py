"""Write units/data/bac_kan_administrative_units.json from vietnam-provinces 0.6.0.

Run once, by hand (the portal does not need the package at run time):

    .venv/bin/pip install vietnam-provinces==0.6.0
    .venv/bin/python scripts/make_units_fixture.py
"""

import json
from pathlib import Path

import vietnam_provinces

PROVINCE_CODE = 6
KIND_BY_DIVISION_TYPE = {
    "tỉnh": "province",
    "thành phố": "city",
    "huyện": "district",
    "phường": "ward",
    "xã": "commune",
    "thị trấn": "town",
}


def tidy_name(name: str) -> str:
    # The package capitalises "Thành Phố"; official usage is "Thành phố".
    return name.replace("Thành Phố", "Thành phố").replace("Thị Trấn", "Thị trấn")


def kind_from_name(name: str, division_type: str) -> str:
    # The package's division_type is unreliable below district level (wards are
    # marked "xã"); the official name's prefix is authoritative.
    for prefix, kind in (("Phường ", "ward"), ("Thị trấn ", "town"), ("Xã ", "commune")):
        if name.startswith(prefix):
            return kind
    return KIND_BY_DIVISION_TYPE[division_type]


def main() -> None:
    divisions = json.load(open(vietnam_provinces.NESTED_DIVISIONS_JSON_PATH, encoding="utf-8"))
    province = next(p for p in divisions if p["code"] == PROVINCE_CODE)
    units = []
    for district in province["districts"]:
        name = tidy_name(district["name"])
        # The data marks the city as "huyện"; it is a thành phố.
        kind = "city" if name.startswith("Thành phố") else KIND_BY_DIVISION_TYPE[district["division_type"]]
        communes = [
            {
                "code": str(ward["code"]),
                "name": tidy_name(ward["name"]),
                "kind": kind_from_name(tidy_name(ward["name"]), ward["division_type"]),
            }
            for ward in district["wards"]
        ]
        units.append({"code": str(district["code"]), "name": name, "kind": kind, "children": communes})
    payload = {
        "source": "PyPI vietnam-provinces 0.6.0 (data version 2025-01-04), before the 2025 reform",
        "province": {"code": str(province["code"]), "name": tidy_name(province["name"]), "kind": "province"},
        "districts": units,
    }
    out = Path(__file__).resolve().parent.parent / "units" / "data" / "bac_kan_administrative_units.json"
    out.write_text(json.dumps(payload, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {out}: {len(units)} districts, {sum(len(d['children']) for d in units)} communes")


if __name__ == "__main__":
    main()
