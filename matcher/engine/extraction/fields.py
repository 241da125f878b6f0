"""General field detectors for Korean announcement text: support types, sectors (KSIC + keywords),
target year, named sites, firm types and 업력 limits.

They read any text (an article paragraph or a whole notice) and know nothing about a
particular municipality: the vocabularies below are the generic language of Korean
public notices.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from datetime import date
from functools import lru_cache
from itertools import pairwise

from matcher.engine.amounts import find_amounts
from matcher.engine.ksic import ksic_rows
from matcher.engine.regions import PLACE_SUFFIX, Gazetteer, Region, default_gazetteer

# Words that look like a kind of support and are not one, blanked out before the cues are looked for: the
# 소부장 industry ('소재ㆍ부품ㆍ장비 분야'), visitors or patients brought in ('단체 관광객(…)을 울산으로
# 유치하는', '외국인환자 유치사업자'), a startup raising money ('후속투자유치', '투자 유치 역량'; not foreign
# investment or a region's subsidy for investing in it: '투자유치 보조금'), '잠재기업' (no 재기).
_NOT_SUPPORT = re.compile(
    r"소재\s?[ㆍ·･,]?\s?부품\s?[ㆍ·･,]?\s?장비"
    r"|(?:관광객|여행객|방문객|관람객|환자|전세기|관광\s?상품)[^.\n]{0,30}?유치(?:한|하는)?"
    r"(?:\s?(?:사업자|여행사|업체))?"
    r"|(?<!외국인)(?<!외국인 )(?:후속\s?)?투자\s?유치(?!\s?(?:보조금|촉진|인센티브))"
    r"|잠재\s?기업"
)
# A line listing the fields advice is given in ('- 자문분야 : 창업, 기술, 인증, 판로개척', '… 온라인마케팅,
# 세무, 법률 등의 전문분야 해결방안 제시', '창업, 금융, 수출, 마케팅 분야의 전문위원', '… 공정채용 등 컨설팅
# 지원').
_TOPIC_ITEMS = r"(?:[,ㆍ·]\s?[가-힣A-Za-z]+\s?){2,}"  # ', 금융, 수출, 마케팅 '
_ADVICE_TOPICS = re.compile(
    r"(?:자문|컨설팅|상담|지도)\s?분야\s?[:：]|분야\s?해결\s?방안|해결\s?방안\s?제시"
    rf"|{_TOPIC_ITEMS}(?:등\s?)?(?:의\s?)?분야\s?(?:의|별)?\s?전문(?:위원|가)"
    rf"|{_TOPIC_ITEMS}등\s?(?:의\s?)?(?:전문\s?)?(?:컨설팅|자문|상담|멘토링)\s?(?:지원|제공)"
)
# Infrastructure being built: a hub and a building verb.
_HUB = "(?:센터|클러스터|특화단지|플랫폼)"
_BUILT = "(?:구축|조성|건립|설립|건설|지정|확장|확충|신축)"

# The SupportType values (matcher/models/vocab.py), copied because the engine may not import Django.
# Each maps to the phrases that signal it, as regular expressions; the order is the vocabulary's order.
SUPPORT_TYPE_CUES: dict[str, tuple[str, ...]] = {
    "자금·융자": (
        "융자",
        "정책자금",
        "운전자금",
        "시설자금",
        "지원자금",
        "보증(?!금)",  # not a lease deposit (임차보증금)
        "대출",
        "이차보전",
        "이자지원",
    ),
    "R&D": ("R&D", "연구개발", "기술개발", "공동연구", "공동 연구", "실증"),
    # The industry '소재ㆍ부품ㆍ장비' (소부장) names what a firm makes: _NOT_SUPPORT blanks it out first.
    "시설·장비": ("장비", "설비 지원", "시설 지원", "테스트베드", "생산시설"),
    "시제품": ("시제품", "초도생산", "시작품", "준생산"),
    "인력": (
        "인력양성",
        "인력 양성",
        "전문인력",
        "연구인력",
        "인력 지원",
        "채용",
        "일자리",
        "인턴",  # '일경험(인턴형)': the firm takes on trainees
        "일경험",
        "인건비",
        "우수인재",
    ),
    "수출·판로": (
        "수출",
        "판로",
        "해외바이어",
        "해외 바이어",
        "상담회",
        "해외진출",
        "해외 진출",
        "해외지사",
        "사절단",
        "시장개척",
        "통상촉진",
        "비관세장벽",
    ),
    "컨설팅": ("컨설팅", "자문", "멘토링", "진단"),
    "인증·시험": ("인증", "시험(?!운전)", "평가센터", "성능평가", "평가 인증", "검증"),
    "창업": ("창업",),
    "교육": ("교육", "아카데미", "연수"),
    "스마트공장": ("스마트공장", "스마트 공장", "스마트팩토리", "스마트 팩토리", "스마트제조", "스마트 제조"),
    # A centre, cluster or platform is infrastructure when it is being built ('평가센터 구축', '클러스터
    # 조성'); named alone it is who runs the program ('○○창업지원센터') or a sales channel ('온라인 플랫폼').
    "기반구축": (
        r"기반\s?구축",
        "기반을 구축",
        r"기반\s?조성",
        "인프라",
        rf"{_HUB}[^\n.,]{{0,8}}?{_BUILT}",
        rf"{_BUILT}[가-힣]{{0,3}}\s?[^\n.,]{{0,6}}?{_HUB}",  # '내년 건립되는 센터'
    ),
    # Bringing firms, institutes or projects to the area ('선도기업 유치', '연구소 유치').
    "기업유치": ("유치",),
    "마케팅·홍보": (
        "홍보",
        "마케팅",
        "전시회",
        "박람회",
        "브랜드",
        "판촉",
        "쇼케이스",
        "광고 제작",
        "광고 집행",
        "광고 비용",
    ),
    "지식재산": ("특허", "지식재산", "지재권", "상표"),
    "입주공간": ("입주", "보육공간", "사무공간", "공유오피스", r"창업\s?공간"),
    "경영안정": ("경영안정", "긴급자금", "임대료", "재기"),
}
SUPPORT_TYPES: list[str] = list(SUPPORT_TYPE_CUES)
_SUPPORT_TYPE_PATTERNS = {kind: re.compile("|".join(cues)) for kind, cues in SUPPORT_TYPE_CUES.items()}

# FirmType values, copied for the same reason; a pattern each (예비창업자 is not a 창업기업).
FIRM_TYPE_PATTERNS: dict[str, str] = {
    "중소기업": r"중소기업|중소·중견|중소\s?벤처",
    "소상공인": r"소상공인|자영업",
    "창업기업": r"(?<!예비)창업기업|(?<!예비)창업자|스타트업|창업\s?\d+\s?년",
    "예비창업자": r"예비\s?창업",
    "중견기업": r"중견기업|중소·중견",
    "사회적기업": r"사회적\s?기업|사회적경제",
    "여성기업": r"여성\s?기업|여성\s?창업",
    "장애인기업": r"장애인\s?기업",
    "협동조합": r"협동조합",
}

# Words of KSIC names that say nothing about the industry itself.
_KSIC_STOP = {"기타", "그", "외", "및", "관련", "제품", "유사", "용", "기", "업", "등", "기타의", "서비스"}
# Nouns too common in notices to be keywords.
_KEYWORD_STOP = {
    "사업", "지원", "추진", "기업", "산업", "구축", "조성", "계획", "방침", "목표", "분야", "과제", "위해",
    "통해", "이번", "올해", "내년", "관련", "기반", "확대", "강화", "활성화", "마련", "예정", "전략",
    "시장", "지역", "중점", "경쟁력", "확보", "육성", "개최", "대상", "신청", "접수", "모집", "억원",
    "만원", "원", "국비", "도비", "시비", "예산", "포함", "이외", "바탕", "기존", "진행", "최초", "전국",
    "투입", "번째", "마지막", "먼저", "수립", "경우", "제출", "필수", "참여", "내외", "해당", "기타",
}  # fmt: skip

# Nouns, foreign words, roots and affixes glued into one written word form a compound ('고효율', '이차전지').
_COMPOUND_TAGS = {"NNG", "NNP", "NNB", "SL", "SH", "XR", "XPN", "XSN", "NR"}

# Modifiers that make '…산단' a kind of complex rather than a named one ('스마트산단 사업').
_GENERIC_PLACE_PREFIX = {
    "스마트",
    "노후",
    "국가",
    "일반",
    "지역",
    "인근",
    "관내",
    "해당",
    "전국",
    "기존",
    "신규",
    "그린",
}


def detect_support_types(text: str) -> list[str]:
    """SupportType values whose cue phrases occur in ``text``, in vocabulary order."""
    found: set[str] = set()
    for line in re.split(r"\n|(?=[①-⑳])", _NOT_SUPPORT.sub(" ", text or "")):  # each line, each numbered item
        if _ADVICE_TOPICS.search(line):
            found.add("컨설팅")  # the fields advice is given in, not support of those kinds
            continue
        found.update(kind for kind, pattern in _SUPPORT_TYPE_PATTERNS.items() if pattern.search(line))
    return [kind for kind in SUPPORT_TYPES if kind in found]


def detect_firm_types(text: str) -> list[str]:
    """FirmType values named in ``text``."""
    return [name for name, pattern in FIRM_TYPE_PATTERNS.items() if re.search(pattern, text or "")]


def detect_years_limits(text: str) -> tuple[float | None, float | None]:
    """업력 limits (min, max) in years: '창업 3년 이내' → (None, 3); '3년 초과 7년 이내' → (3, 7).

    '예비창업자' alone means a firm not founded yet: max 0.
    """
    text = text or ""
    years = r"(\d+(?:\.\d+)?)\s?년"
    context = r"(?:창업|업력|설립|개업|사업\s?개시)[^.\n]{0,12}?"
    both = re.search(rf"{context}{years}\s?(초과|이상)\s?{years}\s?(이내|이하|미만)", text)
    if both:
        return float(both.group(1)), float(both.group(3))
    upper = re.search(rf"{context}{years}\s?(이내|이하|미만)", text)
    lower = re.search(rf"{context}{years}\s?(초과|이상)", text)
    low = float(lower.group(1)) if lower else None
    high = float(upper.group(1)) if upper else None
    if (
        low is None
        and high is None
        and re.search(r"예비\s?창업", text)
        and not re.search(r"(?<!예비)창업기업", text)
    ):
        high = 0.0
    return low, high


def detect_period_end_year(text: str, reference_year: int | None = None) -> int | None:
    """The year a program runs to or aims at: '2025년까지', '2027년을 목표로', a leading '2030 …' goal.

    Relative years ('내년까지') are read only when ``reference_year`` is given.
    """
    text = text or ""
    years = [int(y) for y in re.findall(r"(20\d{2})\s?년\s?(?:\d{1,2}\s?월\s?)?(?:말\s?)?까지", text)]
    years += [int(y) for y in re.findall(r"(20\d{2})\s?년\s?(?:을|를)?\s?목표", text)]
    # A goal year heading a slogan: '2030 차세대 … 거점도시', ''2030, 미래차 …''.
    years += [int(y) for y in re.findall(r"(?:^|[\s'‘\"“])(20\d{2})(?:\s?,)?\s(?=[가-힣A-Za-z])", text)]
    if reference_year is not None:
        relative = {"올해": 0, "금년": 0, "내년": 1, "명년": 1, "내후년": 2}
        for word, offset in relative.items():
            if re.search(rf"{word}\s?(?:\d{{1,2}}\s?월\s?)?(?:말\s?)?까지", text):
                years.append(reference_year + offset)
    return max(years) if years else None


def detect_places(text: str, gazetteer: Gazetteer | None = None, region: Region | None = None) -> list[str]:
    """Named sites: industrial complexes ('…산업단지', '…산단', '…공단', 'N공단') and research campuses.

    A 읍면동 name right before the site ('OO동 XX2산단') is kept as part of it, read from the
    gazetteer's towns (of ``region`` when given, else of every city).
    """
    gazetteer = gazetteer or default_gazetteer()
    towns = _town_stems(gazetteer, region)
    places: list[str] = []
    for match in re.finditer(
        rf"(?<![가-힣A-Za-z0-9])([가-힣A-Za-z0-9]*?){PLACE_SUFFIX}(?![지원])", text or ""
    ):
        prefix = match.group(1)
        if not prefix or prefix in _GENERIC_PLACE_PREFIX:
            continue
        start = match.start()
        before = re.search(r"([가-힣]+)\s$", text[max(0, start - 8) : start])
        name = match.group(0)
        if before and before.group(1) in towns:
            name = f"{before.group(1)} {name}"
        if name not in places and not any(name in p for p in places):
            places = [p for p in places if p not in name] + [name]
    return places


def _town_stems(gazetteer: Gazetteer, region: Region | None) -> set[str]:
    if gazetteer is default_gazetteer():
        return _default_town_stems(region)
    return _build_town_stems(gazetteer, region)


@lru_cache(maxsize=64)
def _default_town_stems(region: Region | None) -> set[str]:
    return _build_town_stems(default_gazetteer(), region)


def _build_town_stems(gazetteer: Gazetteer, region: Region | None) -> set[str]:
    names: list[str] = []
    for sido, cities in gazetteer.towns.items():
        if region and sido != region.sido:
            continue
        for city, towns in cities.items():
            if region and region.sigungu and city != region.sigungu:
                continue
            names.extend(towns)
    stems = set(names)
    # '외동읍' is written '외동' before a site name; keep stems of two syllables or more.
    stems |= {n[:-1] for n in names if len(n) >= 3 and n[-1] in "읍면동"}
    return stems


@lru_cache(maxsize=1)
def _ksic_entries() -> list[tuple[str, str, dict[str, float], tuple[re.Pattern, ...]]]:
    """(code, name, {content word: idf}, phrases the text must hold) for every KSIC class and subclass."""
    entries: dict[str, str] = {}
    for row in ksic_rows():
        entries.setdefault(row["group_code"], row["group_name"])
        entries.setdefault(row["class_code"], row["class_name"])
        entries.setdefault(row["subclass_code"], row["subclass_name"])
    words = {code: _ksic_words(name) for code, name in entries.items()}
    frequency = Counter(word for ws in words.values() for word in set(ws))
    total = len(words)
    return [
        (code, entries[code], {w: math.log(total / frequency[w]) for w in ws}, _ksic_phrases(entries[code]))
        for code, ws in words.items()
        if ws
    ]


def _ksic_words(name: str) -> list[str]:
    words = []
    for word in re.split(r"[\s,ㆍ·()]+", name):
        # '제조업' is the default activity of an industry name; other activities ('도매업') must be named.
        word = re.sub(r"제조업$", "", word)
        if len(word) >= 2 and word not in _KSIC_STOP:
            words.append(word)
    return words


def _ksic_phrases(name: str) -> tuple[re.Pattern, ...]:
    """Phrases a text must hold for a KSIC name whose one-syllable word says which industry it is.

    Such a word is too short to look for alone, but without it '철 광업' (iron ore mining) would be any
    '광업' (a 소상공인 notice's '광업·제조업 10인 미만'), '소 사육업' any livestock, '재 보험업' any
    insurance. Before the word it qualifies it must stand as written ('철광', '철 광업'); in a list
    ('떡, 빵 및 과자류') it is one item of several and the other words decide.
    """
    tokens = name.split()
    phrases = []
    for token, following in pairwise(tokens):
        if len(token) == 1 and token not in _KSIC_STOP and following != "및":
            head = re.sub(r"업[,;]?$|[,;]$", "", following)
            phrases.append(re.compile(rf"(?<![가-힣]){re.escape(token)}\s?{re.escape(head)}"))
    return tuple(phrases)


def detect_sectors(text: str, limit: int = 5) -> tuple[list[dict[str, str]], list[str]]:
    """KSIC classes/subclasses whose name words occur in ``text``, and salient keywords.

    A KSIC entry matches when every content word of its name occurs in the text (so '옥외' alone
    does not mean '옥외 광고업'); entries with rarer words rank first, then the more specific.
    """
    # Words are matched at a word start ('이차전지' in '차세대 이차전지'), not inside another word.
    text = text or ""
    prefixes = {
        text[m.start() : m.start() + length]
        for m in re.finditer(r"(?<![가-힣])[가-힣]", text)
        for length in range(2, 13)
    }
    scored = []
    for code, name, weights, phrases in _ksic_entries():
        matched = [w for w in weights if w in prefixes]
        if not matched or not all(phrase.search(text) for phrase in phrases):
            continue
        coverage = sum(weights[w] for w in matched) / sum(weights.values())
        rare = max(weights[w] for w in matched)
        if coverage >= 0.999 and rare >= 3.0:
            scored.append((coverage * rare, len(code), code, name))
    scored.sort(key=lambda item: (-item[0], -item[1], item[2]))
    sectors = [{"code": code, "name": name} for _, _, code, name in scored[:limit]]
    return sectors, detect_keywords(text)


def detect_keywords(text: str, limit: int = 12) -> list[str]:
    """Salient nouns and noun compounds (Kiwi), most frequent first."""
    from matcher.engine.analysis import _kiwi

    if not text or not text.strip():
        return []
    counts: Counter[str] = Counter()
    compound: list[str] = []

    def flush() -> None:
        if compound:
            word = "".join(compound)
            if len(word) >= 2 and word not in _KEYWORD_STOP and not re.search(r"\d", word):
                counts[word] += 1
            compound.clear()

    previous_end = -1
    for token in _kiwi().tokenize(text):
        wanted = token.tag in _COMPOUND_TAGS
        if token.tag == "SL" and not re.search(r"[A-Z0-9]", token.form):
            wanted = False  # markup and plain English left in the text ('br', 'image'), not acronyms
        if wanted and (not compound or token.start == previous_end):
            compound.append(token.form)
        elif wanted:
            flush()
            compound.append(token.form)
        else:
            flush()
        previous_end = token.start + token.len
    flush()
    return [word for word, _ in counts.most_common(limit)]


# An application period stated in a notice's text: '접수기간 : 2026. 4. 27.(월) ~ 5. 11.(월) 18:00까지',
# '신청기간: 2026년 4월 13일(월) ~ 2026년 4월 28일(화)', '모집기간) ’26. 1. 21. ~ 예산소진 시까지'.
_PERIOD_LABEL = re.compile(r"(?:접수|신청|모집|공모)\s?(?:기간|일정)(?!\s?(?:및|과|와|이|은|을|에))")
_PERIOD_DATE = re.compile(
    r"(?:(?P<year>(?:19|20)\d{2}|['’‘]\d{2})\s*[.년/-]\s*)?"
    r"(?P<month>\d{1,2})\s*[.월/-]\s*(?P<day>\d{1,2})(?!\d)\s*[.일]?"
)
_PERIOD_LEAD = re.compile(
    r"[\s:：)\]】|\-–—·.]*(?:은|는)?\s*(?:(?:공고일|공고\s?게시일)(?:부터)?\s*(?:[~∼〜～-]\s*)?)?"
)
_PERIOD_RANGE = re.compile(r"[~∼〜～]|부터|(?<=\))\s?-\s?(?=\d)")


def detect_application_period(
    text: str, *, reference_year: int | None = None
) -> tuple[date | None, date | None, str]:
    """The first application period the text states: (start, end, the line that states it).

    A date before the range sign ('~', '부터') is the start, one after it the end; a lone date is the
    end ('… 5. 7.까지'). A date without a year takes the other date's year (a December start and a
    January end span the new year), else ``reference_year``; without any year nothing is read.
    '공고일 ~ 4. 30.' and '… ~ 예산 소진 시' leave the unstated side None.
    """
    for label in _PERIOD_LABEL.finditer(text or ""):
        line = text[label.end() : label.end() + 120].split("\n", 1)[0]
        line = re.split(r"<br\s*/?>|※|□|ㅇ\s?\(", line, maxsplit=1)[0]
        dates = list(_PERIOD_DATE.finditer(line))
        # The period follows its label directly ('접수기간 : 2026. …', '신청기간) 공고일 ~ …'); a label
        # inside a sentence ('신청기간 내 … 12월 5일까지 심의완료') states no period.
        if not dates or not _PERIOD_LEAD.fullmatch(line[: dates[0].start()]):
            continue
        sign = _PERIOD_RANGE.search(line)
        before = [d for d in dates if sign is None or d.end() <= sign.start()]
        after = [d for d in dates if sign is not None and d.start() >= sign.end()]
        if sign is None:
            first, second = None, before[0]
        else:
            first, second = (before[0] if before else None), (after[0] if after else None)
        years = [_year(d.group("year")) for d in (first, second) if d is not None and d.group("year")]
        year = years[0] if years else reference_year
        if year is None:
            continue
        start = _period_day(first, year) if first else None
        end = _period_day(second, years[-1] if years else year) if second else None
        if start and end and end < start and not (second and second.group("year")):
            end = _period_day(second, start.year + 1)  # '12. 20. ~ 1. 10.': the end is next January
        if (start or end) and not (start and end and end < start):
            stated = re.sub(r"\s+", " ", text[label.start() : label.end() + len(line)]).strip()
            return start, end, stated
    return None, None, ""


def _year(text: str) -> int:
    digits = text.strip("'’‘")
    return 2000 + int(digits) if len(digits) == 2 else int(digits)


def _period_day(match: re.Match, year: int) -> date | None:
    try:
        return date(year, int(match.group("month")), int(match.group("day")))
    except ValueError:
        return None


# A budget as a notice labels it: '지원규모) 총 20억원 내외', '예산규모 : 1,395억원', '지원예산: 50,000천원',
# '지원규모(3차)) 278억원', '지원규모) 국비 총 40억원', '지원규모 : 175개 과제, 100억원 내외'.
_BUDGET_LABEL = re.compile(r"(?:지원\s?규모|지원\s?예산|사업\s?예산|예산\s?규모|총\s?예산|총\s?사업\s?규모)")
_BUDGET_LEAD = re.compile(
    r"(?:\s?\(\d+\s?차\))?[\s:：)\]】|\-–—·]*"
    # how many firms or projects, then the sum
    r"(?:\d[\d,]*\s?개\*?\s?(?:사|社|과제|기업|업체)?\s?[,，]\s*)?"
    r"(?:국비\s?)?(?:총|약|최대)?\s*"
)


def detect_budget_statement(text: str) -> tuple[int | None, str]:
    """The budget a notice states under a budget label, in 원, with its line; (None, '') when none.

    The amount must follow the label directly: '지원규모) 1개소(지자체당 5.67억원 …)' is a per-unit sum
    and '총사업비의 30%' a share, so neither is read.
    """
    for label in _BUDGET_LABEL.finditer(text or ""):
        line = text[label.end() : label.end() + 80].split("\n", 1)[0]
        amounts = find_amounts(line)
        if not amounts or not _BUDGET_LEAD.fullmatch(line[: amounts[0].start]):
            continue
        stated = re.sub(r"\s+", " ", text[label.start() : label.end() + amounts[0].end]).strip()
        return amounts[0].krw, stated
    return None, ""
