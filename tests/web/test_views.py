import json
import re
from datetime import timedelta
from html import unescape
from urllib.parse import parse_qs, urlencode, urlparse

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from matcher.engine.regions import default_gazetteer
from matcher.models import Program
from tests.web.conftest import GUMI_EVIDENCE, make_program

GUMI = {"sector": "이차전지 양극재 제조", "sido": "경상북도", "sigungu": "구미시"}


def _results(client, language: str = "ko", **params):
    url = reverse("results") + "?" + urlencode(params, doseq=True)
    return client.get(url, HTTP_ACCEPT_LANGUAGE=language)


def _card_titles(html: str) -> list[str]:
    return re.findall(r'class="card-title"[^>]*><a href="[^"]+">([^<]*(?:&lt;[^<]*)*)</a>', html)


@pytest.mark.django_db
def test_home_form_is_accessible(client):
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="ko">' in html
    assert 'class="skip-link" href="#main"' in html
    for landmark in ("<header", "<nav", '<main id="main"', "<footer"):
        assert landmark in html
    fields = ("id_sector", "id_sido", "id_sigungu", "id_location", "id_firm_type", "id_years", "id_employees")
    for field in fields:
        assert f'for="{field}"' in html
    assert "<legend>소재지" in html
    # Without JavaScript the 시군구 select already lists every city, grouped by 시도.
    assert '<optgroup label="경상북도">' in html and '<option value="구미시">구미시</option>' in html
    assert "vendor/htmx.min.js" in html and "css/site.css" in html


def test_english_through_i18n(client, db):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en")
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "Find support programs for your business" in html
    assert "Skip to content" in html and "Industry" in html


def test_results_rank_an_eligible_matching_program(client, programs):
    response = _results(client, **GUMI)
    html = response.content.decode()
    assert response.status_code == 200
    gumi = programs["gumi"]
    assert gumi.title in html
    assert reverse("program_detail", args=[gumi.pk]) in html
    assert "29억원" in html  # 2,900,000,000 원
    assert "추천 이유" in html and "<mark>" in html
    # The shared words read as the program writes them, not as the analyser's pieces ('이차', '전지').
    shared = re.search(r'<p class="terms">(.*?)</p>', html, re.S).group(1)
    assert "<mark>이차전지</mark>" in shared and "<mark>이차</mark>" not in shared
    assert "구미5공단" in html or "시군구" in html or "산업단지" in html
    assert "적합도" in html


def test_a_scheme_guide_is_labelled_and_ranked_below_programs(client, programs):
    from tests.web.conftest import make_program

    guide = make_program(
        title="이차전지 양극재 제조 설비 투자 세액공제 안내",
        nationwide=True,
        summary=(
            "※ 본 내용은 지원사업이 아니라 조세지원제도에 대한 안내입니다. "
            "이차전지 양극재 제조 설비 세액공제."
        ),
    )
    html = _results(client, **GUMI).content.decode()
    titles = _card_titles(html)
    assert titles.index(programs["gumi"].title) < titles.index(guide.title)
    cards = {t: card for card in html.split('<li class="card">')[1:] for t in titles if t in card}
    assert "제도 안내 (신청 사업 아님)" in cards[guide.title]
    assert "제도 안내 (신청 사업 아님)" not in cards[programs["gumi"].title]


def test_eligibility_is_never_violated(client, programs):
    # A 포항 firm never sees the 구미시-only program, and vice versa.
    html = _results(client, sector="이차전지 양극재 제조", location="경북 포항시").content.decode()
    assert escape(programs["pohang"].title) in html
    assert programs["gumi"].title not in html
    html = _results(client, **GUMI).content.decode()
    assert escape(programs["pohang"].title) not in html


def test_an_industrial_complex_typed_as_the_location_is_its_city(client, programs):
    html = _results(client, sector="이차전지 양극재 제조", location="구미국가산업단지").content.decode()
    assert "경상북도 구미시 구미국가산업단지" in html  # what the search was read as
    assert programs["gumi"].title in html
    assert escape(programs["pohang"].title) not in html


def test_unpublished_programs_never_show(client, programs):
    html = _results(client, **GUMI).content.decode()
    assert programs["unpublished"].title not in html
    assert client.get(reverse("program_detail", args=[programs["unpublished"].pk])).status_code == 404
    assert client.get(reverse("program_detail", args=[999999])).status_code == 404


def test_script_input_is_refused_and_escaped(client, programs):
    response = _results(client, sector="<script>alert(1)</script>", sido="경상북도")
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "스크립트는 입력할 수 없습니다" in html


def test_program_text_is_escaped_in_results(client, programs):
    html = _results(client, sector="이차전지 장비", sido="경상북도", sigungu="구미시").content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt; 이차전지 장비 지원" in html
    assert "<script>alert(1)</script>" not in html
    assert "<b>장비</b>" not in html


def test_form_errors_are_korean(client, db):
    html = _results(client, sector="", sido="").content.decode()
    assert "입력 내용을 확인해 주세요" in html
    assert "업종을 입력해 주세요" in html
    assert "소재지를 선택하거나 주소를 입력해 주세요" in html


def test_unknown_region(client, db):
    html = _results(client, sector="카페", location="아틀란티스 어딘가").content.decode()
    assert "지역을 찾지 못했습니다" in html


