"""Korean text analysis for matching: Kiwi morphemes → search terms.

Kiwi analyses about 20k characters per second per thread, so programs are
analysed once when extracted (stored as ``Program.search_terms``) and the
similarity model is fitted on those terms.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Content-bearing tags: common/proper nouns, foreign words, numbers with letters, roots.
_KEEP_TAGS = {"NNG", "NNP", "SL", "SH", "XR"}


@lru_cache(maxsize=1)
def _kiwi():
    from kiwipiepy import Kiwi

    return Kiwi(num_workers=1)


def warm_up() -> None:
    """Load Kiwi's model now (about 3 s) rather than on the first text analysed. Kiwi reads part of it
    lazily on its first analysis, so one short text is analysed too."""
    analyze("지원사업 공고")


def analyze(text: str) -> list[str]:
    """Content morphemes of ``text``, lower-cased, in order."""
    if not text or not text.strip():
        return []
    tokens = _kiwi().tokenize(text)
    terms = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        end = _latin_run_end(tokens, index)
        if end > index:
            terms.append("".join(t.form for t in tokens[index:end]).lower())
            index = end
            continue
        if token.tag in _KEEP_TAGS:
            terms.append(token.form.lower())
        elif prefix := _numeral_prefix(tokens, index):
            terms.append(prefix)
        index += 1
    return terms


def _latin_run_end(tokens: list, index: int) -> int:
    """The end of a word of Latin letters with digits or '&' that starts at ``index``, or ``index``.

    Kiwi splits such a word into letters and digits: '3D' → 3/SN D/SL, 'B2B' → B/SL 2/SN B/SL, 'R&D' →
    R/SL &/SW D/SL. Kept apart, '3D 프린팅' became 'd 프린팅' and matched every R&D notice ('r d'); the
    glued pieces are one term ('3d', 'b2b', 'r&d'). A run without a letter (a number) is not a term.
    """
    end = index
    while end < len(tokens) and (
        tokens[end].tag in ("SL", "SN") or (tokens[end].form == "&" and end > index)
    ):
        if end > index and tokens[end].start != tokens[end - 1].end:
            break
        end += 1
    while end > index and tokens[end - 1].form == "&":  # a trailing '&' is not part of the word
        end -= 1
    return end if any(t.tag == "SL" for t in tokens[index:end]) else index


# A digit read the Sino-Korean way, as it is in a compound prefix: '2차전지' is '이차전지'.
_SINO_DIGITS = dict(zip("123456789", "일이삼사오육칠팔구", strict=True))


def _numeral_prefix(tokens: list, index: int) -> str:
    """The Sino-Korean prefix of a compound that starts at ``index`` ('이차'), or ''.

    Kiwi reads '이차전지' as 이/NR 차/NNB 전지/NNG ('two', 'times', 'battery') unless a word before it says
    otherwise ('차세대 이차전지' gives 이차/NNG), and '2차전지' as 2/SN 차/NNB 전지/NNG, so the prefix that
    tells a rechargeable battery from any other ('연료전지') was lost; likewise '4차산업'. A numeral and a
    bound noun glued to the noun that follows are one term; a digit counts only before 차 (次: '2차전지'),
    since '3년이내' and '2회차' are counts, not compounds; nor is '2차년도', a bound noun after it.
    """
    if index + 2 >= len(tokens):
        return ""
    numeral, bound, noun = tokens[index], tokens[index + 1], tokens[index + 2]
    if not (
        bound.tag == "NNB"
        and noun.tag in ("NNG", "NNP")  # not another bound noun: '2차년도' is a second year
        and numeral.end == bound.start
        and bound.end == noun.start
    ):
        return ""
    if numeral.tag == "NR":
        return numeral.form + bound.form
    if numeral.tag == "SN" and bound.form == "차" and numeral.form in _SINO_DIGITS:
        return _SINO_DIGITS[numeral.form] + bound.form
    return ""


def analyze_to_string(text: str) -> str:
    """``analyze`` joined by spaces, the form stored on programs."""
    return " ".join(analyze(text))


# Kiwi analyses ~20k chars/s: a program's terms come from at most this much summary (~2.5 s), so one
# huge article cannot stall a batch for minutes.
SEARCH_TEXT_LIMIT = 50_000


def program_search_terms(*, title: str, summary: str, keywords: list[str] | tuple[str, ...]) -> str:
    """The terms a program is matched on (``Program.search_terms``): its title, summary and keywords."""
    return analyze_to_string(
        "\n".join([title or "", (summary or "")[:SEARCH_TEXT_LIMIT], " ".join(keywords or [])])
    )


# A join must raise Kiwi's log-probability of the two words by this much. A word a PDF table cell
# wrapped gains far more ('창업콘테스 트' +19, '경제과학진흥 원' +4.2) than two words that may also be
# written together ('서울창업허브 성수' −0.7, '발굴 도내' +2.5); measured on the 2024 통합공고 cells.
WRAP_MIN_GAIN = 4.0
# A table cell is short (at most 128 characters in the 2024 통합공고); a longer text is not one, and is left
# as it is, which also bounds Kiwi's time on a large file.
WRAP_MAX_CHARS = 1_000
_HANGUL_SPACE_HANGUL = re.compile(r"[가-힣] +[가-힣]")


def rejoin_wrapped_words(text: str, *, min_gain: float = WRAP_MIN_GAIN) -> str:
    """The text with the spaces a line wrap left inside Korean words taken out, every other space kept.

    A table cell extracted from a PDF keeps its line breaks as spaces: '문화체육관 광부', '창업콘테스 트'.
    Kiwi respaces each line from scratch; a space between two Hangul syllables that Kiwi writes together,
    and whose removal makes the two words much likelier to Kiwi, is such a wrap. Kiwi's own spacing is not
    used otherwise: it would split names that are written as one word ('관광 벤처 사업'). A text longer
    than ``WRAP_MAX_CHARS`` is not a table cell and comes back unchanged.
    """
    if not text or len(text) > WRAP_MAX_CHARS or not _HANGUL_SPACE_HANGUL.search(text):
        return text
    return "\n".join(_rejoin_line(line, min_gain) for line in text.split("\n"))


# Table cells repeat (the same agency on dozens of rows), and a program page re-reads its record to quote
# it: the repair of a line is remembered.
@lru_cache(maxsize=8192)
def _rejoin_line(line: str, min_gain: float) -> str:
    if not _HANGUL_SPACE_HANGUL.search(line):
        return line
    kiwi = _kiwi()
    respaced = kiwi.space(line, reset_whitespace=True)
    if re.sub(r"\s", "", respaced) != re.sub(r"\s", "", line):
        return line  # Kiwi changed more than spaces: keep the line as it is
    spaced_before: set[int] = set()  # positions (not counting spaces) Kiwi starts a word at
    position = 0
    for i, char in enumerate(respaced):
        if char.isspace():
            continue
        if i and respaced[i - 1].isspace():
            spaced_before.add(position)
        position += 1
    words = line.split()
    out = [words[0]]
    position = len(words[0])
    for word in words[1:]:
        left = out[-1]
        if (
            position not in spaced_before
            and "가" <= left[-1] <= "힣"
            and "가" <= word[0] <= "힣"
            and _score(kiwi, left + word) - _score(kiwi, f"{left} {word}") >= min_gain
        ):
            out[-1] = left + word
        else:
            out.append(word)
        position += len(word)
    return " ".join(out)


def _score(kiwi, text: str) -> float:
    """Kiwi's log-probability of its best analysis of ``text``."""
    return kiwi.analyze(text, top_n=1)[0][1]
