"""Template helpers for the public pages: highlighting, money and status wording."""

from __future__ import annotations

import re
from collections.abc import Iterable

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from matcher.services.matching import FirmProfile, ProgramMatch
from matcher.services.programs_public import (
    application_status,
    days_to_close,
    eligibility_reasons,
    format_krw,
    reason_sentence,
    region_labels,
)
from web.vocabulary import localized_reason, vocabulary_label

register = template.Library()
register.filter("vocab", vocabulary_label)
MIN_MARK_CHARS = 2


def highlight_text(text: str, terms: Iterable[str]) -> SafeString:
    """Wrap each term of ``terms`` in <mark>. Spans are found on the raw text and every piece is
    escaped on its own, so neither the text nor a term can inject markup."""
    text = str(text or "")
    needles = sorted({str(t) for t in terms if t and str(t).strip()}, key=len, reverse=True)
    if not needles:
        return escape(text)
    pattern = re.compile("|".join(re.escape(n) for n in needles))
    # Adjacent hits read as one word ('양극' + '재' → '양극재'); a lone one-syllable hit is noise.
    spans: list[list[int]] = []
    for found in pattern.finditer(text):
        if spans and spans[-1][1] == found.start():
            spans[-1][1] = found.end()
        else:
            spans.append([found.start(), found.end()])
    out: list[str] = []
    last = 0
    for start, end in spans:
        if end - start < MIN_MARK_CHARS:
            continue
        out.append(escape(text[last:start]))
        out.append(f"<mark>{escape(text[start:end])}</mark>")
        last = end
    out.append(escape(text[last:]))
    return mark_safe("".join(out))  # every piece above went through escape()


@register.simple_tag
def highlight(text: str, terms: Iterable[str] | str) -> SafeString:
    if isinstance(terms, str):
        terms = [terms]
    return highlight_text(text, terms or [])


@register.filter
def visible_terms(terms: Iterable[str]) -> list[str]:
    """Matched terms worth showing to a person: one-syllable morphemes ('재') say nothing alone."""
    return [t for t in dict.fromkeys(str(t) for t in terms or []) if len(t.strip()) >= MIN_MARK_CHARS]


@register.filter
def krw(amount: int | None) -> str:
    return format_krw(amount=amount)


@register.filter
def apply_status(program) -> str:
    return application_status(program=program)


@register.filter
def closing_in(program) -> int | None:
    return days_to_close(program=program)


@register.filter
def regions_of(program) -> list[str]:
    return [vocabulary_label(label) for label in region_labels(program=program)]  # '전국' → 'Nationwide'


@register.filter
def percent(score: float) -> int:
    return round(max(0.0, min(1.0, float(score or 0))) * 100)


@register.simple_tag
def reason_for(match: ProgramMatch) -> str:
    return reason_sentence(match=match)


@register.simple_tag
def eligibility_for(match: ProgramMatch, profile: FirmProfile) -> list[str]:
    return [localized_reason(r) for r in eligibility_reasons(match=match, profile=profile)]
