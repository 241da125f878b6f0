import pytest

from matcher.engine.analysis import analyze_to_string
from matcher.engine.eligibility import MOVING_IN, ProgramFacts
from matcher.engine.ranking import MatcherIndex, ProgramDoc, RankWeights, firm_query
from matcher.engine.regions import Region
from matcher.engine.support_kinds import is_information_only

GUMI = Region("경상북도", "구미시")
FILLER = [
    "관광 체험 콘텐츠 스타트업 육성 및 해양 관광 플랫폼",
    "수출 바우처 해외 전시회 참가 지원",
    "의료기기 인허가 및 임상 지원",
    "반도체 장비 부품 국산화 기술개발",
]


def _index(texts: list[str]) -> MatcherIndex:
    docs = [
        ProgramDoc(i, analyze_to_string(t), t, ProgramFacts(nationwide=True))
        for i, t in enumerate([*texts, *FILLER])
    ]
    return MatcherIndex.build(docs, n_components=4, use_ksic=False)


def _raw(index: MatcherIndex, query, weights: RankWeights) -> dict:
    ranked, _ = index.rank(query, limit=20, weights=weights)
    return {r.program_id: r for r in ranked}


def test_information_only_notices_are_recognised_by_what_they_say_of_themselves():
    guide = (
        "연구개발비 세액공제 안내(2025년 중소기업 조세지원)\n기타\n"
        "※ 본 내용은 지원사업이 아니라 조세지원제도에 대한 안내입니다."
    )
    assert is_information_only(guide)
    assert is_information_only("제도 안내\n이 공고는 지원사업이 아닙니다.")
    assert not is_information_only("2025년 연구개발 지원사업 참여기업 모집 공고\n지원사업 안내 및 신청 방법")
    # Only the opening counts: a later sentence about another scheme does not turn a call into a guide.
    assert not is_information_only(
        "연구개발 지원사업 모집 공고\n" + "지원 내용 " * 100 + "지원사업이 아닌 융자"
    )


def test_a_notice_that_is_not_a_program_ranks_below_a_call_for_applications():
    guide = (
        "연구개발비 세액공제 안내\n※ 본 내용은 지원사업이 아니라 조세지원제도에 대한 안내입니다.\n"
        "연구개발 비용 세액공제 연구개발 기업 연구개발"
    )
    call = "중소기업 연구개발 과제 참여기업 모집 공고\n기술 개발 과제 지원"
    index = _index([guide, call])
    query = firm_query(sector="연구개발", region=GUMI)
    unscaled = _raw(index, query, RankWeights(information_only=1.0))
    assert unscaled[0].raw_score > unscaled[1].raw_score  # the guide matches the words better
    shipped = _raw(index, query, RankWeights())
    assert shipped[0].information_only and not shipped[1].information_only
    assert shipped[0].raw_score == pytest.approx(unscaled[0].raw_score * RankWeights().information_only)
    assert shipped[1].raw_score > shipped[0].raw_score


@pytest.mark.parametrize(
    ("sector", "scaled"),
    [("한식 음식점 운영 식품", True), ("감귤 가공식품 제조", False)],
)
def test_support_for_manufacturers_counts_less_for_a_firm_that_makes_nothing(sector, scaled):
    smart_factory = "식품 스마트공장 구축 지원\n제조기업 공정 자동화 식품"
    generic = "소상공인 경영 개선 지원\n식품 온라인 판로"
    index = _index([smart_factory, generic])
    query = firm_query(sector=sector, region=GUMI)
    full = _raw(index, query, RankWeights(other_kind=1.0))
    shipped = _raw(index, query, RankWeights())
    factor = RankWeights().other_kind if scaled else 1.0
    assert shipped[0].raw_score == pytest.approx(full[0].raw_score * factor)
    assert shipped[1].raw_score == pytest.approx(full[1].raw_score)  # no manufacturing kind: unchanged


