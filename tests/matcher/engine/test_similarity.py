import numpy as np
import pytest
from sklearn.base import clone
from sklearn.exceptions import NotFittedError

from matcher.engine.analysis import analyze_to_string
from matcher.engine.eligibility import FirmFacts, ProgramFacts
from matcher.engine.ranking import MatcherIndex, ProgramDoc, RankWeights, firm_query
from matcher.engine.regions import Region
from matcher.engine.similarity import ProgramSimilarity

TEXTS = [
    "이차전지 배터리 소재부품 특화단지 조성 및 배터리 성능 인증센터 구축",
    "전기차 배터리관리시스템 BMS 소프트웨어 개발 지원",
    "스마트공장 구축 및 고도화 지원, 제조기업 공정 자동화",
    "농산물 가공식품 판로 개척 및 온라인 마케팅 지원",
    "관광 체험 콘텐츠 스타트업 육성 및 해양 관광 플랫폼",
    "수출 바우처 해외 전시회 참가 지원",
    "의료기기 인허가 및 임상 지원",
    "반도체 장비 부품 국산화 기술개발",
]
DOCS = [(analyze_to_string(t), t) for t in TEXTS]


def test_estimator_contract_and_scores():
    model = ProgramSimilarity(n_components=4)
    assert model.get_params()["n_components"] == 4
    with pytest.raises(NotFittedError):
        model.transform(DOCS[:1])
    assert model.fit(DOCS) is model
    assert hasattr(model, "word_vectorizer_") and model.n_documents_ == len(DOCS)
    clone(model)  # parameters only, sklearn-style
    programs = model.transform(DOCS)
    assert programs.shape[0] == len(DOCS)
    query = model.transform([(analyze_to_string("배터리 관리 시스템 BMS"), "배터리 관리 시스템 BMS")])
    sims = model.similarity(query, programs)[0]
    assert np.argmax(sims) == 1
    assert sims[1] > sims[3]
    # Self-similarity is the maximum for each document.
    full = model.similarity(programs, programs)
    assert np.allclose(np.diag(full), full.max(axis=1), atol=1e-5)


def test_index_ranks_and_respects_region_and_prefers_local():
    gumi, pohang = Region("경상북도", "구미시"), Region("경상북도", "포항시")
    docs = [
        ProgramDoc(0, DOCS[2][0], DOCS[2][1], ProgramFacts(nationwide=True)),
        ProgramDoc(1, DOCS[2][0], DOCS[2][1], ProgramFacts(regions=(gumi,))),
        ProgramDoc(2, DOCS[2][0], DOCS[2][1], ProgramFacts(regions=(pohang,))),
        *[ProgramDoc(i + 3, t, x, ProgramFacts(nationwide=True)) for i, (t, x) in enumerate(DOCS)],
    ]
    index = MatcherIndex.build(docs, n_components=4, use_ksic=False)
    query = firm_query(sector="스마트공장 자동화", region=gumi, firm_type="중소기업", years=10)
    ranked, total = index.rank(query, limit=5)
    ids = [r.program_id for r in ranked]
    assert 2 not in ids  # 포항시 program never shown to a 구미 firm
    assert ids[0] == 1  # the 구미시 program above the nationwide one at equal fit
    assert ranked[0].matched_terms and ranked[0].decision.eligible
    assert total >= 2
    assert 0 <= ranked[0].score <= 1
    flat, _ = index.rank(query, limit=5, weights=RankWeights(region=0, type_fit=0, open=0))
    assert {flat[0].program_id, flat[1].program_id} >= {0, 1} or flat[0].similarity == flat[1].similarity
    assert FirmFacts(gumi).region == gumi


