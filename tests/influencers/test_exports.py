import pytest

from influencers.exports import safe_cell


@pytest.mark.parametrize("text", ["=1+1", "+44 117", "-3", "@cmd", "\tx", "\rx"])
def test_cells_that_could_start_a_formula_are_neutralised(text):
    assert safe_cell(text) == "'" + text


@pytest.mark.parametrize("value", ["Rosie", "", "a=b", 42, -3, None])
def test_other_cells_are_unchanged(value):
    assert safe_cell(value) == value
