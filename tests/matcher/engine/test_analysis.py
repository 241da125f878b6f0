import pytest

from matcher.engine.analysis import WRAP_MAX_CHARS, analyze, rejoin_wrapped_words


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


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        # Kiwi reads the prefix as a number and a bound noun ('이/NR 차/NNB'), wherever the word stands.
        ("이차전지 양극재 제조", ["이차", "전지", "양극", "재", "제조"]),
        ("구미 이차전지 특화단지", ["구미", "이차", "전지", "특화", "단지"]),
        ("차세대 이차전지", ["차세대", "이차", "전지"]),  # Kiwi's own reading here: the same terms
        ("2차전지 소재", ["이차", "전지", "소재"]),  # a digit before 차 is read the Sino-Korean way
        ("4차산업혁명 대응", ["사차", "산업", "혁명", "대응"]),
    ],
)
def test_a_numeral_prefix_of_a_compound_is_kept(text, terms):
    assert analyze(text) == terms


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ("2차 모집 공고", ["모집", "공고"]),  # a round, apart from the noun: not a compound
        ("3년이내 기업", ["기업"]),  # a count of years
        ("12차전지", ["전지"]),  # no Sino-Korean reading of one digit
        ("2차년도 이후 건축비", ["이후", "건축비"]),  # the second year: a bound noun follows
    ],
)
def test_counts_and_rounds_are_not_prefixes(text, terms):
    assert analyze(text) == terms


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ("3D 프린팅", ["3d", "프린팅"]),
        ("5G 통신 B2B 플랫폼", ["5g", "통신", "b2b", "플랫폼"]),
        ("R&D 지원", ["r&d", "지원"]),  # not 'r d': a 'd' would match '3D' and every R&D notice alike
        ("IoT 센서", ["iot", "센서"]),
        ("R & D", ["r", "d"]),  # apart, the letters stay apart
        ("2025년 사업", ["사업"]),  # a number is not a term
    ],
)
def test_a_word_of_latin_letters_and_digits_is_one_term(text, terms):
    assert analyze(text) == terms