def test_fast_query_path_equals_transform():
    model = ProgramSimilarity(n_components=4).fit(DOCS)
    query = (analyze_to_string("배터리 관리 시스템 BMS"), "배터리 관리 시스템 BMS")
    sparse, latent = model.transform_parts([query])
    v = model.transform_query(*query)
    n_words = len(model.word_vectorizer_.vocabulary_)
    indices = np.concatenate([v.word_indices, v.char_indices + n_words])
    values = np.concatenate([v.word_values, v.char_values])
    fast_latent = v.latent
    dense = np.zeros(sparse.shape[1])
    dense[indices] = values
    assert np.allclose(dense, sparse.toarray()[0], atol=1e-5)
    assert np.allclose(fast_latent, latent[0], atol=1e-5)


def test_fit_transform_parts_equals_fit_then_transform():
    a = ProgramSimilarity(n_components=4)
    sparse_a, latent_a = a.fit_transform_parts(DOCS)
    b = ProgramSimilarity(n_components=4).fit(DOCS)
    sparse_b, latent_b = b.transform_parts(DOCS)
    assert np.allclose(sparse_a.toarray(), sparse_b.toarray(), atol=1e-5)
    assert np.allclose(latent_a, latent_b, atol=1e-4)


def test_abbreviations_are_learned_only_when_the_corpus_attests_them():
    from matcher.engine.similarity import learn_abbreviations

    corpus = [
        "방위 산업 방산 기업 지원",
        "방산 혁신 클러스터 방위 산업 육성",
        "수출 산업 지원",
        "수산 가공 지원",
        "수산 양식 지원",
        "수출 산업 육성",
    ]
    links = learn_abbreviations(corpus)
    assert links == {"방산": "방위 산업"}  # '수산' is its own word, not '수출 산업'
    # A pair found in nearly every document co-occurs with any word: '지사' (a branch office) is not
    # short for '지원 사업', though every notice naming a 지사 also says 지원 사업.
    notices = [
        f"지원 사업 {topic}" for topic in ("해외 지사 설립", "지사 개설 수출", "스마트 공장", "수출 바우처")
    ]
    assert "지사" not in learn_abbreviations(notices)
    assert learn_abbreviations(notices, min_lift=1.0) == {"지사": "지원 사업"}  # the old rule's mistake
    model = ProgramSimilarity(n_components=2).fit([(t, t) for t in corpus])
    assert model.expand_query("방산 부품") == "방산 부품 방위 산업"


def test_a_province_programs_specificity_lies_between_nationwide_and_the_citys():
    gumi, gyeongbuk = Region("경상북도", "구미시"), Region("경상북도")
    docs = [
        ProgramDoc("nationwide", DOCS[2][0], DOCS[2][1], ProgramFacts(nationwide=True)),
        ProgramDoc("province", DOCS[2][0], DOCS[2][1], ProgramFacts(regions=(gyeongbuk,))),
        ProgramDoc("city", DOCS[2][0], DOCS[2][1], ProgramFacts(regions=(gumi,))),
        # The others (not DOCS[2] again: nationwide, it would be the first one posted twice).
        *[ProgramDoc(i, t, x, ProgramFacts(nationwide=True)) for i, (t, x) in enumerate(DOCS) if i != 2],
    ]
    index = MatcherIndex.build(docs, n_components=4, use_ksic=False)
    query = firm_query(sector="스마트공장 자동화", region=gumi)

    def scores(**weights) -> dict:
        ranked, _ = index.rank(query, limit=10, weights=RankWeights(open=0, kind=0, type_fit=0, **weights))
        return {
            r.program_id: r.raw_score for r in ranked if r.program_id in ("nationwide", "province", "city")
        }

    halfway = scores(province=0.5, region=0.6)
    assert halfway["city"] > halfway["province"] > halfway["nationwide"]
    assert halfway["province"] == pytest.approx(halfway["nationwide"] * 1.3)
    assert halfway["city"] == pytest.approx(halfway["nationwide"] * 1.6)
    local = scores(province=1.0, region=0.6)
    assert local["province"] == pytest.approx(local["city"])