def test_the_title_view_is_built_on_first_use_and_favours_a_title_naming_the_industry():
    # Same words, but only one program names the industry in its title.
    named = "이차전지 양극재 시제품 지원\n중소기업 공정 개선"
    body_only = "중소기업 공정 개선 지원\n이차전지 양극재 시제품"
    index = _index([named, body_only])
    assert index._title_chars is None  # not built by the fit: the shipped weights give it 0
    query = firm_query(sector="이차전지 양극재", region=GUMI)
    plain = _raw(index, query, RankWeights(title=0.0))
    assert index._title_chars is None
    titled = _raw(index, query, RankWeights(title=0.5))
    assert index.title_chars().shape[0] == len(index)
    gain = {pid: titled[pid].similarity - plain[pid].similarity for pid in (0, 1)}
    assert gain[0] > gain[1] >= 0


def test_closing_first_orders_the_best_fitting_open_programs_by_deadline():
    from datetime import date

    today = date(2026, 12, 1)
    programs = [
        # (text, start, end)
        ("이차전지 양극재 소재 시제품 제작 지원", date(2026, 11, 1), date(2026, 12, 20)),
        ("이차전지 배터리 소재 기업 공정 개선 지원", date(2026, 11, 1), date(2026, 12, 5)),
        ("이차전지 양극재 소재 기업 상시 지원", date(2026, 11, 1), None),  # open, no deadline
        ("이차전지 양극재 소재 기술개발", date(2026, 10, 1), date(2026, 11, 20)),  # closed
        ("이차전지 분리막 소재 인증 지원", date(2026, 11, 1), date(2026, 12, 2)),
    ]
    docs = [
        ProgramDoc(i, analyze_to_string(t), t, ProgramFacts(nationwide=True), apply_start=s, apply_end=e)
        for i, (t, s, e) in enumerate(programs)
    ]
    docs += [
        ProgramDoc(10 + i, analyze_to_string(t), t, ProgramFacts(nationwide=True))
        for i, t in enumerate(FILLER)
    ]
    index = MatcherIndex.build(docs, n_components=4, use_ksic=False)
    query = firm_query(sector="이차전지 양극재 소재 제조", region=GUMI)

    ranked, total = index.rank(query, limit=10, today=today, closing_first=True)
    assert [r.program_id for r in ranked] == [4, 1, 0]  # by deadline; not the undated nor the closed one
    assert total == 3
    # Only the best-fitting few are sorted: a deadline does not lift a weaker fit into the list.
    by_fit = [r.program_id for r in index.rank(query, limit=10, today=today)[0] if r.program_id in (0, 1, 4)]
    ranked, total = index.rank(query, limit=10, today=today, closing_first=True, closing_pool=2)
    assert total == 2
    assert [r.program_id for r in ranked] == sorted(by_fit[:2], key=lambda i: programs[i][2])


def test_a_short_list_goes_on_with_the_firms_own_regions_programs_its_words_do_not_reach():
    from datetime import date

    today = date(2026, 12, 1)
    gyeongbuk, pohang = Region("경상북도"), Region("경상북도", "포항시")
    closed, open_now = (date(2026, 1, 1), date(2026, 2, 1)), (date(2026, 11, 1), date(2026, 12, 31))
    guide = "구미시 세제 안내\n※ 본 내용은 지원사업이 아니라 조세지원제도에 대한 안내입니다."
    programs = [
        # (id, text, regions, period)
        ("matched", "한식 음식점 위생 개선 지원", (GUMI,), None),
        ("city", "구미시 소상공인 경영 안정 자금", (GUMI,), None),
        ("province closed", "경북 중소기업 해외 전시회 참가", (gyeongbuk,), closed),
        ("province open", "경북 청년 고용 장려금", (gyeongbuk,), open_now),
        ("province undated", "경북 기업 환경 개선 사업", (gyeongbuk,), None),
        ("other city", "포항시 소상공인 카드 수수료 지원", (pohang,), None),
        ("nationwide", "중소기업 수출 바우처", (), None),
        ("guide", guide, (GUMI,), None),
        ("smart factory", "구미시 스마트공장 구축 지원\n제조기업 공정 자동화", (GUMI,), None),
    ]
    docs = [
        ProgramDoc(
            pid,
            analyze_to_string(text),
            text,
            ProgramFacts(nationwide=not regions, regions=regions),
            apply_start=period[0] if period else None,
            apply_end=period[1] if period else None,
        )
        for pid, text, regions, period in programs
    ]
    # No latent view: fitted on eight short texts it links every word to every other.
    index = MatcherIndex.build(docs, n_components=2, latent_weight=0.0, use_ksic=False)
    query = firm_query(sector="한식 음식점", region=GUMI)
    matched = {r.program_id for r in index.rank(query, limit=20, today=today)[0]}
    assert matched == {"matched"}

    local = index.local_unmatched(query, limit=10, today=today)
    # The city's program first, then the province's: open, then undated, then closed. Never another
    # city's, a nationwide one, one already matched, a guide, or a smart factory for a firm that makes
    # nothing.
    assert [r.program_id for r in local] == ["city", "province open", "province undated", "province closed"]
    assert all(r.decision.eligible for r in local)
    assert [r.is_open for r in local] == [None, True, None, False]
    assert [r.program_id for r in index.local_unmatched(query, limit=1, today=today)] == ["city"]
    # A maker can use a smart factory: it is among the maker's matches (the kind of support fits), so
    # not repeated among the region's other programs.
    maker = firm_query(sector="금형 제조", region=GUMI)
    assert "smart factory" in {r.program_id for r in index.rank(maker, limit=20, today=today)[0]}
    assert "smart factory" not in {r.program_id for r in index.local_unmatched(maker, limit=10, today=today)}


