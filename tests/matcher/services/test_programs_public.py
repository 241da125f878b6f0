from datetime import date

import pytest

from matcher.models import Program
from matcher.services.model_store import matcher_refit
from matcher.services.programs_public import similar_programs, title_topic
from tests.factories import make_program

POHANG = [{"sido": "경상북도", "sigungu": "포항시"}]


def test_title_topic_keeps_what_the_notice_is_about():
    assert (
        title_topic("[경북] 포항시 2026년 2차 스마트공장 구축 지원사업 공고")
        == "스마트공장 구축 지원사업 공고"
    )
    assert title_topic("2025년도 미래자동차 사업재편 지원") == "미래자동차 사업재편 지원"
    assert title_topic("K-스카우터") == "K-스카우터"


@pytest.mark.django_db
def test_similar_programs_share_the_topic_not_the_city():
    def published(title: str, **fields) -> Program:
        fields.setdefault("keywords", [])
        fields.setdefault("sectors", [])
        return make_program(title=title, status=Program.Status.PUBLISHED, summary=title, **fields)

    viewed = published("포항시 2026년 스마트공장 구축 지원", regions=POHANG)
    same_topic = published("스마트공장 구축 컨설팅 지원", nationwide=True, regions=[])
    same_city = published("포항시 2026년 관광 숙박업 홍보 지원", regions=POHANG)
    elsewhere = published("구미시 스마트공장 구축 지원", keywords=["스마트공장"])  # 구미-only
    for i, topic in enumerate(
        ["한식 음식점 위생", "섬유 디자인", "농산물 가공 판로", "소프트웨어 인력 양성"]
    ):
        published(f"{topic} 지원 {i}", nationwide=True, regions=[])
    matcher_refit()  # on these programs, not a model another test left in this process

    similar = [m.program for m in similar_programs(program=viewed)]
    assert similar and similar[0] == same_topic
    assert viewed not in similar and elsewhere not in similar  # itself; a program its home firm cannot join
    assert same_city not in similar[:1]

    # The same notice posted again under another id, open now so that its card is the one ranked: it is
    # this program, not a similar one.
    again = published("포항시 2026년 스마트공장 구축 지원", regions=POHANG, apply_start=date(2026, 1, 1))
    matcher_refit()
    similar = [m.program for m in similar_programs(program=viewed)]
    assert similar[0] == same_topic and again not in similar and viewed not in similar


@pytest.mark.django_db
def test_a_full_text_notice_is_quoted_without_its_conversions_markdown():
    import json

    from matcher.services.ingestion import ingest_file
    from matcher.services.programs_public import evidence_sentences, source_excerpt

    notice = {
        "id": "bizinfo_PBLN_000000000990001",
        "title": "2026년 수출 컨설팅 지원사업 공고",
        "structured_excerpt": {"pblancNm": "2026년 수출 컨설팅 지원사업 공고", "bsnsSumryCn": "<p>수출</p>"},
        "pdf_text": (
            "### 첨부: 2026년_수출컨설팅_공고문.md\n\n# 2026년 수출 컨설팅 지원사업 공고\n\n"
            "| 구분 | 내용 |\n|---|---|\n| 지원대상 | 경상북도 소재 중소기업 |\n"
            "| 신청기간 | 2026. 4. 1.(수) ~ 4. 30.(목) |\n\n**문의**: 054-000-0000"
        ),
    }
    ingest_file(name="notices.jsonl", content=(json.dumps(notice, ensure_ascii=False) + "\n").encode())
    program = Program.objects.get()
    excerpt = source_excerpt(program=program)
    assert "지원대상 · 경상북도 소재 중소기업" in excerpt and "첨부: 2026년_수출컨설팅_공고문\n" in excerpt
    assert not any(mark in excerpt for mark in ("|", "#", "**", "---", ".md"))
    # Evidence read from a table row is quoted the same way, so the page can mark it in the excerpt.
    quoted = evidence_sentences(program=program)
    assert quoted and not any("|" in q for q in quoted)
    assert any(q in excerpt for q in quoted if "경상북도" in q)
