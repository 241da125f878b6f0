"""How the controlled vocabularies and the matcher's reasons read on the public pages in the visitor's
language.

Firm types, support types and region scopes are stored as their Korean labels (``matcher/models/vocab.py``)
so the database and exports read without a lookup; ``gettext_noop`` registers each as a message so the
English catalogue can name them ('컨설팅' → 'Consulting'). Anything else is shown as stored. The engine's
reasons a firm may apply ('경상북도 소재 중소기업 대상') carry their template and values
(``matcher.engine.eligibility.Reason``); their templates are registered here the same way.
"""

from __future__ import annotations

from django.utils.functional import lazy
from django.utils.translation import get_language, gettext, gettext_noop, pgettext_lazy

from matcher.engine.eligibility import ANY_FIRM, Reason

VOCABULARY = frozenset(
    (
        # Firm types (FirmType)
        gettext_noop("중소기업"),
        gettext_noop("소상공인"),
        gettext_noop("창업기업"),
        gettext_noop("예비창업자"),
        gettext_noop("중견기업"),
        gettext_noop("사회적기업"),
        gettext_noop("여성기업"),
        gettext_noop("장애인기업"),
        gettext_noop("협동조합"),
        # Applicants that are not firms (eligibility.NON_FIRM, eligibility.PUBLIC_BODY)
        gettext_noop("학교·학생·개인"),
        gettext_noop("지자체·공공기관"),
        # Support types (SupportType; R&D reads the same in English)
        gettext_noop("자금·융자"),
        gettext_noop("시설·장비"),
        gettext_noop("시제품"),
        gettext_noop("인력"),
        gettext_noop("수출·판로"),
        gettext_noop("컨설팅"),
        gettext_noop("인증·시험"),
        gettext_noop("창업"),
        gettext_noop("교육"),
        gettext_noop("스마트공장"),
        gettext_noop("기반구축"),
        gettext_noop("기업유치"),
        gettext_noop("마케팅·홍보"),
        gettext_noop("지식재산"),
        gettext_noop("입주공간"),
        gettext_noop("경영안정"),
        # Region scopes (Program.region_scope)
        gettext_noop("전국"),
        gettext_noop("시도"),
        gettext_noop("시군구"),
        gettext_noop("산업단지"),
        # Who beyond a program's regions may apply (Program.OutsideApplicants), shown beside its regions
        gettext_noop("이전·신설하는 기업도 신청 가능"),
        gettext_noop("지역에서 활동하는 기업이면 소재지 무관"),
    )
)


def vocabulary_label(value: str) -> str:
    """A stored vocabulary value in the active language; other text unchanged."""
    return gettext(value) if value in VOCABULARY else value


vocabulary_label_lazy = lazy(vocabulary_label, str)


REASON_TEMPLATES = (
    gettext_noop("전국 {types} 대상"),
    gettext_noop("전국 ({left_out} 제외) {types} 대상"),
    gettext_noop("{where} 소재 {types} 대상"),
    gettext_noop("{where} 소재 {types} 대상 (구 확인 필요)"),
    gettext_noop("{where}에 이전·신설하는 {types} 대상 (지금 소재지 무관)"),
    gettext_noop("{where}에서 활동하는 {types} 대상 (소재지 무관)"),
    gettext_noop("업력 {low}년 초과 {high}년 이내"),
    gettext_noop("업력 {high}년 이내"),
    gettext_noop("업력 {low}년 초과"),
    gettext_noop("상시근로자 {low}인 이상"),
    gettext_noop("{sites} 입주 기업 대상"),
    gettext_noop("{sites} 입주 기업 대상 (입주 여부 확인 필요)"),
    gettext_noop("{where} 소재 기업 대상 (지역 불일치)"),
    gettext_noop("{where} 외 {more}곳 소재 기업 대상 (지역 불일치)"),
    gettext_noop("전국 ({left_out} 제외) 기업 대상 (지역 불일치)"),
    gettext_noop("{sites} 입주 기업 대상 (산업단지 불일치)"),
    gettext_noop("학교·학생·개인 대상 (기업 지원 아님)"),
    gettext_noop("지자체·공공기관 대상 (기업 지원 아님)"),
    gettext_noop("{types} 대상"),
    gettext_noop("사업자 등록 기업 대상 (예비창업자 제외)"),
    gettext_noop("창업 {high}년 이내 기업 대상"),
    gettext_noop("업력 {high}년 이내 대상"),
    gettext_noop("업력 {low}년 초과 대상"),
    gettext_noop("상시근로자 {low}인 이상 기업 대상"),
    gettext_noop("기업 유형 불일치"),
)
# '기업' where a program names no firm type: 'businesses' in a reason, not a firm type of its own.
ANY_FIRM_IN_REASON = pgettext_lazy("eligibility reason", "기업")


def localized_reason(reason: str) -> str:
    """A matcher reason in the active language: Korean as the engine wrote it; in another language its
    template translated with the firm types named in that language (place names stay as written)."""
    if not isinstance(reason, Reason) or (get_language() or "ko").startswith("ko"):
        return str(reason)
    values = dict(reason.values)
    if "types" in values:
        types = values["types"].split("·")
        values["types"] = ", ".join(
            str(ANY_FIRM_IN_REASON) if t == ANY_FIRM else vocabulary_label(t) for t in types
        )
    return gettext(reason.template).format(**values)