def test_the_headcount_a_firm_gives_reaches_the_index_eligibility():
    texts = ["이차전지 양극재 인턴 채용 지원", "이차전지 양극재 시제품 지원"]
    docs = [
        ProgramDoc(
            "twenty", analyze_to_string(texts[0]), texts[0], ProgramFacts(nationwide=True, employees_min=20)
        ),
        ProgramDoc("any", analyze_to_string(texts[1]), texts[1], ProgramFacts(nationwide=True)),
    ]
    docs += [
        ProgramDoc(10 + i, analyze_to_string(t), t, ProgramFacts(nationwide=True))
        for i, t in enumerate(FILLER)
    ]
    index = MatcherIndex.build(docs, n_components=4, use_ksic=False)

    def matched(**firm) -> set:
        query = firm_query(sector="이차전지 양극재", region=GUMI, firm_type="중소기업", **firm)
        assert query.firm.employees == firm.get("employees")
        return {r.program_id for r in index.rank(query, limit=20)[0]}

    assert matched() >= {"twenty", "any"}  # no headcount given: a 중소기업 is not excluded
    assert "twenty" not in matched(employees=19) and "any" in matched(employees=19)
    assert matched(employees=20) >= {"twenty", "any"}


def test_unmet_terms_are_the_owners_words_no_program_the_firm_may_apply_for_uses():
    pohang = Region("경상북도", "포항시")
    programs = [
        ("gumi", "구미시 음식점 위생 개선", (GUMI,)),
        ("pohang", "포항시 식당 주방 개선", (pohang,)),
        ("nationwide", "소상공인 경영 안정", ()),
    ]
    # Twenty more programs, each of some industry: '산업' is in most programs, too common to be a feature.
    industries = "조선 항공 우주 섬유 화학 철강 농업 수산 관광 교육 문화 금융 물류 건설 에너지 환경 게임 로봇"
    industries += " 식품 의료"
    programs += [(w, f"{w} 산업 육성", ()) for w in industries.split()]
    docs = [
        ProgramDoc(pid, analyze_to_string(text), text, ProgramFacts(nationwide=not regions, regions=regions))
        for pid, text, regions in programs
    ]
    index = MatcherIndex.build(docs, n_components=2, use_ksic=False)
    assert "산업" in index.model.common_terms_ and "산업" not in index.model.word_vectorizer_.vocabulary_

    def unmet(region: Region, words: str) -> list[str]:
        query = firm_query(sector=words, region=region)
        return index.unmet_terms(query, analyze_to_string(words).split())

    # '식당' is only in Pohang's notice: unmet for a firm in Gumi, met for one in Pohang. A word no
    # program uses is unmet everywhere, and named once; a word too common to be a feature is not unmet.
    assert unmet(GUMI, "식당 음식점 미용실 산업") == ["식당", "미용실"]
    assert unmet(pohang, "식당 음식점 미용실 산업 미용실") == ["음식점", "미용실"]
    assert unmet(GUMI, "조선 식품") == []


