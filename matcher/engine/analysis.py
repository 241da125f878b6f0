"""Korean text analysis for matching: Kiwi morphemes → search terms.

Kiwi analyses about 20k characters per second per thread, so programs are
analysed once when extracted (stored as ``Program.search_terms``) and the
similarity model is fitted on those terms.
"""

from __future__ import annotations

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
