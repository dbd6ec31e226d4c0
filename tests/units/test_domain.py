import pytest

from units.domain import Access
from units.permissions import scope_for


@pytest.mark.parametrize(
    ("role", "own_unit", "unit_id", "parent_id", "expected"),
    [
        ("staff", None, 5, 1, Access.WRITE),
        ("leadership", None, 5, 1, Access.READ),
        ("officer", 5, 5, 1, Access.WRITE),  # own unit
        ("officer", 5, 9, 5, Access.WRITE),  # a district's commune
        ("officer", 5, 9, 6, Access.NONE),  # another district's commune
        ("officer", 9, 5, 1, Access.NONE),  # a commune does not see its district
        ("officer", None, 5, 1, Access.NONE),  # an officer without a unit sees nothing
        ("", None, 5, 1, Access.NONE),
    ],
)
def test_access_follows_role_and_tree(role, own_unit, unit_id, parent_id, expected):
    scope = scope_for(role=role, unit_id=own_unit)
    assert scope.access_to(unit_id=unit_id, parent_id=parent_id) == expected


def test_an_inactive_account_sees_nothing():
    scope = scope_for(role="staff", unit_id=None, is_active=False)
    assert scope.access_to(unit_id=1, parent_id=None) == Access.NONE