def test_oversized_sector(client, db):
    html = _results(client, sector="가" * 500, sido="서울특별시").content.decode()
    assert "100자 이내로 입력해 주세요" in html


def test_pagination(client, many_programs):
    first = _results(client, sector="이차전지 공정", sido="서울특별시").content.decode()
    assert "1 / 3 페이지" in first
    assert "page=2" in first and 'rel="next"' in first
    third = _results(client, sector="이차전지 공정", sido="서울특별시", page=3).content.decode()
    assert 'rel="prev"' in third and 'rel="next"' not in third
    assert third.count('<li class="card">') == 5
    titles_1 = set(re.findall(r"이차전지 공정 개선 지원 \d\d", first))
    titles_3 = set(re.findall(r"이차전지 공정 개선 지원 \d\d", third))
    assert len(titles_1) == 10 and not titles_1 & titles_3
    assert _results(client, sector="이차전지", sido="서울특별시", page=0).status_code == 200
    bad_page = _results(client, sector="x", sido="서울특별시", page="x").content.decode()
    assert "페이지 번호가 올바르지 않습니다" in bad_page


def test_results_url_is_shareable(client, programs):
    # The same GET parameters give the same page: the URL is the whole state.
    first = _results(client, **GUMI).content.decode()
    second = _results(client, **GUMI).content.decode()
    assert _card_titles(first) == _card_titles(second) and _card_titles(first)


def test_empty_state_suggests_broadening(client, programs):
    html = _results(client, sector="우주 관광 호텔", sido="경상북도", sigungu="구미시").content.decode()
    assert "맞는 지원사업을 찾지 못했습니다" in html
    assert "다른 말로" in html
    assert "경상북도 전체로 찾기" in html


def _part(html: str, opening: str, closing: str) -> str:
    """The page from ``opening`` to the next ``closing``, or '' when it has no such part."""
    start = html.find(opening)
    return html[start : html.index(closing, start)] if start >= 0 else ""


def _word_notice(html: str) -> str:
    return _part(html, 'class="word-notice"', "</div>")


# A Gumi city program for any small business, whatever its words: the region's other programs.
GUMI_FUND = {
    "title": "구미시 소상공인 경영안정자금",
    "agency": "구미시",
    "regions": [{"sido": "경상북도", "sigungu": "구미시"}],
    "summary": "구미시 소재 소상공인에게 경영안정자금을 융자한다. 이자 2%를 보전한다.",
}


def test_the_page_names_the_sector_words_no_program_the_firm_may_apply_for_uses(client, programs):
    fund = make_program(**GUMI_FUND, evidence={"firm_types": ["소상공인"]})
    # Every word met: no notice; a card names the words it shares, or says it shares none.
    html = _results(client, **GUMI).content.decode()
    assert not _word_notice(html)
    cards = {_card_titles(card)[0]: card for card in html.split('<li class="card">')[1:]}
    gumi = cards[programs["gumi"].title]
    assert "겹치는 말: " in gumi and "겹치는 말 없음" not in gumi
    assert "겹치는 말 없음" in cards[fund.title]  # found by letters ('소재'), sharing no word
    # Its reason is what the program is, in its summary's first sentence, not a bare field value.
    assert "“구미시 소재 소상공인에게 경영안정자금을 융자한다.”" in cards[fund.title]
    # '리튬' is in no notice; the results still share '이차전지', so a plain line names it, no notice.
    html = _results(client, **{**GUMI, "sector": "이차전지 리튬"}).content.decode()
    assert '<p class="meta unmet-words">신청할 수 있는 사업의 제목·요약에 없는 말: ‘리튬’</p>' in html
    assert not _word_notice(html) and programs["gumi"].title in _card_titles(html)
    # Only letters found these ('전지박' meets '이차전지' in character n-grams): the page says so first,
    # and each card says it shares no word.
    html = _results(client, **{**GUMI, "sector": "전지박"}).content.decode()
    strong_line = "업종의 말이 들어간 사업이 없어, 글자나 관련 분야가 비슷한 사업을 보여 드립니다."
    assert strong_line in _word_notice(html) and "제목·요약에 없는 말: ‘전지박’" in _word_notice(html)
    ranked = html.split('<section class="local"')[0]
    assert _card_titles(ranked) and ranked.count("겹치는 말 없음") == len(_card_titles(ranked))
    # Such a page goes on with the city's own programs (however many letter matches: see the service test).
    assert _card_titles(_region_section(html)) == [fund.title]
    # A word only another city's programs use is unmet for a firm in Gumi, not for one in Pohang.
    words = {"sector": "포항 이차전지", "sido": "경상북도"}
    assert "없는 말: ‘포항’" in _results(client, sigungu="구미시", **words).content.decode()
    assert "없는 말" not in _results(client, sigungu="포항시", **words).content.decode()
    # Nothing found: the empty page names the word among its suggestions.
    html = _results(client, **{**GUMI, "sector": "리튬"}).content.decode()
    assert "맞는 지원사업을 찾지 못했습니다" in html and "제목·요약에 없는 말: ‘리튬’" in html


def _region_section(html: str) -> str:
    return _part(html, '<section class="local"', "</section>")


