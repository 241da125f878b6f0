"""The evaluation's two baselines: what a portal's keyword search with a 시도 filter would return."""

from matcher.engine.baselines import BM25Baseline, TitleKeywordBaseline, sido_admits
from matcher.engine.eligibility import ProgramFacts
from matcher.engine.regions import Region

GUMI = Region("경상북도", "구미시")
NATIONWIDE = ProgramFacts(nationwide=True)
POHANG = ProgramFacts(regions=(Region("경상북도", "포항시"),))
GWANGJU = ProgramFacts(regions=(Region("광주광역시"),))

PROGRAMS = [
    # (title, analysed terms, facts)
    ("이차전지 소재 실증 지원", "이차 전지 소재 실증 지원 이차 전지", NATIONWIDE),
    ("광주 이차전지 소재 지원", "광주 이차 전지 소재 지원", GWANGJU),
    ("포항 이차전지 기업 지원", "포항 이차 전지 기업 지원", POHANG),
    ("관광 숙박 홍보 지원", "관광 숙박 홍보 지원", NATIONWIDE),
    ("수출 바우처", "수출 바우처 해외 마케팅", NATIONWIDE),
]


def test_the_sido_filter_is_a_portals_not_the_matchers():
    assert sido_admits(NATIONWIDE, GUMI) and sido_admits(ProgramFacts(), GUMI)
    assert not sido_admits(GWANGJU, GUMI)
    # Only the 시도 is compared: another city of the same province passes, as on a portal.
    assert sido_admits(POHANG, GUMI)


def test_bm25_ranks_by_the_query_words_within_the_sido_and_stops_at_no_score():
    baseline = BM25Baseline([terms for _, terms, _ in PROGRAMS], [facts for *_, facts in PROGRAMS])
    ranked = baseline.rank("이차 전지 소재", GUMI)
    assert ranked[0] == 0  # both words, twice
    assert 1 not in ranked  # 광주's
    assert set(ranked) == {0, 2}  # nothing that shares no word
    assert baseline.rank("이차 전지 소재", GUMI, k=1) == [0]
    assert baseline.rank("양자 컴퓨팅", GUMI) == []


def test_title_keyword_counts_the_query_words_in_titles():
    baseline = TitleKeywordBaseline([title for title, *_ in PROGRAMS], [facts for *_, facts in PROGRAMS])
    # '이차전지' holds '전지'; '소재' is in the first title only; one-letter words are ignored.
    assert baseline.rank("전지 소재 a", GUMI) == [0, 2]
    assert baseline.rank("전지 소재", Region("광주광역시")) == [0, 1]
    assert baseline.rank("바우처", GUMI) == [4]
