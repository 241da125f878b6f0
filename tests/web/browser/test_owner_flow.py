"""An SME owner uses the site in a real browser: the form, the results, a program page."""

from __future__ import annotations

import re

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SECTOR = "이차전지 양극재 제조"
# The first search in a fresh process may fit the matcher's model (morphological analyser start-up).
FIRST_RESULTS_MS = 120_000


def _fill_form(page) -> None:
    page.get_by_label("업종").press_sequentially(SECTOR, delay=20)
    page.get_by_label("시도").select_option("경상북도")
    # htmx swaps the 시군구 options for the chosen 시도; wait for the grouped list to go.
    page.wait_for_function("document.querySelectorAll('#id_sigungu optgroup').length === 0")
    page.get_by_label("시군구").select_option("구미시")


def test_owner_finds_programs(live_server, programs, desktop, phone, screenshot_dir):
    page = desktop
    page.goto(live_server.url + "/")
    assert page.locator("html").get_attribute("lang") == "ko"
    page.screenshot(path=screenshot_dir / "form-desktop.png", full_page=True)

    _fill_form(page)
    # KSIC suggestions arrive in the datalist as the owner types.
    page.get_by_label("업종").fill("이차전지")
    page.wait_for_function("document.querySelectorAll('#sector-suggestions option').length > 0")
    page.get_by_label("업종").fill(SECTOR)
    page.get_by_role("button", name="지원사업 찾기").click()

    cards = page.locator("#results li.card")
    cards.first.wait_for(timeout=FIRST_RESULTS_MS)
    assert "/results/?" in page.url and "sigungu=" in page.url  # pushed, shareable URL
    # Focus moves to the results heading so keyboard users land on the results.
    page.wait_for_function("document.activeElement && document.activeElement.id === 'results-title'")
    text = page.locator("#results").inner_text()
    assert programs["gumi"].title in text
    assert programs["pohang"].title not in text  # a 구미 firm never sees a 포항-only program
    assert programs["unpublished"].title not in text
    first = cards.first
    assert "추천 이유" in first.inner_text()
    assert first.locator("mark").count() > 0
    assert "29억원" in page.locator("#results").inner_text()
    page.screenshot(path=screenshot_dir / "results-desktop.png", full_page=True)

    # The pushed URL is the whole state: reloading it shows the same ranking.
    shared = page.url
    titles = cards.locator(".card-title").all_inner_texts()
    page.goto(shared)
    assert page.locator("#results li.card .card-title").all_inner_texts() == titles

    # Program page from the first matching card.
    page.get_by_role("link", name=programs["gumi"].title).click()
    page.wait_for_url(re.compile(r"/programs/\d+/\?.*sector="))  # the search comes along
    assert page.get_by_role("heading", level=1).inner_text() == programs["gumi"].title
    fit = page.get_by_role("region", name="검색한 조건으로 신청할 수 있는 사업입니다")
    assert "경상북도 구미시 소재" in fit.inner_text()
    assert page.locator("blockquote.excerpt mark").count() == 1
    page.screenshot(path=screenshot_dir / "program-desktop.png", full_page=True)
    page.get_by_role("navigation", name="이동 경로").get_by_role("link", name="검색 결과").click()
    page.wait_for_url(re.compile(r"/results/\?"))
    assert page.locator("#results li.card .card-title").all_inner_texts() == titles

    phone.goto(live_server.url + "/")
    phone.screenshot(path=screenshot_dir / "form-phone.png", full_page=True)
    # No sideways scrolling on a phone.
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    phone.goto(shared)
    phone.locator("#results li.card").first.wait_for()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    phone.screenshot(path=screenshot_dir / "results-phone.png", full_page=True)


def test_owner_orders_results_by_closing_date(live_server, programs, desktop):
    page = desktop
    page.goto(f"{live_server.url}/results/?sector={SECTOR}&sido=경상북도&sigungu=구미시")
    page.locator("#results li.card").first.wait_for(timeout=FIRST_RESULTS_MS)
    assert page.locator("#results li.card").count() > 1
    page.get_by_label("정렬").select_option("closing")
    page.get_by_role("button", name="지원사업 찾기").click()
    page.wait_for_url(re.compile(r"sort=closing"))
    page.get_by_text("마감이 가까운 순").wait_for()
    # Only programs open now that state a deadline: the closed one and the undated ones are gone.
    assert page.locator("#results li.card .card-title").all_inner_texts() == [programs["gumi"].title]
    assert page.get_by_label("정렬").input_value() == "closing"