def test_a_short_list_goes_on_with_the_regions_programs_the_words_do_not_reach(client, programs):
    fund = make_program(**GUMI_FUND, support_types=["자금·융자"])
    html = _results(client, sector="우주 관광 호텔", sido="경상북도", sigungu="구미시").content.decode()
    assert "맞는 지원사업을 찾지 못했습니다" in html
    section = _region_section(html)
    assert "경상북도 구미시 기업이 신청할 수 있는 다른 지역 사업" in section
    # The city's program, described by its own first sentence; no fit score, as none was measured.
    assert _card_titles(section) == [fund.title]
    assert "구미시 소재 소상공인에게 경영안정자금을 융자한다." in section
    assert "사업 내용" in section and "적합도" not in section
    # Not another city's program, nor a nationwide one, nor support for manufacturers offered to a hotel.
    assert programs["pohang"].title not in html and programs["nationwide_closed"].title not in section
    assert programs["gumi"].title not in section

    # A program the words reach is a match, not repeated below.
    matched = _results(client, sector="소상공인 경영안정자금", sido="경상북도", sigungu="구미시")
    matched = matched.content.decode()
    assert fund.title in _card_titles(matched) and fund.title not in _region_section(matched)
    # Filters narrow on purpose: no extra section then.
    narrowed = _results(client, sector="우주 관광 호텔", sido="경상북도", sigungu="구미시", open_only="on")
    assert not _region_section(narrowed.content.decode())


def test_only_a_first_page_that_shares_no_word_says_so(client, programs):
    # Ten programs write the owner's word; two only share letters with it ('ZQY' for 'ZQX'), so they
    # fill page 2. Page 2 sharing no word says nothing of the search: page 1 did share it.
    for i in range(10):
        make_program(title=f"ZQX 부품 지원 {i}", nationwide=True, summary=f"ZQX 부품 {i}차 지원.")
    for i in range(2):
        make_program(title=f"ZQY 장비 지원 {i}", nationwide=True, summary=f"ZQY 장비 {i}차 지원.")
    others = ["조선", "항공", "우주", "섬유", "화학", "철강", "농업", "수산", "관광", "교육", "문화"]
    for word in others:  # so that letters in a dozen programs are not too common to count
        make_program(title=f"{word} 산업 육성", nationwide=True, summary=f"{word} 기업 육성.")
    first = _results(client, sector="ZQX", sido="경상북도", sigungu="구미시").content.decode()
    second = _results(client, sector="ZQX", sido="경상북도", sigungu="구미시", page=2).content.decode()
    assert "ZQY 장비 지원" not in first and not _word_notice(first)
    assert "ZQY 장비 지원" in second and "겹치는 말 없음" in second
    assert not _word_notice(second)


def test_a_notice_posted_twice_is_one_card_that_links_the_other_posting(client, programs):
    first = make_program(source_id="PBLN_1", **GUMI_FUND)
    again = make_program(source_id="PBLN_2", **GUMI_FUND)  # posted again under another id
    make_program(source_id="PBLN_3", **{**GUMI_FUND, "summary": "구미시 소상공인의 카드 수수료를 지원한다."})
    links = {
        first.pk: reverse("program_detail", args=[again.pk]),
        again.pk: reverse("program_detail", args=[first.pk]),
    }

    where = {"sido": "경상북도", "sigungu": "구미시"}

    def one_card_each(html: str) -> None:
        assert _card_titles(html).count(GUMI_FUND["title"]) == 2  # three postings, two notices
        assert html.count("같은 공고가 다른 번호로 한 번 더 게시되었습니다") == 1
        card = next(c for c in html.split('<li class="card">') if "같은 공고가" in c)
        shown = int(re.search(r'id="p(\d+)-title"', card).group(1))
        assert f'href="{links[shown]}' in card and ">PBLN_" in card

    # Among the region's programs the firm's words do not reach, and among its matches.
    one_card_each(_region_section(_results(client, sector="우주 관광 호텔", **where).content.decode()))
    found = _results(client, sector="소상공인 경영안정자금 융자", **where).content.decode()
    one_card_each(_part(found, '<ol class="cards"', "</ol>"))


def test_an_empty_filtered_page_says_how_many_fit_without_the_filters(client, programs):
    search = {**GUMI, "years": "3", "firm_type": "중소기업"}
    unfiltered = _results(client, **search).content.decode()
    total = int(re.search(r"에 맞는 지원사업 (\d+)건", unfiltered).group(1))
    html = _results(client, **search, support_type="입주공간", open_only="on").content.decode()
    assert "고른 조건에 맞는 사업이 없습니다" in html
    assert f"업종과 소재지에 맞는 사업이 {total}건 있습니다" in html
    link = re.search(r'href="([^"]*)">조건을 빼고 (\d+)건 보기', html)
    assert int(link.group(2)) == total
    # The link keeps the firm (its type and 업력 decide eligibility) and drops only the filters.
    query = parse_qs(urlparse(unescape(link.group(1))).query)
    assert query["years"] == ["3"] and query["firm_type"] == ["중소기업"] and query["sigungu"] == ["구미시"]
    assert "support_type" not in query and "open_only" not in query
    # When nothing fits even without filters, the page says so and offers no such link.
    nothing = _results(client, sector="우주 관광 호텔", sido="경상북도", open_only="on").content.decode()
    assert "맞는 지원사업을 찾지 못했습니다" in nothing and "조건을 빼고" not in nothing


