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
    return [token.form.lower() for token in _kiwi().tokenize(text) if token.tag in _KEEP_TAGS]


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
