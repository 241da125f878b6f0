import pytest

from matcher.engine.text import (
    html_to_text,
    looks_like_html,
    markdown_to_text,
    matched_words,
    normalize_text,
    quotable,
    readable_text,
    split_sentences,
    term_spans,
)


def test_html_to_text_drops_scripts_and_keeps_blocks():
    markup = "<p>첫 문단&nbsp;입니다.</p><script>alert('x')</script><p>둘째<br>줄</p><style>p{}</style>"
    assert html_to_text(markup) == "첫 문단 입니다.\n\n둘째\n줄"


def test_looks_like_html():
    assert looks_like_html("<p>본문</p>")
    assert not looks_like_html("구미시는 2030년까지 <중요> 사업을 추진한다")


def test_normalize_collapses_blank_runs():
    assert normalize_text("a  b\r\n\r\n\r\n c\u200b") == "a b\n\nc"


def test_split_sentences_keeps_decimals():
    text = "예산 2.5억원을 투입한다. 또한 수출을 지원한다.\n올해는 20개사를 지원했다"
    assert split_sentences(text) == [
        "예산 2.5억원을 투입한다.",
        "또한 수출을 지원한다.",
        "올해는 20개사를 지원했다",
    ]


@pytest.mark.parametrize(
    ("sentence", "quoted"),
    [
        ("☞ 경영 컨설팅이 필요한 일반 · 휴게 배달음식점", "경영 컨설팅이 필요한 일반 · 휴게 배달음식점"),
        ("-\u00a0☞  제조기업   대상", "제조기업 대상"),
        ("① 인공지능 특화교육", "인공지능 특화교육"),
        ("1) 기술개발 지원", "기술개발 지원"),
        ("(2) 판로 지원", "판로 지원"),
        # Numbers that are content stay: an amount, a year, a decimal.
        ("1.5억원 이내 지원", "1.5억원 이내 지원"),
        ("2025년 수출 지원", "2025년 수출 지원"),
        ("· 중소기업 · 소상공인", "중소기업 · 소상공인"),
    ],
)
def test_quotable_drops_list_markers_and_keeps_the_words(sentence, quoted):
    assert quotable(sentence) == quoted


def test_an_articles_text_is_quoted_without_file_names_and_empty_runs():
    # A line that is only a file's name goes; a sentence or list item naming a file stays.
    copied = (
        "구미시, 신성장엔진 확보!\n\n\n459ad4feb4f7fbf4b91a02c7b1a91a50_1630939191_6818.jpg\n \n\n"
        "구미시는 이차전지 산업을 육성한다.   \n \n\n\n붙임 1. 공고문.hwp\n사업계획서양식.HWPX\n"
        "문의: 투자기업과 (첨부 파일은 공고문.pdf 참조)"
    )
    assert readable_text(copied) == (
        "구미시, 신성장엔진 확보!\n\n구미시는 이차전지 산업을 육성한다.\n\n붙임 1. 공고문.hwp\n"
        "문의: 투자기업과 (첨부 파일은 공고문.pdf 참조)"
    )


def test_matched_words_are_the_words_as_the_program_writes_them():
    text = "2030 차세대 이차전지 응용산업 거점도시. 전지 소재와 연료전지, 이차 전지"
    # Morphemes the analyser split come back as the written compound, once, in order of appearance.
    assert matched_words(text, ["전지", "이차", "소재"]) == ["이차전지", "소재"]
    # Lone syllables and duplicates say nothing; a term the text does not show is still listed.
    assert matched_words("양극재 제조", ["양극", "재", "양극", "배터리"]) == ["양극재", "배터리"]
    assert matched_words("", ["전지"]) == ["전지"]
    assert term_spans("양극재 제조, 재활용", ["양극", "재", "제조"]) == [(0, 3), (4, 6)]


def test_markdown_from_a_converted_notice_reads_as_plain_text():
    converted = (
        "### 첨부: 2026년_모집공고(5).md\n\n# 2026년 사업 공고\n\n"
        "|![image 1](a.png)<br><br>![image 2](b.png)|\n"
        "| 구분 | 내용 |\n|---|:---:|\n| **신청기간** | 2026.4.1 ~ 4.30 |\n\n\n\n"
        "- ☞ 대상: [중소기업](https://example.kr)"
    )
    assert markdown_to_text(converted) == (
        "첨부: 2026년_모집공고(5)\n\n2026년 사업 공고\n\n"
        "구분 · 내용\n신청기간 · 2026.4.1 ~ 4.30\n\n- ☞ 대상: 중소기업"
    )
    # A quoted evidence line reads the same way; plain sentences are left as they are.
    assert quotable("| 신청기간 | 4.1 ~ 4.30 |") == "신청기간 · 4.1 ~ 4.30"
    plain = "구미시 소재 중소기업 (30개사) #1 | 우대"
    assert markdown_to_text(plain) == plain and quotable(plain) == plain