def test_filters_support_type_and_open_only(client, programs):
    html = _results(client, **GUMI, support_type="수출·판로").content.decode()
    assert programs["nationwide_closed"].title in html
    assert programs["gumi"].title not in html
    html = _results(client, **GUMI, open_only="on").content.decode()
    assert programs["gumi"].title in html
    assert programs["nationwide_closed"].title not in html


def test_closing_soon_order_lists_open_programs_by_deadline(client, programs):
    today = timezone.localdate()
    soon = make_program(
        title="구미 중소기업 공정 개선 지원",
        regions=[{"sido": "경상북도", "sigungu": "구미시"}],
        keywords=["공정"],
        summary="구미 제조 중소기업(이차전지 포함)의 공정 개선을 지원한다.",
        apply_start=today - timedelta(days=3),
        apply_end=today + timedelta(days=4),
    )
    by_fit = _card_titles(_results(client, **GUMI).content.decode())
    html = _results(client, **GUMI, sort="closing").content.decode()
    titles = _card_titles(html)
    # Open with a deadline only, nearest first: not the closed one nor those stating no period.
    assert titles == [soon.title, programs["gumi"].title]
    assert by_fit.index(programs["gumi"].title) < by_fit.index(soon.title)  # the deadline decides
    assert "마감이 가까운 순" in html
    assert '<option value="closing" selected>' in html
    # Nothing open with a deadline: the page says so and offers the same search by fit.
    empty = _results(client, sector="이차전지 수출 판로", sido="서울특별시", sort="closing").content.decode()
    assert "접수 중이면서 마감일이 정해진 사업이 없습니다" in empty
    assert "sort=" not in re.search(r'href="([^"]*)">조건을 빼고 \d+건 보기', empty).group(1)
    bad = _results(client, **GUMI, sort="deadline").content.decode()
    assert "목록에 있는 정렬 방법을 선택해 주세요" in bad


def test_a_program_without_a_deadline_says_so(client, programs):
    today = timezone.localdate()
    rolling = make_program(
        title="구미 이차전지 양극재 상시 기술지원",
        regions=[{"sido": "경상북도", "sigungu": "구미시"}],
        summary="구미 이차전지 양극재 제조 기업 상시 기술지원.",
        apply_start=today - timedelta(days=300),
    )
    html = _results(client, **GUMI).content.decode()
    card = next(c for c in html.split('<li class="card">')[1:] if rolling.title in c)
    assert "마감일 미정" in card
    page = client.get(reverse("program_detail", args=[rolling.pk])).content.decode()
    assert "마감일 미정" in page
    assert (
        "마감일 미정"
        not in client.get(reverse("program_detail", args=[programs["gumi"].pk])).content.decode()
    )


def test_filters_are_kept_in_the_form(client, programs):
    html = _results(client, **GUMI, support_type="R&D", open_only="on").content.decode()
    assert 'value="R&amp;D" checked' in html
    assert 'name="open_only" value="on" checked' in html


