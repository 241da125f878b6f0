# ruff: noqa: E501 -- a translation table reads best one entry a line
"""Fill web/locale/en/LC_MESSAGES/django.po from the table below (Korean source → English).

Run after `manage.py makemessages -l en --no-wrap -i "web/staff/*" -i "web/templates/staff/*" -i ".venv/*"`
(the staff workspace is in Korean only), then `manage.py compilemessages -i .venv`.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

PO = Path(__file__).resolve().parent.parent / "web" / "locale" / "en" / "LC_MESSAGES" / "django.po"

EN = {
    # The matcher's reasons a firm may apply (web/vocabulary.py; place names stay as written)
    "전국 {types} 대상": "Open to {types} nationwide",
    "전국 ({left_out} 제외) {types} 대상": "Open to {types} nationwide except {left_out}",
    "{where} 소재 {types} 대상": "For {types} located in {where}",
    "{where} 소재 {types} 대상 (구 확인 필요)": "For {types} located in {where} (check your district)",
    "{where}에 이전·신설하는 {types} 대상 (지금 소재지 무관)": (
        "For {types} that move to or open a site in {where} (wherever they are now)"
    ),
    "{where}에서 활동하는 {types} 대상 (소재지 무관)": "For {types} working in {where} (wherever they are based)",
    "업력 {low}년 초과 {high}년 이내": "In business for more than {low} and up to {high} years",
    "업력 {high}년 이내": "In business for up to {high} years",
    "업력 {low}년 초과": "In business for more than {low} years",
    "상시근로자 {low}인 이상": "At least {low} employees",
    "상시근로자": "Employees",
    "{sites} 입주 기업 대상": "For businesses in {sites}",
    "{sites} 입주 기업 대상 (입주 여부 확인 필요)": "For businesses in {sites} (check that yours is)",
    "{where} 소재 기업 대상 (지역 불일치)": "For businesses located in {where} (not your location)",
    "{where} 외 {more}곳 소재 기업 대상 (지역 불일치)": "For businesses located in {where} and {more} more (not your location)",
    "전국 ({left_out} 제외) 기업 대상 (지역 불일치)": "For businesses nationwide except {left_out} (not your location)",
    "{sites} 입주 기업 대상 (산업단지 불일치)": "For businesses in {sites} (not your industrial complex)",
    "학교·학생·개인 대상 (기업 지원 아님)": "For schools, students or individuals (not business support)",
    "지자체·공공기관 대상 (기업 지원 아님)": "For local governments or public bodies (not business support)",
    "학교·학생·개인": "Schools, students, individuals",
    "지자체·공공기관": "Local governments, public bodies",
    "{types} 대상": "For {types} only",
    "사업자 등록 기업 대상 (예비창업자 제외)": "For registered businesses (not would-be founders)",
    "창업 {high}년 이내 기업 대상": "For businesses founded up to {high} years ago",
    "업력 {high}년 이내 대상": "For businesses in business for up to {high} years",
    "업력 {low}년 초과 대상": "For businesses in business for more than {low} years",
    "상시근로자 {low}인 이상 기업 대상": "For businesses with at least {low} employees",
    "기업 유형 불일치": "Not for your type of business",
    "입주 조건": "Located in",
    "%(count)s인 이상": "at least %(count)s",
    "기업": "businesses",
    "오늘 마감": "Closes today",
    "마감 D-%(days)s": "Closing soon: D-%(days)s",
    # Firm types, support types and region scopes (web/vocabulary.py)
    "중소기업": "SME",
    "소상공인": "Small business",
    "창업기업": "Startup",
    "예비창업자": "Would-be founder",
    "중견기업": "Mid-sized company",
    "사회적기업": "Social enterprise",
    "여성기업": "Women-owned business",
    "장애인기업": "Disabled-owned business",
    "협동조합": "Cooperative",
    "자금·융자": "Funding and loans",
    "시설·장비": "Facilities and equipment",
    "시제품": "Prototyping",
    "인력": "Workforce",
    "수출·판로": "Export and sales channels",
    "컨설팅": "Consulting",
    "인증·시험": "Certification and testing",
    "창업": "Starting a business",
    "교육": "Training",
    "스마트공장": "Smart factory",
    "기반구축": "Infrastructure",
    "기업유치": "Business attraction",
    "마케팅·홍보": "Marketing and PR",
    "지식재산": "Intellectual property",
    "입주공간": "Office space",
    "경영안정": "Business stability",
    "전국": "Nationwide",
    "산업단지": "Industrial complex",
    "이전·신설하는 기업도 신청 가능": "also businesses moving or opening a site there",
    "지역에서 활동하는 기업이면 소재지 무관": "any business working there, wherever it is based",
    "장소": "Place",
    "지원 대상": "Eligible",
    "지원 내용": "Support",
    "이 조건으로 새 지원사업 알림 받기": "Get alerts for new programs matching this search",
    "새 지원사업 알림 받기": "Email me new matching programs",
    "알림 신청": "Subscribe",
    "확인 메일의 링크를 눌러야 알림이 시작됩니다. 언제든 해지할 수 있습니다.": (
        "Alerts start once you click the link in the confirmation email. You can unsubscribe at any time."
    ),
    "소재지를 선택하거나 주소를 입력해 주세요.": "Choose a province and city, or type an address.",
    "선택한 시도와 시군구가 맞지 않습니다. 다시 선택해 주세요.": (
        "The city you chose is not in that province. Please choose again."
    ),
    "‘%(typed)s’에서 지역을 찾지 못했습니다. ‘경북 구미시’처럼 시도와 시군구를 함께 적어 주세요.": (
        "No region found in ‘%(typed)s’. Type the province and city together, e.g. ‘경북 구미시’."
    ),
    "< > 기호나 스크립트는 입력할 수 없습니다. 글자로만 적어 주세요.": (
        "Symbols such as < > and scripts are not allowed. Please use plain words."
    ),
    "업종": "Industry",
    "업종을 입력해 주세요. 예: 이차전지 양극재 제조": "Please enter your industry, e.g. 이차전지 양극재 제조.",
    "업종은 %(limit_value)d자 이내로 입력해 주세요.": "Keep the industry within %(limit_value)d characters.",
    "주소로 입력": "Address",
    "주소는 %(limit_value)d자 이내로 입력해 주세요.": "Keep the address within %(limit_value)d characters.",
    "시도": "Province",
    "목록에 있는 시도를 선택해 주세요.": "Choose a province from the list.",
    "시군구": "City / district",
    "기업 유형": "Company type",
    "선택 안 함": "Not specified",
    "목록에 있는 기업 유형을 선택해 주세요.": "Choose a company type from the list.",
    "해당하는 기업 구분": "Kinds of business that apply to you",
    "목록에 있는 기업 구분을 선택해 주세요.": "Choose kinds of business from the list.",
    "여성기업·사회적기업 등만 신청할 수 있는 사업도 찾습니다.": "Also finds programs only such businesses (women-owned, social enterprises …) may apply for.",
    "이런 기업이라면 검색 조건의 ‘해당하는 기업 구분’에서 표시하고 다시 찾아 보세요": "If your business is one of these, tick it under ‘Kinds of business that apply to you’ and search again",
    "업력(년)": "Years in business",
    "업력은 숫자로 입력해 주세요. 예: 3": "Enter years in business as a number, e.g. 3.",
    "업력은 0 이상이어야 합니다.": "Years in business cannot be negative.",
    "업력은 100년 이하로 입력해 주세요.": "Years in business must be 100 or less.",
    "상시근로자 수(명)": "Number of employees",
    "KSIC 코드": "KSIC code",
    "KSIC 코드는 'C28202'처럼 영문 한 자와 숫자 다섯 자리로 입력해 주세요.": (
        "Enter the KSIC code as one letter and five digits, e.g. 'C28202'."
    ),
    "KSIC 코드 '%(code)s'을(를) 찾을 수 없습니다. 한국표준산업분류 11차 세세분류 코드를 입력해 주세요. 예: C28202": (
        "KSIC code '%(code)s' was not found. Enter a subclass code of the Korean Standard Industrial "
        "Classification (11th revision), e.g. C28202."
    ),
    "업종 제안 목록에 함께 보이는 한국표준산업분류 코드": "The industry classification code shown with a suggested industry",
    "상시근로자 수는 숫자로 입력해 주세요. 예: 12": "Enter the number of employees as a whole number, e.g. 12.",
    "상시근로자 수는 0 이상이어야 합니다.": "The number of employees cannot be negative.",
    "상시근로자 수는 %(limit_value)d명 이하로 입력해 주세요.": "The number of employees must be %(limit_value)d or less.",
    "사업 설명": "Business description",
    "사업 설명은 %(limit_value)d자 이내로 입력해 주세요.": (
        "Keep the description within %(limit_value)d characters."
    ),
    "지원 유형": "Support type",
    "목록에 있는 지원 유형을 선택해 주세요.": "Choose support types from the list.",
    "접수 중인 사업만": "Open for applications only",
    "페이지 번호가 올바르지 않습니다.": "Invalid page number.",
    "시도 선택": "Choose a province",
    "정렬": "Order",
    "추천순": "Best fit first",
    "마감 임박순": "Closing soonest first",
    "마감일 미정": "no deadline set",
    "접수 중이면서 마감일이 정해진 사업이 없습니다": "No open program with a set deadline",
    "목록에 있는 정렬 방법을 선택해 주세요.": "Choose an order from the list.",
    "본문으로 건너뛰기": "Skip to content",
    "지원사업 찾기": "Find programs",
    "주 메뉴": "Main menu",
    "API 안내": "API",
    "공고 원문과 기관 안내를 반드시 확인한 뒤 신청하세요. 추천은 참고용입니다.": (
        "Always check the original notice and the agency before applying. Recommendations are for reference."
    ),
    "우리 회사에 맞는 지원사업 찾기": "Find support programs for your business",
    "업종과 소재지만 알려 주세요. 신청할 수 있는 정부·지자체 지원사업을 맞는 순서대로 보여 드립니다.": (
        "Tell us your industry and location. We list the government and local programs you can apply for,"
        " best fit first."
    ),
    "접수 중": "Open",
    "접수 예정": "Opens soon",
    "마감": "Closed",
    "제도 안내 (신청 사업 아님)": "Scheme guide (nothing to apply for)",
    "기관": "Agency",
    "지역": "Region",
    "예산": "Budget",
    "접수": "Applications",
    "사업 기간": "Program period",
    "%(year)s년까지": "Until %(year)s",
    "적합도": "Fit",
    "추천 이유": "Why this program",
    "사업 내용": "What it offers",
    "%(where)s 기업이 신청할 수 있는 다른 지역 사업": "Other programs for businesses in %(where)s",
    "업종과 겹치는 말은 없지만 소재지로 신청할 수 있는 시도·시군구 사업입니다. 업종 조건은 공고에서 확인하세요.": "Programs of your province or city that your location qualifies you for, though they share no words with your industry. Check the notice for any industry condition.",
    "겹치는 말": "Matching words",
    "겹치는 말 없음: 글자나 관련 분야가 비슷해 찾은 사업입니다.": "No matching words: found because its spelling or field is close to yours.",
    "업종의 말이 들어간 사업이 없어, 글자나 관련 분야가 비슷한 사업을 보여 드립니다.": "No program uses the words of your industry, so these are programs whose spelling or field is close to yours.",
    "신청할 수 있는 사업의 제목·요약에 없는 말": "Words in no title or summary of a program you can apply for",
    "같은 업종을 뜻하는 다른 말이나 더 넓은 말로도 찾아 보세요. 예: ‘양극재’ 대신 ‘이차전지’, ‘카페’ 대신 ‘음식점’.": "Try other or broader words for the same industry, e.g. ‘이차전지’ instead of ‘양극재’, ‘음식점’ instead of ‘카페’.",
    "필수": "required",
    "하는 일을 평소 말로 적어 주세요. 예: 이차전지 양극재 제조, 한식 음식점": (
        "Describe what you do in everyday words, e.g. 이차전지 양극재 제조, 한식 음식점."
    ),
    "소재지": "Location",
    "시도와 시군구를 고르거나, 아래에 주소를 입력하세요.": "Choose a province and city, or type an address below.",
    "전체 (시군구 선택 안 함)": "All (no city)",
    "또는 주소로 입력": "Or type an address",
    "예: 경북 구미시 공단동, 구미, 구미국가산업단지": "e.g. 경북 구미시 공단동, 구미, 구미국가산업단지",
    "더 알려 주면 더 정확해집니다 (선택)": "More details give better results (optional)",
    "결과 좁히기": "Narrow the results",
    "찾는 중…": "Searching…",
    "이동 경로": "Breadcrumb",
    "사업 상세": "Program details",
    "소관 기관": "Agency",
    "수행 기관": "Operator",
    "대상 기업": "Eligible companies",
    "제한 없음": "No restriction",
    "업력": "Years in business",
    "년 이상": " years or more",
    "년 이하": " years or less",
    "키워드": "Keywords",
    "총 예산": "Total budget",
    "국비": "National share",
    "접수 기간": "Application period",
    "문의처": "Contact",
    "신청하러 가기": "Apply",
    "새 창": "opens in a new window",
    "공고 원문 보기": "Original notice",
    "공고 근거 문장": "Evidence from the notice",
    "공고문 발췌": "Notice excerpt",
    "출처": "Source",
    "비슷한 지원사업": "Similar programs",
    "잠시 후 다시 시도해 주세요": "Please try again shortly",
    "요청이 너무 많습니다. 잠시 후 다시 시도해 주세요.": "Too many requests. Please try again in a minute.",
    "처음으로": "Home",
    "‘%(sector)s’ 지원사업 추천": "Programs for ‘%(sector)s’",
    "입력 내용을 확인해 주세요": "Please check your input",
    "검색 조건": "Your search",
    "검색 조건 바꾸기": "Change your search",
    "%(where)s · ‘%(sector)s’ 에 맞는 지원사업 %(total)s건": (
        "%(total)s program for ‘%(sector)s’ in %(where)s",
        "%(total)s programs for ‘%(sector)s’ in %(where)s",
    ),
    "%(page)s / %(pages)s 페이지 · 점수가 높을수록 업종과 잘 맞습니다.": (
        "Page %(page)s of %(pages)s · a higher score means a closer fit to your industry."
    ),
    "페이지": "Pages",
    "이전": "Previous",
    "%(page)s / %(pages)s 페이지": "Page %(page)s of %(pages)s",
    "다음": "Next",
    "맞는 지원사업을 찾지 못했습니다": "No matching programs found",
    "업종을 다른 말로 적어 보세요. 예: ‘양극재’ 대신 ‘이차전지’, ‘카페’ 대신 ‘음식점’.": (
        "Try other words for your industry, e.g. ‘이차전지’ instead of ‘양극재’, ‘음식점’ instead of ‘카페’."
    ),
    "%(page)s / %(pages)s 페이지 · 접수 중이고 마감일이 있는 사업 가운데 업종과 잘 맞는 %(closing_pool)s건까지를 마감이 가까운 순으로 보여 줍니다.": (
        "Page %(page)s of %(pages)s · up to %(closing_pool)s well-fitting programs that are open and state a deadline, the nearest deadline first."
    ),
    "시군구 없이 %(sido)s 전체로 찾기": "Search all of %(sido)s instead",
    "사업 설명을 덧붙이면 관련 사업을 더 찾을 수 있습니다.": "Adding a business description can find more programs.",
    # Alert pages (subscribe, confirm, unsubscribe).
    "알림 신청 확인": "Confirm your alert",
    "아래 버튼을 누르면 새 지원사업 알림이 시작됩니다.": "Press the button below to start alerts for new programs.",
    "알림 받기 확인": "Confirm alerts",
    "신청이 확인되었습니다": "Your alert is confirmed",
    "%(where)s · %(sector)s 조건에 맞는 새 지원사업이 게시되면 메일로 알려 드립니다.": (
        "We will email you when a new program matching %(where)s · %(sector)s is published."
    ),
    "유효하지 않은 링크": "Invalid link",
    "유효하지 않은 링크입니다": "This link is not valid",
    "링크가 잘못되었거나 더 이상 쓸 수 없습니다.": "The link is wrong or can no longer be used.",
    "지원사업 알림 신청": "Program alerts",
    "확인 메일을 보냈습니다": "We sent you a confirmation email",
    "%(email)s 으로 보낸 메일의 링크를 눌러 신청을 확인해 주세요. 확인 후부터 새 지원사업 알림을 보내 드립니다.": (
        "Click the link in the email we sent to %(email)s to confirm. Alerts for new programs start after that."
    ),
    "짧은 시간에 알림 신청이 너무 많았습니다. 한 시간 뒤에 다시 시도해 주세요.": (
        "Too many alert requests in a short time. Please try again in an hour."
    ),
    "알림 해지": "Unsubscribe",
    "아래 버튼을 누르면 이 조건의 지원사업 알림을 더 이상 보내지 않습니다.": (
        "Press the button below to stop alerts for this search."
    ),
    "알림이 해지되었습니다": "You are unsubscribed",
    "더 이상 알림 메일을 보내지 않습니다.": "We will not send you alert emails any more.",
    "이메일": "Email",
    "이메일 주소": "Email address",
    "검색 결과": "Search results",
    "검색한 조건으로 신청할 수 있는 사업입니다": "Your business can apply, by the search you made",
    "검색한 조건으로는 신청 대상이 아닙니다": "Your business cannot apply, by the search you made",
    "고른 조건에 맞는 사업이 없습니다": "No program meets the filters you chose",
    "지원 유형·접수 중·정렬 조건을 빼면 업종과 소재지에 맞는 사업이 %(total)s건 있습니다.": (
        "Without the support type, open-now and order filters, %(total)s program fits your industry and location.",
        "Without the support type, open-now and order filters, %(total)s programs fit your industry and location.",
    ),
    "조건을 빼고 %(total)s건 보기": ("Show it without the filters", "Show all %(total)s without the filters"),
    "알림을 받을 이메일 주소를 입력해 주세요.": "Enter the email address for the alerts.",
    "이메일 주소가 올바르지 않습니다. 예: name@example.kr": "This email address is not valid. For example: name@example.kr",
    "이메일 주소가 너무 깁니다.": "This email address is too long.",
    "알림을 걸 검색 조건에 문제가 있습니다.": "The search for this alert has a problem.",
    "검색 화면에서 조건을 다시 입력해 찾은 뒤, 결과 아래에서 알림을 신청해 주세요.": "Search again, then subscribe below the results.",
    "검색 화면으로 가기": "Go to the search",
    "아래 조건에 맞는 새 지원사업이 게시되면 이메일로 알려 드립니다.": "We will email you when a new program matching this search is published.",
    "같은 공고가 다른 번호로 한 번 더 게시되었습니다:": (
        "The same notice was posted once more under another number:",
        "The same notice was posted %(n)s more times under other numbers:",
    ),
    "%(years)s년": "%(years)s years",
    "%(count)s명": "%(count)s",
    "지역을 알 수 없습니다. 검색 화면에서 위치를 다시 입력해 주세요.": (
        "The location is unknown. Enter it again on the search page."
    ),
}


def _q(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _unwrap(match: re.Match) -> str:
    parts = re.findall(r'^"(.*)"$', match.group(2), flags=re.M)
    if match.group(1) == "msgid" and parts and parts[0].startswith("Project-Id-Version"):
        return match.group(0)  # the header entry stays as it is
    return f'{match.group(1)} "{"".join(parts)}"\n'


def main() -> int:
    text = PO.read_text(encoding="utf-8")
    # Join wrapped strings ('msgid ""' followed by continuation lines) into one line each.
    text = re.sub(r'^(msgid|msgid_plural) ""\n((?:".*"\n)+)', _unwrap, text, flags=re.M)
    text = text.replace('#, fuzzy\nmsgid ""\nmsgstr ""', 'msgid ""\nmsgstr ""', 1)
    text = text.replace('"Language: \\n"', '"Language: en\\n"', 1)
    # Keep the header its own entry (a blank line before the first reference comment).
    text = re.sub(r'^("Plural-Forms: [^\n]*"\n)(?=#)', r"\1\n", text, flags=re.M)
    missing = []

    def fill(block: str) -> str:
        msgid = re.search(r'^msgid "(.*)"$', block, re.M)
        if not msgid or not msgid.group(1):
            return block
        key = msgid.group(1).replace('\\"', '"')
        value = EN.get(key)
        if value is None:
            missing.append(key)
            return block
        block = re.sub(r"^#, fuzzy\n", "", block, flags=re.M)
        block = re.sub(r"^#, fuzzy, ", "#, ", block, flags=re.M)  # a guess that also has other flags
        if "msgid_plural" in block:
            one, many = value if isinstance(value, tuple) else (value, value)
            block = re.sub(r'^msgstr\[0\] ".*"$', lambda _m: "msgstr[0] " + _q(one), block, flags=re.M)
            return re.sub(r'^msgstr\[1\] ".*"$', lambda _m: "msgstr[1] " + _q(many), block, flags=re.M)
        return re.sub(r'^msgstr ".*"$', lambda _m: "msgstr " + _q(str(value)), block, flags=re.M)

    blocks = text.split("\n\n")
    PO.write_text("\n\n".join(fill(b) for b in blocks), encoding="utf-8")
    for key in missing:
        print("untranslated:", key, file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main())
