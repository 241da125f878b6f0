import json
import pickle

from django.utils import translation

from matcher.engine import eligibility
from matcher.engine.eligibility import ANY_FIRM, LOCATED_REASON, WIDE_REASON, YEARS_MAX_REASON, Reason
from web.vocabulary import REASON_TEMPLATES, localized_reason


def test_every_reason_template_of_the_engine_is_a_message():
    assert set(eligibility.REASON_TEMPLATES) == set(REASON_TEMPLATES)


def test_a_reason_is_its_korean_text_everywhere_else():
    reason = Reason(LOCATED_REASON, where="경상북도 구미시", types="중소기업")
    assert reason == "경상북도 구미시 소재 중소기업 대상"
    assert json.dumps([reason], ensure_ascii=False) == '["경상북도 구미시 소재 중소기업 대상"]'
    copy = pickle.loads(pickle.dumps(reason))
    assert copy == reason and copy.template == LOCATED_REASON and copy.values == reason.values


def test_reasons_in_english_name_firm_types_and_keep_places():
    located = Reason(LOCATED_REASON, where="경상북도 구미시", types="중소기업·창업기업")
    with translation.override("en"):
        assert localized_reason(located) == "For SME, Startup located in 경상북도 구미시"
        wide = Reason(WIDE_REASON, left_out="서울·경기", types=ANY_FIRM)
        assert localized_reason(wide) == "Open to businesses nationwide except 서울·경기"
        assert localized_reason(Reason(YEARS_MAX_REASON, high="7")) == "In business for up to 7 years"
        assert localized_reason("지역 설명") == "지역 설명"  # not a matcher reason: as written
    with translation.override("ko"):
        assert localized_reason(located) == "경상북도 구미시 소재 중소기업·창업기업 대상"