def test_a_short_list_goes_on_with_the_regions_other_programs(live_server, programs, desktop, screenshot_dir):
    from tests.web.conftest import make_program

    fund = make_program(
        title="구미시 소상공인 경영안정자금",
        agency="구미시",
        regions=[{"sido": "경상북도", "sigungu": "구미시"}],
        summary="구미시 소재 소상공인에게 경영안정자금을 융자한다.",
    )
    page = desktop
    page.goto(live_server.url + "/")
    page.get_by_label("업종").fill("한식 음식점")
    page.get_by_label("또는 주소로 입력").fill("구미")
    page.get_by_role("button", name="지원사업 찾기").click()
    region = page.get_by_role("region", name="경상북도 구미시 기업이 신청할 수 있는 다른 지역 사업")
    region.wait_for(timeout=FIRST_RESULTS_MS)
    assert region.locator("li.card .card-title").all_inner_texts() == [fund.title]
    assert region.locator(".score-bar").count() == 0  # no fit was measured, so none is shown
    page.get_by_role("link", name=fund.title).click()
    page.wait_for_url(re.compile(r"/programs/\d+/(\?.*)?$"))
    assert page.get_by_role("heading", level=1).inner_text() == fund.title
    page.go_back()
    region.wait_for()
    page.screenshot(path=screenshot_dir / "results-region-programs.png", full_page=True)


def test_a_headcount_and_a_complex_decide_limits_below_the_city(
    live_server, programs, desktop, screenshot_dir
):
    from tests.web.conftest import make_program

    common = {"regions": [{"sido": "경상북도", "sigungu": "구미시"}], "keywords": ["이차전지"]}
    big = make_program(title="구미 이차전지 양극재 인턴 채용 지원", employees_min=20, **common)
    complex_only = make_program(
        title="구미국가산단 입주 이차전지 양극재 기업 실증 지원", site_limits=["구미국가산단"], **common
    )
    page = desktop
    page.goto(live_server.url + "/")
    page.get_by_label("업종").fill(SECTOR)
    page.get_by_label("또는 주소로 입력").fill("경북 구미시 구미5공단")
    page.get_by_text("더 알려 주면 더 정확해집니다").click()
    page.get_by_label("상시근로자 수(명)").fill("12")
    page.get_by_role("button", name="지원사업 찾기").click()
    page.locator("#results li.card").first.wait_for(timeout=FIRST_RESULTS_MS)
    titles = page.locator("#results li.card .card-title").all_inner_texts()
    assert complex_only.title in titles and big.title not in titles
    assert "구미국가산단 입주 기업 대상" in page.locator("#results").inner_text()
    page.screenshot(path=screenshot_dir / "results-headcount-complex.png", full_page=True)

    # Another complex of the same city, and a headcount that reaches the limit.
    page.get_by_label("또는 주소로 입력").fill("경북 구미시 해평농공단지")
    page.get_by_label("상시근로자 수(명)").fill("20")
    page.get_by_role("button", name="지원사업 찾기").click()
    page.wait_for_url(re.compile(r"employees=20"))
    page.locator("#results li.card").first.wait_for(timeout=FIRST_RESULTS_MS)
    titles = page.locator("#results li.card .card-title").all_inner_texts()
    assert big.title in titles and complex_only.title not in titles

    # A negative headcount is refused in Korean.
    page.get_by_label("상시근로자 수(명)").fill("-1")
    page.get_by_role("button", name="지원사업 찾기").click()
    page.get_by_text("상시근로자 수는 0 이상이어야 합니다.").first.wait_for()


def test_a_women_owned_firm_ticks_its_kind_and_finds_programs_for_it(live_server, programs, desktop):
    from tests.web.conftest import make_program

    women = make_program(
        title="구미 여성기업 이차전지 양극재 판로 지원",
        regions=[{"sido": "경상북도", "sigungu": "구미시"}],
        keywords=["이차전지"],
        firm_types=["중소기업", "여성기업"],
    )
    page = desktop
    page.goto(live_server.url + "/")
    _fill_form(page)
    page.get_by_role("button", name="지원사업 찾기").click()
    page.locator("#results li.card").first.wait_for(timeout=FIRST_RESULTS_MS)
    assert women.title not in page.locator("#results").inner_text()

    # The kinds of firm sit with the optional details, beside the firm type.
    page.get_by_text("더 알려 주면 더 정확해집니다").click()
    page.get_by_label("기업 유형").select_option("중소기업")
    page.get_by_role("checkbox", name="여성기업").check()
    page.get_by_role("button", name="지원사업 찾기").click()
    page.wait_for_url(re.compile(r"special_types="))
    page.get_by_role("link", name=women.title).wait_for(timeout=FIRST_RESULTS_MS)
    assert "중소기업·여성기업 대상" in page.locator("#results").inner_text()
    # The ticked box survives the round trip, so the next search keeps it.
    assert page.get_by_role("checkbox", name="여성기업").is_checked()


def test_typed_address_and_errors(live_server, programs, desktop, screenshot_dir):
    page = desktop
    page.goto(live_server.url + "/")
    page.get_by_role("button", name="지원사업 찾기").click()
    alert = page.locator("#results .error-summary")
    alert.wait_for()
    assert "업종을 입력해 주세요" in alert.inner_text()
    page.screenshot(path=screenshot_dir / "errors-desktop.png", full_page=True)

    page.get_by_label("업종").fill("<script>window.pwned=1</script>")
    page.get_by_label("또는 주소로 입력").fill("경북 포항시")
    page.get_by_role("button", name="지원사업 찾기").click()
    page.wait_for_function(
        "document.querySelector('#results').innerText.includes('스크립트')", timeout=FIRST_RESULTS_MS
    )
    assert page.evaluate("window.pwned") is None

    page.get_by_label("업종").fill(SECTOR)
    page.get_by_role("button", name="지원사업 찾기").click()
    page.locator("#results li.card").first.wait_for(timeout=FIRST_RESULTS_MS)
    text = page.locator("#results").inner_text()
    assert "포항" in text and programs["gumi"].title not in text


