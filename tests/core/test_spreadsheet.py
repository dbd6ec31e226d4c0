"""The one spreadsheet-formula neutraliser (core/spreadsheet.py)."""

import pytest

from core.spreadsheet import neutralise, unneutralise


@pytest.mark.parametrize("value", ["=1+1", "+84", "-2", "@SUM(A1)", "\tx"])
def test_it_neutralises_formulas(value):
    assert neutralise(value) == "'" + value


def test_it_keeps_plain_values():
    assert neutralise("Xã Nam Mẫu") == "Xã Nam Mẫu"
    assert neutralise(-5) == -5


@pytest.mark.parametrize("value", ["=1+1", "'=1+1", "''-2", "plain", "'quoted"])
def test_it_gives_back_what_was_typed(value):
    assert unneutralise(neutralise(value)) == value