def test_eligibility_is_remembered_read_only_and_not_pickled():
    import pickle

    index = _index(["이차전지 양극재 시제품 지원"])
    query = firm_query(sector="이차전지", region=GUMI)
    first = index.eligibility(query.firm)
    assert index.eligibility(query.firm) is first  # the same answer, not computed again
    with pytest.raises(ValueError):
        first[0][0] = False  # no caller can change another's answer
    other = firm_query(sector="이차전지", region=Region("경상북도", "포항시"))
    assert index.eligibility(other.firm) is not first
    copy = pickle.loads(pickle.dumps(index))
    assert "_eligibility_cache" not in copy.__dict__
    assert [r.program_id for r in copy.rank(query)[0]] == [r.program_id for r in index.rank(query)[0]]


def test_words_no_eligible_program_uses_leave_the_word_view_and_their_letters_stay():
    pohang = Region("경상북도", "포항시")
    programs = [
        ("gumi", "구미시 가공 기업 설비 지원", (GUMI,)),
        ("pohang", "포항시 도금 용접 기업 지원", (pohang,)),
    ]
    docs = [
        ProgramDoc(pid, analyze_to_string(text), text, ProgramFacts(nationwide=False, regions=regions))
        for pid, text, regions in programs
    ]
    docs += [
        ProgramDoc(10 + i, analyze_to_string(t), t, ProgramFacts(nationwide=True))
        for i, t in enumerate(FILLER)
    ]
    # No latent view: on six short texts it links every word to every other.
    index = MatcherIndex.build(docs, n_components=2, latent_weight=0.0, use_ksic=False)
    query = firm_query(sector="도금 용접 가공", region=GUMI)
    focused = index.focused(query)
    # '도금' and '용접' are only in Pohang's notice: a firm in Gumi's query keeps '가공' and every letter.
    assert focused.terms.split() == ["가공", "가공"] and focused.text == query.text
    # A firm in Pohang keeps those two and loses '가공', which only Gumi's notice uses.
    assert index.focused(firm_query(sector="도금 용접 가공", region=pohang)).terms == "도금 용접 도금 용접"

    def similarity(drop_unmet: bool) -> float:
        ranked, _ = index.rank(query, weights=RankWeights(drop_unmet=drop_unmet))
        return next(r.similarity for r in ranked if r.program_id == "gumi")

    # The word that meets Gumi's program is no longer diluted by the two that cannot.
    assert similarity(True) > similarity(False)

    # The score bar keeps them: the program met one word of three, not the firm's whole description.
    share = index.met_share(query)
    assert 0 < share < 0.5
    assert index.met_share(firm_query(sector="가공", region=GUMI)) == 1.0
    alone = {r.program_id: r for r in index.rank(firm_query(sector="가공", region=GUMI))[0]}
    with_unmet = {r.program_id: r for r in index.rank(query)[0]}
    # The bar is the square root of the final score over the best possible; the unmet words scale it.
    ratio = with_unmet["gumi"].raw_score * share / alone["gumi"].raw_score
    assert with_unmet["gumi"].score == pytest.approx(alone["gumi"].score * ratio**0.5, rel=1e-4)
    assert with_unmet["gumi"].score < alone["gumi"].score


def test_programs_of_one_region_differ_in_whether_outsiders_may_apply():
    # The index groups programs by their region rules; who else may apply is one of them.
    text = "이차전지 양극재 기업 유치 지원"
    docs = [
        ProgramDoc("local", analyze_to_string(text), text, ProgramFacts(regions=(GUMI,))),
        ProgramDoc(
            "movers",
            analyze_to_string(text),
            text,
            ProgramFacts(regions=(GUMI,), outside_applicants=MOVING_IN),
        ),
    ]
    docs += [
        ProgramDoc(10 + i, analyze_to_string(t), t, ProgramFacts(nationwide=True))
        for i, t in enumerate(FILLER)
    ]
    index = MatcherIndex.build(docs, n_components=4, use_ksic=False)

    def ranked(region: Region) -> dict:
        query = firm_query(sector="이차전지 양극재", region=region)
        return {r.program_id: r for r in index.rank(query, limit=20)[0]}

    assert ranked(GUMI).keys() >= {"local", "movers"}
    assert ranked(GUMI)["movers"].decision.region_level == 2
    elsewhere = ranked(Region("부산광역시", "해운대구"))
    assert "local" not in elsewhere and elsewhere["movers"].decision.region_level == 0