def test_keyboard_skip_link_and_focus(live_server, db, desktop):
    page = desktop
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert focused == "skip-link"
    assert page.locator(".skip-link").bounding_box()["y"] >= 0  # visible when focused
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"


def test_works_without_javascript(live_server, programs, no_js):
    page = no_js
    page.goto(live_server.url + "/")
    page.get_by_label("업종").fill(SECTOR)
    page.get_by_label("시도").select_option("경상북도")
    page.get_by_label("시군구").select_option("구미시")  # every city is listed, grouped by 시도
    page.get_by_role("button", name="지원사업 찾기").click()
    page.wait_for_url(re.compile(r"/results/\?"), timeout=FIRST_RESULTS_MS)
    assert programs["gumi"].title in page.locator("#results").inner_text()


def test_rate_limit_message_shows_in_place(live_server, programs, desktop, settings):
    settings.MATCH_RATE_LIMIT_PER_MINUTE = 1
    page = desktop
    page.goto(live_server.url + "/")
    page.get_by_label("업종").fill(SECTOR)
    page.get_by_label("또는 주소로 입력").fill("구미")
    page.get_by_role("button", name="지원사업 찾기").click()
    page.locator("#results li.card").first.wait_for(timeout=FIRST_RESULTS_MS)
    page.get_by_role("button", name="지원사업 찾기").click()
    page.wait_for_function("document.querySelector('#results').innerText.includes('요청이 너무 많습니다')")


CONTRAST_JS = """
() => {
  const rgb = (s) => (s.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => {
    const f = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const background = (el) => {
    for (let node = el; node; node = node.parentElement) {
      const c = rgb(getComputedStyle(node).backgroundColor);
      if (c.length === 3 || (c.length === 4 && c[3] > 0.9)) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const low = [];
  for (const el of document.querySelectorAll("body *")) {
    const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    if (!own || !el.getClientRects().length) continue;
    const a = lum(rgb(getComputedStyle(el).color).slice(0, 3));
    const b = lum(background(el));
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    if (ratio < 4.5) low.push(`${el.tagName}.${el.className}: ${ratio.toFixed(2)}`);
  }
  return low;
}
"""


def test_text_contrast_is_at_least_4_5(live_server, programs, desktop):
    page = desktop
    page.goto(live_server.url + "/results/?sector=이차전지+양극재+제조&sido=경상북도&sigungu=구미시")
    page.locator("#results li.card").first.wait_for(timeout=FIRST_RESULTS_MS)
    assert page.evaluate(CONTRAST_JS) == []
    page.goto(live_server.url + "/results/?sector=&sido=")
    assert page.evaluate(CONTRAST_JS) == []
    # The check itself finds a pale grey on white.
    pale = "<p class=pale style=color:#aaa>x</p>"
    page.evaluate(f"document.querySelector('main').insertAdjacentHTML('beforeend', '{pale}')")
    assert page.evaluate(CONTRAST_JS) == ["P.pale: 2.32"]


def test_owner_subscribes_to_alerts_for_a_search(
    live_server, programs, desktop, phone, screenshot_dir, settings
):
    from django.core import mail

    from matcher.models import SavedProfile

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    page = desktop
    page.goto(f"{live_server.url}/results/?sector={SECTOR}&sido=경상북도&sigungu=구미시&years=3")
    page.locator("#results li.card").first.wait_for(timeout=FIRST_RESULTS_MS)
    email = page.get_by_label("이메일 주소")
    email.fill("owner@")  # a slip: the server answers in Korean and keeps the search
    page.get_by_role("button", name="알림 신청").click()
    page.get_by_role("heading", name="지원사업 알림 신청").wait_for()
    assert "이메일 주소가 올바르지 않습니다" in page.locator("[role=alert]").inner_text()
    assert "경상북도 구미시" in page.locator("dl.facts").inner_text()
    assert page.get_by_label("이메일 주소").get_attribute("aria-invalid") == "true"
    page.screenshot(path=screenshot_dir / "alert-bad-email.png", full_page=True)
    page.get_by_label("이메일 주소").fill("owner@example.kr")
    page.get_by_role("button", name="알림 신청").click()
    page.get_by_role("heading", name="확인 메일을 보냈습니다").wait_for()
    profile = SavedProfile.objects.get()
    assert (profile.email, profile.sector, profile.sigungu, profile.years) == (
        "owner@example.kr",
        SECTOR,
        "구미시",
        3,
    )
    assert len(mail.outbox) == 1 and profile.confirmed_at is None  # alerts start once the link is followed

    phone.goto(f"{live_server.url}/results/?sector={SECTOR}&sido=경상북도&sigungu=구미시")
    phone.get_by_label("이메일 주소").wait_for(timeout=FIRST_RESULTS_MS)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
