import pytest

from matcher.engine.ksic import find_subclass, looks_like_subclass_code


@pytest.mark.parametrize("code", ["28202", "C28202", "c28202", " C 28202 "])
def test_a_subclass_code_is_found_with_or_without_its_section(code):
    row = find_subclass(code)
    assert (row["section_code"], row["subclass_code"]) == ("C", "28202")
    assert row["subclass_name"] == "운송장비용 이차전지 제조업"


@pytest.mark.parametrize("code", ["A28202", "99999", "2820", "C2820X", "", "이차전지"])
def test_no_row_for_a_wrong_section_an_unknown_code_or_a_word(code):
    assert find_subclass(code) is None


def test_what_looks_like_a_code():
    assert looks_like_subclass_code("C28202") and looks_like_subclass_code("28202")
    assert not looks_like_subclass_code("이차전지 28202") and not looks_like_subclass_code("282")
