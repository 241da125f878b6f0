import pytest

from matcher.engine.analysis import WRAP_MAX_CHARS, rejoin_wrapped_words


@pytest.mark.parametrize(
    ("wrapped", "whole"),
    [
        ("문화체육관 광부 (예술정책과)", "문화체육관광부 (예술정책과)"),
        ("해양수산 창업콘테스 트", "해양수산 창업콘테스트"),
        ("북부권 청년창업지원센 터 운영", "북부권 청년창업지원센터 운영"),
        ("인천테크노파 크", "인천테크노파크"),
    ],
)
def test_a_word_a_line_wrap_split_is_joined(wrapped, whole):
    assert rejoin_wrapped_words(wrapped) == whole


@pytest.mark.parametrize(
    "text",
    [
        "서울창업허브 성수",  # two words Kiwi would also write together
        "해외 액셀러레이팅 프로그램",
        "예비 및 기창업자가 자유롭게 창업활동이 가능한 오픈스페이스",
        "관광벤처사업 공모전",  # Kiwi would split these compounds; their spacing is kept as written
        "데이터 활용 사업화 지원사업(DA TA-Stars)",  # only spaces between Hangul syllables are looked at
        "",
    ],
)
def test_spaces_between_words_are_kept(text):
    assert rejoin_wrapped_words(text) == text


def test_lines_are_repaired_one_by_one_and_kept_apart():
    assert rejoin_wrapped_words("창업콘테스 트\n서울창업허브 성수") == "창업콘테스트\n서울창업허브 성수"


def test_a_text_longer_than_a_table_cell_is_left_as_it_is():
    long_text = "창업콘테스 트 " + "가" * WRAP_MAX_CHARS
    assert rejoin_wrapped_words(long_text) == long_text
