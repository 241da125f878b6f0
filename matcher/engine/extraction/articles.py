"""Press-style articles → the separate support programs they announce.

A municipal press article usually announces several programs at once. Two general
signals split it:

- topic enumeration: the article declares a short list '전략사업(A, B, C, D)' and then
  gives each item a few paragraphs; a paragraph leading with a not-yet-covered item starts
  the next program;
- declarations: a clause putting money or a target year on a purpose ('X에 80억원을 투입',
  '2025년까지 … 생태계를 조성한다') starts a program; continuation sentences ('이는', '이를
  통해', '이처럼') add to it; aggregates ('17개 사업에 334억원'), past results ('성과를
  올린바 있다') and officials' quoted speech are not programs.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from matcher.engine.amounts import Budget, find_budgets
from matcher.engine.extraction.fields import (
    detect_firm_types,
    detect_period_end_year,
    detect_places,
    detect_sectors,
    detect_support_types,
    detect_years_limits,
)
from matcher.engine.records import ExtractedProgram, SourceRecord
from matcher.engine.regions import Gazetteer, Region, default_gazetteer
from matcher.engine.text import html_to_text, looks_like_html, normalize_text, split_sentences

# -- general vocabulary of Korean press releases ------------------------------------------
_IMAGE_LINE = re.compile(r"^\S+\.(?:jpe?g|png|gif|bmp|webp)$", re.I)
_SHARE_WORDS = (
    "facebook",
    "twitter",
    "kakao",
    "naverband",
    "googleplus",
    "페이스북",
    "트위터",
    "카카오",
    "공유",
)
_COMMENT_LINE = re.compile(r"^(?:\d+\s*comments?|댓글\s*\d+|comments?\s*\d+)$", re.I)
# A sentence that leans on the one before it. Strong markers point back ('이는', '이를 통해');
# weak ones ('특히', '또한') only add emphasis and may open a new program of their own.
_STRONG_CONTINUATION = (
    r"(?:이는|이를|이에|이와|이처럼|이같이|이 같은|이 사업|이번 사업|해당 사업|여기에|이 밖에)"
)
_CONTINUATION = re.compile(rf"^(?:{_STRONG_CONTINUATION}|아울러|특히|또한)")
_STRONG_START = re.compile(rf"^{_STRONG_CONTINUATION}")
# Sentence openers that carry no content ('먼저', '또') and are dropped from titles.
_LEADING_CONNECTIVE = re.compile(
    r"^(?:먼저|우선|또한|또|특히|아울러|이외에도|이 밖에도|한편|그리고|이어)\s*,?\s*"
)
# Verbs that put a program into motion.
_ACTION_VERB = (
    r"(?:투입|지원|추진|구축|조성|확장|육성|들여|마련|보급|시행|도입|설치|건립|개발|운영|확충"
    r"|융자|출연|보조|지급|제공|편성)"
)
_AGGREGATE = re.compile(r"\d+\s?개\s?(?:사업|과제|분야|프로그램)")
_RESULT = re.compile(r"성과|실적|바\s?있다|거뒀|기록했")
# A finished action ('선정됐다', '개최하였다'), not a decision ('추진하기로 했다').
_PAST_END = re.compile(r"(?<!기로 )(?<!키로 )(?:했|였|됐|었|았|쳤|혔|렸|웠)다[.!]?$")
# '…을 모집한다고 밝혔다' reports a plan; the past tense is the reporting, not the program.
_REPORTED_PLAN = re.compile(r"(?:다|이라|라)고\s?(?:\d+일\s?)?(?:밝혔|전했|말했|설명했|발표했)다")
# A per-firm ceiling ('기업당 최대 3천만원') is a grant size, not the program's budget.
_PER_UNIT_BEFORE = re.compile(r"(?:당|최대|최고|한도|각)\s?$")
_SPEECH = re.compile(r"[“\"][^”\"]{8,}[”\"]\s?(?:며|고|라고|라며|이라고)")
_QUOTED_NAME = re.compile(r"[‘'“\"]([^’'”\"]{4,60})[’'”\"]")
# A quoted name the sentence acts on or through ('‘OO협의회’를 통해', '‘OO’ 사업을 추진') declares a
# program; one it only aims at ('‘일자리창출’을 위해') is a goal.
_QUOTED_DECLARATION = re.compile(
    r"[‘'“\"][^’'”\"]{4,60}[’'”\"]\s?(?:사업|프로젝트)?\s?(?:을|를)\s?(?:통해|추진|구축|조성|운영|지원|본격)"
)
# '두 번째', '셋째', '마지막': the article moves on to the next item of its list.
_ORDINAL = re.compile(r"^(?:[가-힣]{1,2}\s?번째|첫째|둘째|셋째|넷째|다섯째|여섯째|마지막)")
# A call for applicants: '참여기업을 모집한다', '신청을 받는다', '공모한다'.
_RECRUITMENT = re.compile(r"(?:모집|공모|접수)(?:한다|합니다|하고|하며|중이다)|신청을\s?받는다")
_ENUMERATION = re.compile(r"\(([^()]{6,150})\)")


@dataclass
class _Draft:
    """A program being assembled from sentences."""

    sentences: list[str] = field(default_factory=list)
    declaring: str = ""  # the sentence (or clause) that started it
    clause: str = ""
    budget: Budget | None = None
    budget_sentence: str = ""
    topic: str = ""  # the enumeration item it covers, in topic mode

    @property
    def text(self) -> str:
        return " ".join(self.sentences)


def extract_article_programs(
    record: SourceRecord, gazetteer: Gazetteer | None = None
) -> list[ExtractedProgram]:
    """The support programs a press article announces, with fields and evidence."""
    gazetteer = gazetteer or default_gazetteer()
    text = record.text
    if not text and record.raw:
        text = (
            html_to_text(record.raw) if record.format == "html" or looks_like_html(record.raw) else record.raw
        )
    text = normalize_text(text)  # evidence sentences are then found verbatim in it
    paragraphs = article_paragraphs(text)
    if not paragraphs:
        return []
    home, home_sentence = _home_region(gazetteer, text, paragraphs)
    items, declared_at = _find_enumeration(paragraphs)
    if items:
        drafts = _segment_by_topics(paragraphs, items, declared_at)
        for draft in drafts:
            # A topic's budget is the first amount one of its sentences spends on it.
            for sentence in draft.sentences:
                if _declarations(sentence):
                    _fill_budget(draft, sentence)
    else:
        drafts = _segment_by_declarations(paragraphs)
    if not drafts:
        drafts = _single_program_fallback(paragraphs)
    reference_year = record.published_on.year if record.published_on else None
    return [
        _build(draft, record, gazetteer, home, home_sentence, reference_year, text)
        for draft in drafts
        if draft.sentences
    ]


def _single_program_fallback(paragraphs: list[str]) -> list[_Draft]:
    """A short notice with no budget, year or quoted name still announces one program when a
    present-tense sentence puts a support action on a 사업 ('… 지원사업을 추진한다')."""
    sentences = [s for p in paragraphs if not _is_speech(p) for s in split_sentences(p)]
    for sentence in sentences:
        supports = re.search(r"사업|지원|모집", sentence) and re.search(_ACTION_VERB, sentence)
        if supports and not _is_past(sentence):
            return [_Draft(sentences=sentences, declaring=sentence, clause=sentence)]
    return []


# -- cleaning ---------------------------------------------------------------------------------
def article_paragraphs(text: str) -> list[str]:
    """Body paragraphs: boilerplate (images, crumbs, share buttons, counters, headlines) removed."""
    paragraphs = []
    for line in normalize_text(text).split("\n"):
        line = line.strip()
        if not line or _is_boilerplate(line):
            continue
        # Headlines and captions do not end like a sentence; body paragraphs do.
        if not re.search(r"[다요음함됨임][.!]?[\"”’']?$|[.!?]$", line):
            continue
        paragraphs.append(line)
    return paragraphs


def _is_boilerplate(line: str) -> bool:
    lowered = line.lower()
    if _IMAGE_LINE.match(line) or _COMMENT_LINE.match(line):
        return True
    if ">" in line and len(line) < 60:  # breadcrumbs: '홈 > 지역소식'
        return True
    if sum(word in lowered for word in _SHARE_WORDS) >= 2:
        return True
    # Counter rows: '뉴스 0 28 0 0'.
    return len(re.findall(r"(?<!\S)\d+(?!\S)", line)) >= 3 and len(line) < 60


# -- the article's own region -----------------------------------------------------------------
def _home_region(gazetteer: Gazetteer, text: str, paragraphs: list[str]) -> tuple[Region | None, str]:
    """The city the article is about: the most mentioned 시군구 (full names count double)."""
    counts: Counter[Region] = Counter()
    for mention in gazetteer.find_mentions(text):
        if mention.region.sigungu:
            counts[mention.region] += 2 if mention.strong else 1
    if not counts:
        for mention in gazetteer.find_mentions(text):
            counts[mention.region] += 1
        # '전남도가', '경북도는': the informal 도 names the gazetteer does not read yet.
        for full, short in gazetteer.sido_short.items():
            if full.endswith("도"):
                informal = re.findall(rf"(?<![가-힣]){short}도(?=[은는이가의에와과도\s,])", text)
                counts[Region(full)] += 2 * len(informal)
        counts = +counts
    if not counts:
        return None, ""
    region = counts.most_common(1)[0][0]
    for paragraph in paragraphs:
        for sentence in split_sentences(paragraph):
            if any(m.region == region for m in gazetteer.find_mentions(sentence)):
                return region, sentence
    return region, ""


# -- topic enumeration ------------------------------------------------------------------------
def _find_enumeration(paragraphs: list[str]) -> tuple[list[str], int]:
    """A declared list of ≥3 short topics that later paragraphs take up one by one."""
    best: tuple[list[str], int] = ([], -1)
    for index, paragraph in enumerate(paragraphs):
        for match in _ENUMERATION.finditer(paragraph):
            parts = [re.sub(r"^[+\s]+|\s?등$", "", p).strip() for p in match.group(1).split(",")]
            if len(parts) < 3 or any(not p or len(p) > 15 or p.count(" ") > 1 for p in parts):
                continue
            later = paragraphs[index + 1 :]
            taken_up = sum(any(_mentions(p, item) for p in later) for item in parts)
            # Items must lead later paragraphs, not only appear in the list itself.
            leads = sum(any(_mentions(split_sentences(p)[0], item) for p in later) for item in parts)
            if taken_up >= 3 and leads >= max(3, len(parts) // 2) and len(parts) > len(best[0]):
                best = (parts, index)
    return best


def _variants(item: str) -> set[str]:
    """Ways an article may refer back to a list item: '미래자동차' → '자동차', '미래차'."""
    compact = re.sub(r"\s+", "", item)
    variants = {compact}
    stripped = re.sub(r"(?:산업|분야|부문)$", "", compact)
    if len(stripped) >= 2:
        variants.add(stripped)
    if len(compact) >= 5 and re.fullmatch(r"[가-힣]+", compact):
        variants.add(compact[2:])  # the head noun of a two-part compound
        variants.add(compact[:2] + compact[-1])  # the usual abbreviation: first word + last syllable
    return {v for v in variants if len(v) >= 2}


def _mentions(text: str, item: str) -> bool:
    compact = re.sub(r"\s+", "", text)
    return any(v in compact for v in _variants(item))


def _segment_by_topics(paragraphs: list[str], items: list[str], declared_at: int) -> list[_Draft]:
    drafts: list[_Draft] = []
    covered: set[str] = set()
    current: _Draft | None = None
    for paragraph in paragraphs[declared_at + 1 :]:
        if _is_speech(paragraph):
            continue
        sentences = split_sentences(paragraph)
        if current and _mentions(paragraph, current.topic):
            current.sentences.extend(sentences)
            continue
        # The first not-yet-covered item the paragraph names, by position.
        compact = re.sub(r"\s+", "", paragraph)
        fresh = [
            (min(compact.find(v) for v in _variants(item) if v in compact), item)
            for item in items
            if item not in covered and _mentions(paragraph, item)
        ]
        if not fresh and _ORDINAL.match(paragraph):
            # An ordinal opener without a recognisable item name takes the next item in list order.
            fresh = [(0, item) for item in items if item not in covered][:1]
        if fresh:
            topic = min(fresh)[1]
            covered.add(topic)
            current = _Draft(sentences=list(sentences), declaring=sentences[0], topic=topic)
            drafts.append(current)
            continue
        if current and _continues(sentences, current):
            current.sentences.extend(sentences)
    return drafts


# -- declarations -----------------------------------------------------------------------------
def _segment_by_declarations(paragraphs: list[str]) -> list[_Draft]:
    drafts: list[_Draft] = []
    current: _Draft | None = None
    for paragraph in paragraphs:
        if _is_speech(paragraph):
            continue
        sentences = split_sentences(paragraph)
        declared = [_declarations(s) for s in sentences]
        if not any(declared):
            # A paragraph with no declaration of its own adds to the current program when it leans on it.
            if current and _continues(sentences, current):
                current.sentences.extend(sentences)
            continue
        pending: list[str] = []  # lead-in sentences of a paragraph, before its first declaration
        paragraph_started = False
        for sentence, clauses in zip(sentences, declared, strict=True):
            if clauses and not (_CONTINUATION.match(sentence) and _attaches(sentence, current)):
                for clause, budget in clauses:
                    current = _Draft(declaring=sentence, clause=clause, budget=budget)
                    current.budget_sentence = sentence if budget else ""
                    current.sentences = [*pending, clause if len(clauses) > 1 else sentence]
                    pending = []
                    drafts.append(current)
                paragraph_started = True
                continue
            if current and (paragraph_started or _STRONG_START.match(sentence)):
                current.sentences.append(sentence)
                _fill_budget(current, sentence)
            else:
                pending.append(sentence)
    return drafts


def _attaches(sentence: str, current: _Draft | None) -> bool:
    """'이는 예산 200억원을 들여 …' describes the program before it rather than a new one."""
    return (
        current is not None and current.budget is None and bool(re.match(r"^(?:이는|이를|이 사업)", sentence))
    )


def _fill_budget(draft: _Draft, sentence: str) -> None:
    if draft.budget is not None or _AGGREGATE.search(sentence) or _RESULT.search(sentence):
        return
    budgets = _program_budgets(sentence)
    if len(budgets) == 1:
        draft.budget = budgets[0]
        draft.budget_sentence = sentence


def _is_past(sentence: str) -> bool:
    return bool(_PAST_END.search(sentence)) and not _REPORTED_PLAN.search(sentence)


def _program_budgets(sentence: str) -> list[Budget]:
    """Budget totals of a sentence, leaving out per-firm ceilings."""
    return [
        b
        for b in find_budgets(sentence)
        if b.total_krw and not _PER_UNIT_BEFORE.search(sentence[max(0, b.start - 6) : b.start])
    ]


def _declarations(sentence: str) -> list[tuple[str, Budget | None]]:
    """The program-declaring clauses of a sentence, each with its budget (None for a target year only)."""
    if _AGGREGATE.search(sentence) or _RESULT.search(sentence) or _is_past(sentence):
        return []
    clauses: list[tuple[str, Budget | None]] = []
    start = 0
    budgets = _program_budgets(sentence)
    for budget in budgets:
        after = sentence[budget.end : budget.end + 40]
        # The amount is spent on something: '…에 80억원을 투입', '80억원으로 … 추진',
        # or heads a list sharing one verb: '2억원, …에 3억원을 지원'.
        spent = re.match(rf"\s?(?:을|를)?\s?(?:확대\s?)?{_ACTION_VERB}", after) or re.match(
            r"\s?(?:으로|로)\s", after
        )
        listed = re.match(r"\s?,\s", after) and budget is not budgets[-1]
        if not (spent or listed) or not re.search(_ACTION_VERB, sentence[budget.end :]):
            continue
        end = budget.end + (len(re.match(r"\s?,\s", after).group(0)) if listed else 0)
        clause_end = len(sentence) if budget is budgets[-1] else end
        clauses.append((sentence[start:clause_end].strip(" ,"), budget))
        start = clause_end
    if clauses:
        return clauses
    # No money, but a target year and a construction verb: '2025년까지 … 생태계를 조성한다'.
    if re.search(r"20\d{2}\s?년\s?(?:\d{1,2}\s?월\s?)?까지", sentence) and re.search(
        rf"(?:을|를)\s?{_ACTION_VERB}한다", sentence
    ):
        return [(sentence, None)]
    if _QUOTED_DECLARATION.search(sentence) or _RECRUITMENT.search(sentence):
        return [(sentence, None)]
    return []


def _continues(sentences: list[str], current: _Draft) -> bool:
    """Whether a paragraph adds to the current program: a continuation marker, or nouns in common."""
    if _is_past(sentences[-1]) and not _RESULT.search(" ".join(sentences)):
        return False
    if _CONTINUATION.match(sentences[0]) or re.match(r"^또\s", sentences[0]):
        return True
    return len(_content_nouns(" ".join(sentences)) & _content_nouns(current.text)) >= 2


_GENERIC_NOUNS = {
    "사업", "지원", "추진", "기업", "산업", "구축", "조성", "계획", "방침", "목표", "분야", "과제", "위해",
    "통해", "올해", "내년", "관련", "기반", "확대", "강화", "활성화", "마련", "예정", "시", "억", "원", "만",
    "지역", "경제", "효과", "중점", "기대", "전망", "개", "등", "년", "월", "일",
}  # fmt: skip


def _content_nouns(text: str) -> set[str]:
    from matcher.engine.analysis import analyze

    return {noun for noun in analyze(text) if noun not in _GENERIC_NOUNS and len(noun) >= 2}


def _is_speech(paragraph: str) -> bool:
    return bool(_SPEECH.search(paragraph)) and bool(
        re.search(r"(?:밝혔|말했|강조했|전했|덧붙였)다", paragraph)
    )


# -- fields -----------------------------------------------------------------------------------
def _title(draft: _Draft) -> tuple[str, str]:
    """(title, the sentence it came from): a quoted project name, else the declared purpose."""
    for sentence in draft.sentences:
        for name in _QUOTED_NAME.findall(sentence):
            if not re.search(r"[다요][.]?$", name):  # quoted speech ends like a sentence
                return name.strip(" ,"), sentence
    clause = draft.clause or draft.declaring
    purpose = _purpose(clause)
    if purpose:
        return _clean_title(purpose), draft.declaring
    if draft.topic:
        return draft.topic, draft.declaring
    return _clean_title(clause[:80]), draft.declaring


def _purpose(clause: str) -> str:
    """What a declaring clause spends on or builds."""
    budget_words = r"(?:국비|예산|사업비|총)?\s?[\d,.]+\s?[억만천조][\d억만천원\s]*원"
    patterns = [
        rf"^(.+?)(?:에|에도)\s{budget_words}",  # '스마트공장 지원에 80억원'
        rf"^(.+?)(?:을|를)\s위해\s{budget_words}",  # '수출지원 확대를 위해 2억원'
        rf"{budget_words}\s?(?:을|를)\s?(?:투입해|투입하여|들여)\s(.+?)(?:을|를)\s{_ACTION_VERB}",
        rf"20\d{{2}}\s?년\s?까지\s(.+?)(?:을|를)\s{_ACTION_VERB}",
        rf"^(.{{4,80}}?)(?:을|를)\s{_ACTION_VERB}",
        r"^(.{4,80}?)\s?(?:참여|참가|입주)?\s?(?:기업|업체|자|팀)?(?:을|를)\s(?:모집|공모|접수)",
        rf"^(.{{4,80}}?)\s{budget_words}\s?(?:을|를)\s",  # the fund named before its amount
    ]
    for pattern in patterns:
        match = re.search(pattern, clause)
        if match and not re.search(budget_words, match.group(1)):
            # '…산업단지에 수소 실증 플랫폼': the site is a place, the rest is the purpose.
            return (
                re.split(r"\S에\s", match.group(1))[-1]
                if re.search(r"\S에\s", match.group(1))
                else match.group(1)
            )
    return ""


def _clean_title(phrase: str) -> str:
    phrase = _LEADING_CONNECTIVE.sub("", phrase.strip(" ,'‘’\""))
    # Drop a sentence subject or topic ('시는 …', '지원사업으로는 …').
    topic = list(re.finditer(r"(?:^|\s)\S*(?:는|은|로는)\s", phrase))
    if topic:
        phrase = phrase[topic[-1].end() :]
    # Keep the last clause of a chain ('…을 장착하고, 2030 … 거점도시').
    chained = list(re.finditer(r"\S(?:고|며|하여|해),\s", phrase))
    if chained and len(phrase) - chained[-1].end() >= 6:
        phrase = phrase[chained[-1].end() :]
    # Keep the head noun phrase after the last relative clause ('…을 구축하는 스마트공장 지원').
    relative = list(re.finditer(r"\S+(?:하는|되는|적인|[한된할])\s", phrase))
    if relative and len(phrase) - relative[-1].end() >= 6:
        phrase = phrase[relative[-1].end() :]
    phrase = re.sub(r"^20\d{2}\s?년\s?(?:을|를)?\s?(?:목표로|까지)\s", "", phrase.strip(" ,"))
    phrase = _LEADING_CONNECTIVE.sub("", phrase)
    phrase = re.sub(r"^(?:올해|금년|내년|명년)(?:에|에는|에도|는|도)?\s", "", phrase)
    return phrase[:120]


def _build(
    draft: _Draft,
    record: SourceRecord,
    gazetteer: Gazetteer,
    home: Region | None,
    home_sentence: str,
    reference_year: int | None,
    article: str,
) -> ExtractedProgram:
    text = draft.text
    title, title_sentence = _title(draft)
    program = ExtractedProgram(title=title, summary=text, source_id=record.source_id)
    program.evidence["title"] = [title_sentence]
    if home:
        program.agency = home.sigungu or home.sido
        program.regions = [home]
        program.evidence["regions"] = [home_sentence] if home_sentence else []
        program.evidence["agency"] = list(program.evidence["regions"])
        # Mentions are read on the whole article: a bare '경산' counts once the article anchors the province.
        mentions = gazetteer.find_mentions(article)
        for sentence in draft.sentences:
            # Other cities named in a list of participants ('A, B, C 등 연관기업') are extra regions.
            start = article.find(sentence)
            extra = [
                m.region
                for m in mentions
                if m.region.sigungu and start >= 0 and start <= m.start < start + len(sentence)
            ]
            if len(set(extra) - {home}) >= 2:  # a list of places, not a passing mention
                for region in extra:
                    if region not in program.regions:
                        program.regions.append(region)
                program.evidence["regions"].append(sentence)
    if draft.budget:
        program.budget_krw = draft.budget.total_krw
        program.national_budget_krw = draft.budget.national_krw
        program.evidence["budget_krw"] = [draft.budget_sentence]
        if draft.budget.national_krw:
            program.evidence["national_budget_krw"] = [draft.budget_sentence]
    places = detect_places(text, gazetteer, home)
    if places:
        program.places = places
        program.evidence["places"] = [s for s in draft.sentences if any(p.split()[-1] in s for p in places)]
    for sentence in draft.sentences:
        year = detect_period_end_year(sentence, reference_year)
        if year:
            program.period_end_year = max(year, program.period_end_year or 0)
            program.evidence.setdefault("period_end_year", []).append(sentence)
    program.firm_types = detect_firm_types(text)
    if program.firm_types:
        program.evidence["firm_types"] = [s for s in draft.sentences if detect_firm_types(s)]
    program.years_min, program.years_max = detect_years_limits(text)
    if program.years_min is not None or program.years_max is not None:
        program.evidence["years"] = [s for s in draft.sentences if detect_years_limits(s) != (None, None)]
    program.support_types = detect_support_types(text)
    if program.support_types:
        program.evidence["support_types"] = [s for s in draft.sentences if detect_support_types(s)]
    program.sectors, program.keywords = detect_sectors(text)
    if program.sectors:
        program.evidence["sectors"] = [
            s for s in draft.sentences if any(w in s for w in _sector_words(program.sectors))
        ] or [draft.declaring]
    return program


def _sector_words(sectors: list[dict[str, str]]) -> list[str]:
    return [w for s in sectors for w in re.split(r"[\s,]+", s["name"].replace("제조업", "")) if len(w) >= 2]
