"""Money amounts and budget phrases in Korean text."""

from __future__ import annotations

import pytest

from matcher.engine.amounts import find_amounts, find_budgets, parse_amount


@pytest.mark.parametrize(
    ("text", "krw"),
    [
        ("290억원", 29_000_000_000),
        ("2억1500만원", 215_000_000),
        ("7000만원", 70_000_000),
        ("5억3300만원", 533_000_000),
        ("1,303.6억원", 130_360_000_000),
        ("20백만원", 20_000_000),
        ("150만원", 1_500_000),
        ("3천만원", 30_000_000),
        ("1조 2천억원", 1_200_000_000_000),
        ("150,000원", 150_000),
        ("2억 원", 200_000_000),
        ("50,000천원", 50_000_000),  # thousands of 원, as tables state them
        ("3,000 천원", 3_000_000),
    ],
)
def test_parse_amount(text: str, krw: int) -> None:
    assert parse_amount(f"총 {text}을 지원") == krw


def test_no_amount_in_plain_numbers() -> None:
    assert parse_amount("2025년까지 11종 도입") is None
    assert find_amounts("104개사가 참여") == []


def test_amount_spans_quote_the_source() -> None:
    text = "SW보급에 2억8000만원, SW개발에 5억3300만원을 지원한다."
    amounts = find_amounts(text)
    assert [a.krw for a in amounts] == [280_000_000, 533_000_000]
    assert [text[a.start : a.end] for a in amounts] == ["2억8000만원", "5억3300만원"]


def test_national_share_included_in_total() -> None:
    (budget,) = find_budgets("먼저 국비 90억원 포함 총 290억원으로 사업을 추진한다.")
    assert (budget.total_krw, budget.national_krw) == (29_000_000_000, 9_000_000_000)
    assert budget.text == "국비 90억원 포함 총 290억원"
    (budget,) = find_budgets("국비 80억원 포함 178억원으로 기반을 구축한다.")
    assert (budget.total_krw, budget.national_krw) == (17_800_000_000, 8_000_000_000)


def test_total_with_unknown_national_share() -> None:
    (budget,) = find_budgets("국비 등 7000만원으로 전략을 수립한다.")
    assert (budget.total_krw, budget.national_krw) == (70_000_000, None)
    assert budget.text.startswith("국비 등")
    (budget,) = find_budgets("이는 예산 200억원을 들여 조성하는 사업")
    assert (budget.total_krw, budget.text) == (20_000_000_000, "예산 200억원")


def test_lone_national_amount_is_not_a_total() -> None:
    (budget,) = find_budgets("국비 30억원을 확보했다.")
    assert (budget.total_krw, budget.national_krw) == (None, 3_000_000_000)