def test_a_district_typed_by_the_firm_reaches_the_index_eligibility():
    jeonju = Region("전북특별자치도", "전주시")
    text = "금속가공 소공인 작업환경 개선 지원"
    docs = [
        ProgramDoc(
            "deokjin",
            analyze_to_string(text),
            text,
            ProgramFacts(regions=(jeonju,), district_limits=("전주시 덕진구",)),
        ),
        ProgramDoc("city", analyze_to_string(text), text, ProgramFacts(regions=(jeonju,))),
    ]
    docs += [
        ProgramDoc(10 + i, analyze_to_string(t), t, ProgramFacts(nationwide=True))
        for i, t in enumerate(FILLER)
    ]
    index = MatcherIndex.build(docs, n_components=4, use_ksic=False)

    def ranked(district: str) -> set:
        query = firm_query(sector="금속가공 작업환경", region=jeonju, district=district)
        return {r.program_id for r in index.rank(query, limit=20)[0]}

    assert ranked("전주시 덕진구") >= {"deokjin", "city"}
    assert "deokjin" not in ranked("전주시 완산구") and "city" in ranked("전주시 완산구")
    assert ranked("") >= {"deokjin", "city"}  # not said: shown, to be checked


def test_a_notice_posted_again_under_another_id_fills_one_place_and_names_the_other():
    from datetime import date

    today = date(2026, 12, 1)
    gumi, pohang = ProgramFacts(regions=(GUMI,)), ProgramFacts(regions=(Region("경상북도", "포항시"),))
    helpdesk = "구미 방산 헬프데스크 기업 모집\n방산 부품 기업의 경영 기술 지원"
    docs = [
        ProgramDoc("first", analyze_to_string(helpdesk), helpdesk, gumi),
        # The same text for the same firms, posted again with a period: open now.
        ProgramDoc(
            "again",
            analyze_to_string(helpdesk),
            helpdesk,
            gumi,
            apply_start=date(2026, 11, 1),
            apply_end=date(2026, 12, 31),
        ),
        # The same words for another city's firms: another program, and not this firm's.
        ProgramDoc("pohang", analyze_to_string(helpdesk), helpdesk, pohang),
        ProgramDoc("parts", analyze_to_string("방산 부품 국산화 개발"), "방산 부품 국산화 개발", gumi),
        *[
            ProgramDoc(f"f{i}", analyze_to_string(t), t, ProgramFacts(nationwide=True))
            for i, t in enumerate(FILLER)
        ],
    ]
    index = MatcherIndex.build(docs, n_components=2, latent_weight=0.0, use_ksic=False)
    query = firm_query(sector="방산 부품 제조", region=GUMI)

    ranked, total = index.rank(query, limit=10, today=today)
    ids = [r.program_id for r in ranked]
    # The open posting stands for both (the open bonus decides between equal fits) and names the other.
    assert "again" in ids and "first" not in ids and "pohang" not in ids
    assert total == len(ids)  # the count is of places, not postings
    assert {r.program_id: r.reposts for r in ranked if r.reposts} == {"again": ["first"]}
    # With no open bonus the tie goes to the posting whose period ends last ('first' states none).
    flat, _ = index.rank(query, limit=10, today=today, weights=RankWeights(open=0.0))
    assert [r.program_id for r in flat if r.reposts] == ["first"]
    # Among the region's programs a firm's words do not reach, too, the notice is listed once.
    restaurant = firm_query(sector="한식 음식점", region=GUMI)
    local = index.local_unmatched(restaurant, limit=10, today=today)
    assert [r.program_id for r in local if r.program_id in ("first", "again")] == ["again"]
    assert next(r.reposts for r in local if r.program_id == "again") == ["first"]
