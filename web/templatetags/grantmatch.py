"""Template helpers for the public pages: highlighting, money and status wording."""

from __future__ import annotations

from collections.abc import Iterable

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from matcher.engine.text import term_spans
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
register.filter("reason", localized_reason)  # a matcher Reason in the page's language


def highlight_text(text: str, terms: Iterable[str]) -> SafeString:
    """Wrap each term of ``terms`` in <mark> (adjacent hits as one word, lone syllables left out).
    Spans are found on the raw text and every piece is escaped on its own, so neither the text nor a
    term can inject markup."""
    text = str(text or "")
    out: list[str] = []
    last = 0
    for start, end in term_spans(text, [str(t) for t in terms or []]):
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
