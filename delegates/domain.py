"""Pure facts of rosters: composition. No ORM.

Caps, the exemplar share and delegation quotas are campaign rules: they live once,
in congresses/rules.py.
"""

YOUTH_MAX_AGE = 35
"""A delegate counts as young when (event year − birth year) ≤ 35: the Youth Union's
age limit (Điều lệ Đoàn TNCS Hồ Chí Minh), computed in the year the event is held."""


def is_young(*, birth_year: int, event_year: int) -> bool:
    return event_year - birth_year <= YOUTH_MAX_AGE