def test_program_page_shows_every_field(client, programs):
    gumi = programs["gumi"]
    response = client.get(reverse("program_detail", args=[gumi.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    for text in (
        gumi.title,
        "구미시",
        "구미전자정보기술원",
        "경상북도 구미시",
        "구미5공단",
        "축전지 제조업",
        "29억원",
        "9억원",
        "054-000-0000",
        "https://www.gumi.go.kr/notice/1",
        "공고문 발췌",
        "접수 중",
    ):
        assert text in html, text
    # The evidence sentence is highlighted inside the announcement excerpt.
    assert f"<mark>{GUMI_EVIDENCE}</mark>" in html


def test_program_page_keeps_the_summarys_lines(client, programs):
    gumi = programs["gumi"]
    gumi.summary = "첫째 줄: 지원 목적\n\n☞ 지원 대상\n- 세부 내용"
    gumi.save(update_fields=["summary"])
    html = client.get(reverse("program_detail", args=[gumi.pk])).content.decode()
    assert "<p>첫째 줄: 지원 목적</p>" in html
    assert "<p>☞ 지원 대상<br>- 세부 내용</p>" in html


def _ingest_bizinfo(pblanc_id: str, title: str, agency: str, summary: str) -> Program:
    """One Bizinfo API record through the real ingestion, published."""
    from matcher.services.ingestion import ingest_file

    item = {"pblancId": pblanc_id, "pblancNm": title, "jrsdInsttNm": agency, "trgetNm": "중소기업"}
    item["bsnsSumryCn"] = summary
    ingest_file(name="a.json", content=json.dumps({"jsonArray": [item]}).encode(), publish=True)
    return Program.objects.get(source_id=pblanc_id)


def test_program_page_quotes_structured_records_as_text_never_json(client, db):
    from matcher.services.ingestion import ingest_file

    bizinfo = _ingest_bizinfo(
        "PBLN_000000000100009",
        "2025년 구미시 수출기업 지원사업 공고",
        "경상북도 구미시",
        "<p>수출 중소기업 해외 전시회 참가 지원</p>",
    )
    header = "year,section,type,no,title,summary,support,target,budget_eok,ministry,operator\n"
    cells = ("2024.0", "중앙부처", "", "1.0", "ㆍ예비창업패키지", "예비창업자 사업화 지원", "① 사업화자금")
    row = ",".join((*cells, "예비창업자", "629", "중기부", "창진원"))
    ingest_file(name="startup.csv", content=f"{header}{row}\n".encode(), publish=True)
    startup = Program.objects.get(source_id="kstartup2024:0")

    html = client.get(reverse("program_detail", args=[bizinfo.pk])).content.decode()
    assert "pblancId" not in html and "bsnsSumryCn" not in html
    assert "공고문 발췌" not in html  # the record's text is the summary already on the page
    html = client.get(reverse("program_detail", args=[startup.pk])).content.decode()
    assert '"target"' not in html and '"support"' not in html
    excerpt = html.split("공고문 발췌", 1)[1]  # the row's labelled cells say more than its summary
    assert "사업개요:" in excerpt and "지원내용:" in excerpt and "지원대상:" in excerpt


def test_program_page_says_what_each_evidence_sentence_supports(client, db):
    program = _ingest_bizinfo(
        "PBLN_000000000100010",
        "[경북] 2025년 구미시 수출기업 지원사업 공고",
        "경상북도",
        "<p>구미시 소재 수출기업의 해외 전시회 참가를 지원</p>",
    )
    html = client.get(reverse("program_detail", args=[program.pk])).content.decode()
    evidence = html.split("공고 근거 문장", 1)[1].split("</ul>", 1)[0]
    # The bare target cell '중소기업' is shown as what it is: the program's target.
    assert re.search(r'<span class="evidence-field">지원 대상</span> 중소기업</li>', evidence)
    assert '<span class="evidence-field">지역</span> [경북] 2025년 구미시' in evidence


def test_program_page_similar_programs_exclude_itself(client, programs):
    gumi = programs["gumi"]
    html = client.get(reverse("program_detail", args=[gumi.pk])).content.decode()
    similar = html.split("비슷한 지원사업", 1)[1] if "비슷한 지원사업" in html else ""
    assert reverse("program_detail", args=[gumi.pk]) not in similar
    assert escape(programs["pohang"].title) not in similar  # 포항-only: a 구미 firm could not apply


def test_program_page_escapes_program_text(client, programs):
    html = client.get(reverse("program_detail", args=[programs["xss"].pk])).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;b&gt;장비&lt;/b&gt;" in html


def test_sigungu_options_for_htmx(client, db):
    html = client.get(reverse("sigungu_options"), {"sido": "경상북도"}).content.decode()
    assert '<option value="구미시">' in html and '<option value="수원시">' not in html
    assert "<option" in client.get(reverse("sigungu_options"), {"sido": "<x>"}).content.decode()


def test_sector_suggestions(client, db):
    html = client.get(reverse("sector_suggest"), {"sector": "이차전지"}).content.decode()
    assert '<option value="운송장비용 이차전지 제조업">' in html
    data = client.get(reverse("sector_suggest"), {"q": "음식점", "format": "json"}).json()
    assert data["suggestions"] and all("음식점" in s["name"] for s in data["suggestions"])
    assert client.get(reverse("sector_suggest"), {"q": "", "format": "json"}).json()["suggestions"] == []


@override_settings(MATCH_RATE_LIMIT_PER_MINUTE=3)
def test_rate_limit_on_results_page(client, programs):
    codes = [_results(client, **GUMI).status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    response = _results(client, **GUMI)
    assert "요청이 너무 많습니다" in response.content.decode()
    assert response["Retry-After"] == "60"
    # Another client is not affected.
    other = client.get(reverse("results") + "?" + urlencode(GUMI), REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 200


def test_only_get_on_results(client, db):
    assert client.post(reverse("results"), GUMI).status_code == 405


def test_program_model_status_default_is_review(db):
    assert Program.objects.create(title="x").status == Program.Status.REVIEW


def test_english_catalogue_is_complete_and_compiled():
    from pathlib import Path

    locale = Path(__file__).resolve().parents[2] / "web" / "locale" / "en" / "LC_MESSAGES"
    po = (locale / "django.po").read_text(encoding="utf-8")
    entries = po.split("\n\n")[1:]  # the first block is the header
    untranslated = [e for e in entries if re.search(r'^msgstr(\[\d\])? ""$', e, re.M) and "msgid" in e]
    assert not untranslated, untranslated[:3]
    assert "#, fuzzy" not in po
    # The committed .mo matches the .po: every msgid is in the compiled catalogue.
    import gettext

    with (locale / "django.mo").open("rb") as handle:
        catalogue = gettext.GNUTranslations(handle)
    stale = []
    for context, msgid in re.findall(r'^(?:msgctxt "(.+)"\n)?msgid "(.+)"$', po, re.M):
        msgid = msgid.replace('\\"', '"')
        found = catalogue.pgettext(context, msgid) if context else catalogue.gettext(msgid)
        if found == msgid:
            stale.append(msgid)
    assert not stale, stale[:3]


def test_typed_address_fills_the_selects(client, programs):
    html = _results(client, sector="이차전지 양극재 제조", location="구미").content.decode()
    assert '<option value="경상북도" selected>' in html
    assert '<option value="구미시" selected>' in html
    assert "<optgroup" not in html  # only 경상북도's cities are listed


def test_program_page_lists_each_evidence_sentence_once(client, programs):
    gumi = programs["gumi"]
    gumi.evidence = {
        "firm_types": ["전남 창업 7년이내 청년 창업자"],
        "years": ["지원대상: 전남 창업 7년이내 청년 창업자"],
        "regions": ["☞ 구미시 소재  기업", "구미시 소재 기업"],
    }
    gumi.save(update_fields=["evidence"])
    html = client.get(reverse("program_detail", args=[gumi.pk])).content.decode()
    listed = html.split("공고 근거 문장", 1)[1].split("</ul>", 1)[0]
    assert listed.count("<li") == 2
    assert "지원대상: 전남 창업 7년이내 청년 창업자" in listed and "구미시 소재 기업" in listed


def test_a_program_outside_the_capital_area_is_never_shown_there(client, programs):
    outside = [
        {"sido": sido, "sigungu": None}
        for sido in default_gazetteer().sidos
        if sido not in ("서울특별시", "경기도")
    ]
    program = make_program(
        title="비수도권 팹리스 이차전지 칩 상용화 지원",
        regions=outside,
        summary="비수도권 (서울, 경기 제외) 내 본사 소재 이차전지 양극재 제조 중소기업을 지원한다.",
    )
    html = _results(client, sector="이차전지 양극재 제조", location="서울 강남구").content.decode()
    assert program.title not in html
    html = _results(client, sector="이차전지 양극재 제조", location="경기 화성시").content.decode()
    assert program.title not in html
    html = _results(client, sector="이차전지 양극재 제조", location="대구 북구").content.decode()
    assert program.title in html
    assert "전국 (서울·경기 제외) 기업 대상" in html  # why a 대구 firm may apply: not a 대구 program
    page = client.get(reverse("program_detail", args=[program.pk])).content.decode()
    assert "전국 (서울·경기 제외)" in page


def test_every_vocabulary_value_is_named_in_english():
    from django.utils import translation

    from matcher.models import FirmType, SupportType
    from web.vocabulary import VOCABULARY, vocabulary_label

    values = {*FirmType.values, *SupportType.values, "전국", "시도", "시군구", "산업단지"} - {"R&D"}
    assert values <= VOCABULARY
    with translation.override("en"):
        assert all(vocabulary_label(v) != v for v in values)
        assert vocabulary_label("컨설팅") == "Consulting"
        assert vocabulary_label("구미시") == "구미시"  # not a vocabulary value: as stored
    with translation.override("ko"):
        assert vocabulary_label("컨설팅") == "컨설팅"


def test_english_pages_name_support_and_firm_types_in_english(client, programs):
    client.cookies["django_language"] = "en"
    html = _results(client, **GUMI).content.decode()
    assert '<span class="tag">Prototyping</span>' in html
    assert '<span class="badge scope-산업단지">Industrial complex</span>' in html  # 구미5공단's program
    assert '<span class="tag">시제품</span>' not in html
    assert "<li>For SME located in 경상북도 구미시</li>" in html  # why: the matcher's reason, in English
    assert "<dd>Nationwide</dd>" in html  # a nationwide program's region
    page = client.get(reverse("program_detail", args=[programs["gumi"].pk])).content.decode()
    assert "<dd>SME</dd>" in page and '<span class="tag">Prototyping</span>' in page
    assert '<option value="중소기업">SME</option>' in html  # the form's choices, value unchanged


def test_open_programs_closing_soon_say_how_many_days_are_left(client, programs):
    gumi = programs["gumi"]  # open, closing in 20 days: no countdown yet
    html = _results(client, **GUMI).content.decode()
    assert "마감 D-" not in html and "오늘 마감" not in html
    gumi.apply_end = timezone.localdate() + timedelta(days=5)
    gumi.save(update_fields=["apply_end"])
    html = _results(client, **GUMI).content.decode()
    assert '<span class="badge closing">마감 D-5</span>' in html
    page = client.get(reverse("program_detail", args=[gumi.pk])).content.decode()
    assert '<span class="badge closing">마감 D-5</span>' in page
    gumi.apply_end = timezone.localdate()
    gumi.save(update_fields=["apply_end"])
    assert '<span class="badge closing">오늘 마감</span>' in _results(client, **GUMI).content.decode()
    # A closed program shows no countdown.
    gumi.apply_end = timezone.localdate() - timedelta(days=1)
    gumi.save(update_fields=["apply_end"])
    html = _results(client, **GUMI).content.decode()
    assert "badge closing" not in html


def test_program_page_states_a_least_headcount(client, programs):
    intern = make_program(
        title="일경험 인턴형 참여기업 모집",
        nationwide=True,
        employees_min=20,
        summary="인턴 인건비를 지원한다.",
        evidence={"employees_min": ["☞ 고용보험 피보험자 20인 이상 기업"]},
    )
    html = client.get(reverse("program_detail", args=[intern.pk])).content.decode()
    assert "<dt>상시근로자</dt><dd>20인 이상</dd>" in html
    assert "고용보험 피보험자 20인 이상 기업" in html  # the sentence it was read from
    english = client.get(
        reverse("program_detail", args=[intern.pk]), HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    assert "<dt>Employees</dt><dd>at least 20</dd>" in english
    # A 소상공인 never sees it among its matches; a 중소기업 sees why it may apply.
    small = _results(client, sector="인턴 인건비", sido="서울특별시", firm_type="소상공인").content.decode()
    assert intern.title not in small
    sme = _results(client, sector="인턴 인건비", sido="서울특별시", firm_type="중소기업").content.decode()
    assert intern.title in sme and "상시근로자 20인 이상" in sme


def test_an_owner_in_another_complex_does_not_see_a_complex_limited_program(client, programs):
    limited = make_program(
        title="광양국가산단 입주기업 화재감시 시스템 보급",
        regions=[{"sido": "전라남도", "sigungu": "광양시"}],
        site_limits=["광양국가산단"],
        keywords=["화재감시"],
        summary="입주기업에 IoT 화재감시 시스템을 보급한다.",
        evidence={"site_limits": ["☞ 광양국가산단 입주기업"]},
    )
    inside = _results(
        client, sector="화재감시 시스템", location="전남 광양시 광양국가산업단지"
    ).content.decode()
    assert limited.title in inside and "광양국가산단 입주 기업 대상" in inside
    elsewhere = _results(client, sector="화재감시 시스템", location="전남 광양시 익신산단").content.decode()
    assert limited.title not in elsewhere
    unsaid = _results(client, sector="화재감시 시스템", location="전남 광양시").content.decode()
    assert limited.title in unsaid and "입주 여부 확인 필요" in unsaid
    page = client.get(reverse("program_detail", args=[limited.pk])).content.decode()
    assert "<dt>입주 조건</dt><dd>광양국가산단</dd>" in page
    english = client.get(
        reverse("program_detail", args=[limited.pk]), HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    assert "<dt>Located in</dt>" in english


def test_a_program_open_to_firms_moving_in_says_so_to_its_own_and_to_firms_elsewhere(client, programs):
    subsidy = make_program(
        title="하남시 기업 투자유치 보조금 지원 대상기업 모집",
        regions=[{"sido": "경기도", "sigungu": "하남시"}],
        outside_applicants=Program.OutsideApplicants.MOVING_IN,
        firm_types=["중소기업"],
        keywords=["투자유치", "보조금"],
        summary="하남시 관내 신설ㆍ이전ㆍ확장을 계획 중인 기업에 투자유치 보조금을 지원한다.",
        evidence={"regions": ["☞ 하남시 관내 신설ㆍ이전ㆍ확장을 계획 또는 추진 중인 기업"]},
    )
    search = {"sector": "투자유치 보조금 공장 신설", "firm_type": "중소기업"}
    elsewhere = _results(client, **search, location="부산 해운대구").content.decode()
    assert subsidy.title in _card_titles(elsewhere)
    assert "경기도 하남시에 이전·신설하는 중소기업 대상 (지금 소재지 무관)" in elsewhere
    assert "경기도 하남시, 이전·신설하는 기업도 신청 가능" in elsewhere  # the card's regions
    own = _results(client, **search, location="경기 하남시").content.decode()
    assert subsidy.title in _card_titles(own) and "경기도 하남시 소재 중소기업 대상" in own
    english = _results(client, "en", **search, location="부산 해운대구").content.decode()
    assert "that move to or open a site in 경기도 하남시 (wherever they are now)" in english
    assert "also businesses moving or opening a site there" in english
    page = client.get(reverse("program_detail", args=[subsidy.pk])).content.decode()
    assert "<dd>경기도 하남시, 이전·신설하는 기업도 신청 가능</dd>" in page
    # Without the flag, the same program is 하남's firms' only (the stored row decides before any refit).
    subsidy.outside_applicants = Program.OutsideApplicants.NONE
    subsidy.save(update_fields=["outside_applicants"])
    elsewhere = _results(client, **search, location="부산 해운대구").content.decode()
    assert subsidy.title not in _card_titles(elsewhere)


def test_a_program_for_one_district_of_a_city_asks_the_district_typed_with_the_location(client, programs):
    workshop = make_program(
        title="전주시 소공인 작업현장 고도화 지원사업",
        regions=[{"sido": "전북특별자치도", "sigungu": "전주시"}],
        district_limits=["전주시 덕진구"],
        firm_types=["소상공인"],
        keywords=["금속가공", "작업환경"],
        summary="금속가공 소공인의 작업현장 환경 개선을 지원한다.",
        evidence={"district_limits": ["☞ 전주시 덕진구 내 상시근로자 10인미만 금속가공 제조업체"]},
    )
    search = {"sector": "금속가공 작업환경 개선", "firm_type": "소상공인"}
    inside = _results(client, **search, location="전북 전주시 덕진구").content.decode()
    assert workshop.title in _card_titles(inside)
    assert "전북특별자치도 전주시 덕진구 소재 소상공인 대상" in inside
    assert "<dd>전북특별자치도 전주시 덕진구</dd>" in inside  # the card's region
    other = _results(client, **search, location="전북 전주시 완산구").content.decode()
    assert workshop.title not in _card_titles(other)
    unsaid = _results(client, **search, location="전북 전주시").content.decode()
    assert workshop.title in _card_titles(unsaid) and "덕진구 소재 소상공인 대상 (구 확인 필요)" in unsaid
    english = _results(client, "en", **search, location="전북 전주시").content.decode()
    assert "located in 전북특별자치도 전주시 덕진구 (check your district)" in english


def test_a_headcount_on_the_form_decides_a_least_headcount(client, programs):
    intern = make_program(
        title="일경험 인턴형 참여기업 모집",
        nationwide=True,
        employees_min=20,
        summary="인턴 인건비를 지원한다.",
    )
    search = {"sector": "인턴 인건비", "sido": "서울특별시", "firm_type": "중소기업"}
    below = _results(client, **search, employees="19").content.decode()
    assert intern.title not in _card_titles(below)
    # The field keeps the number, so the owner sees what decided.
    assert 'name="employees" min="0" max="100000" step="1" inputmode="numeric" value="19"' in below
    assert intern.title in _card_titles(_results(client, **search, employees="20").content.decode())
    # A 소상공인 that says it employs 20 is not refused by its type's usual size.
    small = _results(client, **{**search, "firm_type": "소상공인"}, employees="20").content.decode()
    assert intern.title in _card_titles(small)


def test_a_headcount_opens_the_optional_block_and_a_wrong_one_is_a_korean_error(client, programs):
    assert '<details class="more">' in _results(client, **GUMI).content.decode()
    assert '<details class="more" open>' in _results(client, **GUMI, employees="12").content.decode()
    html = _results(client, **GUMI, employees="열두 명").content.decode()
    assert '<p class="error" id="employees-error">상시근로자 수는 숫자로 입력해 주세요. 예: 12</p>' in html
    assert 'aria-invalid="true" aria-describedby="employees-error"' in html
    assert '<details class="more" open>' in html
    assert programs["gumi"].title not in _card_titles(html)
    english = _results(client, "en", **GUMI, employees="-2").content.decode()
    assert '<label for="id_employees">Number of employees</label>' in english
    assert "The number of employees cannot be negative." in english


def test_the_dashboards_match_count_is_of_searches_not_of_program_pages(client, programs):
    from matcher.models import MatchLog

    page = client.get(reverse("program_detail", args=[programs["gumi"].pk])).content.decode()
    assert "비슷한 지원사업" in page  # the page ranked its similar programs …
    assert not MatchLog.objects.exists()  # … which is no match served to an owner
    _results(client, **GUMI)
    assert list(MatchLog.objects.values_list("sector", flat=True)) == [GUMI["sector"]]


def test_a_program_opened_from_the_results_says_whether_the_searching_firm_may_apply(client, programs):
    results = _results(client, **GUMI, years="3").content.decode()
    gumi, pohang = programs["gumi"], programs["pohang"]
    # The card links to the program page with the search, so the page knows the firm.
    link = unescape(re.search(rf'href="(/programs/{gumi.pk}/\?[^"]+)"', results).group(1))
    page = client.get(link).content.decode()
    assert "검색한 조건으로 신청할 수 있는 사업입니다" in page
    assert "경상북도 구미시 소재" in page  # the reason, as on the card
    assert re.search(r"겹치는 말: .*<mark>이차전지</mark>", page)
    crumbs = re.search(r'<nav class="crumbs".*?</nav>', page, re.S).group(0)
    back = parse_qs(urlparse(unescape(re.search(r'href="(/results/\?[^"]+)"', crumbs).group(1))).query)
    assert back["sigungu"] == ["구미시"] and back["years"] == ["3"]  # back to the same results

    # A 포항-only program seen with a 구미 search (a shared link): said plainly, with the reason.
    other = client.get(reverse("program_detail", args=[pohang.pk]), GUMI).content.decode()
    assert "검색한 조건으로는 신청 대상이 아닙니다" in other and "지역 불일치" in other
    # Without a search, or with one that does not validate, the page is the plain program page.
    for query in ({}, {"sector": "이차전지", "sido": "아틀란티스"}):
        plain = client.get(reverse("program_detail", args=[gumi.pk]), query).content.decode()
        assert 'class="fit' not in plain and "검색 결과" not in plain


def test_why_a_searching_firm_may_not_apply_is_said_in_the_pages_language(client, programs):
    page = client.get(
        reverse("program_detail", args=[programs["pohang"].pk]), GUMI, HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    assert "Your business cannot apply, by the search you made" in page
    assert "(not your location)" in page and "지역 불일치" not in page


def test_a_program_for_women_owned_firms_tells_a_searching_firm_to_tick_its_kind(client, programs):
    gumi = programs["gumi"]
    gumi.firm_types = ["중소기업", "여성기업"]
    gumi.save(update_fields=["firm_types"])
    hint = "이런 기업이라면 검색 조건의 ‘해당하는 기업 구분’에서 표시하고 다시 찾아 보세요"
    page = client.get(reverse("program_detail", args=[gumi.pk]), GUMI).content.decode()
    assert "검색한 조건으로는 신청 대상이 아닙니다" in page and hint in page and "여성기업" in page
    ticked = client.get(reverse("program_detail", args=[gumi.pk]), {**GUMI, "special_types": "여성기업"})
    assert "검색한 조건으로 신청할 수 있는 사업입니다" in ticked.content.decode()
    # Refused for its region as well, ticking would not help: no hint.
    pohang = programs["pohang"]
    pohang.firm_types = ["여성기업"]
    pohang.save(update_fields=["firm_types"])
    assert hint not in client.get(reverse("program_detail", args=[pohang.pk]), GUMI).content.decode()
