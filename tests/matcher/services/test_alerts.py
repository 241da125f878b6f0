import re
from datetime import date
from urllib.parse import parse_qs

import pytest
from django.core import mail

from matcher.models import AlertDelivery, SavedProfile
from matcher.services.alerts import (
    profile_confirm,
    profile_subscribe,
    profile_unsubscribe,
    send_alert_digests,
)
from matcher.services.programs import program_publish
from matcher.tasks.alerts import send_alert_digests as send_alert_digests_task
from tests.factories import make_program

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _locmem_mail(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.SITE_URL = "https://grantmatch.example"


def _publish(editor, capture, **fields):
    program = make_program(**fields)
    # Run the on-commit refit so the matcher serves the newly published program.
    with capture(execute=True):
        program_publish(program=program, user=editor)
    return program


def _subscribe(capture) -> SavedProfile:
    with capture(execute=True):
        return profile_subscribe(
            email="owner@example.kr", sector="이차전지 소재", sido="경상북도", sigungu="구미시"
        )


def _link(message, name: str) -> str:
    return re.search(rf"https://grantmatch\.example/alerts/{name}/[^/\s]+/", message.body).group(0)


def test_subscribe_sends_a_confirmation_link(django_capture_on_commit_callbacks):
    profile = _subscribe(django_capture_on_commit_callbacks)

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["owner@example.kr"]
    assert _link(message, "confirm").endswith(f"/{profile.confirm_token}/")
    assert not profile.is_active


def test_unconfirmed_profiles_get_nothing(editor, django_capture_on_commit_callbacks):
    _subscribe(django_capture_on_commit_callbacks)
    _publish(editor, django_capture_on_commit_callbacks)
    mail.outbox.clear()

    report = send_alert_digests()

    assert report.emails_sent == 0
    assert mail.outbox == []
    assert not AlertDelivery.objects.exists()


def test_digest_sends_each_new_matching_program_once(editor, django_capture_on_commit_callbacks):
    capture = django_capture_on_commit_callbacks
    before = _publish(editor, capture, title="구미 이차전지 소재 기존 사업")
    profile = _subscribe(capture)
    profile_confirm(token=profile.confirm_token)
    first = _publish(editor, capture, title="구미 이차전지 소재 실증 지원")
    second = _publish(editor, capture, title="이차전지 소재 전국 수출 지원", nationwide=True, regions=[])
    elsewhere = _publish(
        editor, capture, title="광주 이차전지 소재 지원", regions=[{"sido": "광주광역시", "sigungu": None}]
    )
    unrelated_review = make_program(title="구미 이차전지 소재 검토 중 사업")  # never published
    mail.outbox.clear()

    report = send_alert_digests()

    assert report.emails_sent == 1
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert first.title in body and second.title in body
    assert before.title not in body  # published before the profile was confirmed
    assert elsewhere.title not in body  # another region
    assert unrelated_review.title not in body
    assert set(AlertDelivery.objects.values_list("program_id", flat=True)) == {first.pk, second.pk}
    assert _link(mail.outbox[0], "unsubscribe").endswith(f"/{profile.unsubscribe_token}/")
    assert mail.outbox[0].extra_headers["List-Unsubscribe"].startswith("<https://grantmatch.example/alerts/")

    # A second run finds nothing new: no duplicate email.
    mail.outbox.clear()
    assert send_alert_digests().emails_sent == 0
    assert mail.outbox == []

    # A later program is sent alone.
    third = _publish(editor, capture, title="구미 이차전지 소재 인력 지원")
    assert send_alert_digests_task.delay() is not None
    assert len(mail.outbox) == 1
    assert third.title in mail.outbox[0].body
    assert first.title not in mail.outbox[0].body
    assert AlertDelivery.objects.filter(profile=profile).count() == 3


def test_a_scheme_guide_is_not_announced_as_a_new_program(editor, django_capture_on_commit_callbacks):
    capture = django_capture_on_commit_callbacks
    profile = _subscribe(capture)
    profile_confirm(token=profile.confirm_token)
    guide = _publish(
        editor,
        capture,
        title="구미 이차전지 소재 기업 투자 세액공제 안내",
        summary="※ 본 내용은 지원사업이 아니라 조세지원제도에 대한 안내입니다. 이차전지 소재 기업 세액공제.",
    )
    program = _publish(editor, capture, title="구미 이차전지 소재 실증 지원")
    mail.outbox.clear()

    assert send_alert_digests().programs_sent == 1
    assert program.title in mail.outbox[0].body and guide.title not in mail.outbox[0].body
    assert not AlertDelivery.objects.filter(program=guide).exists()


def test_a_notice_posted_again_is_not_announced_a_second_time(editor, django_capture_on_commit_callbacks):
    capture = django_capture_on_commit_callbacks
    profile = _subscribe(capture)
    profile_confirm(token=profile.confirm_token)
    notice = {"title": "구미 이차전지 소재 실증 지원", "summary": "구미 이차전지 소재 기업의 실증을 돕는다."}
    first = _publish(editor, capture, source_id="PBLN_1", **notice)
    assert send_alert_digests().programs_sent == 1
    mail.outbox.clear()

    # The same notice under another id, now with a period (open, so it stands for both), and a new one.
    again = _publish(editor, capture, source_id="PBLN_2", apply_start=date(2026, 1, 1), **notice)
    other = _publish(editor, capture, title="구미 이차전지 소재 인력 지원")

    assert send_alert_digests().programs_sent == 1
    assert other.title in mail.outbox[0].body and notice["title"] not in mail.outbox[0].body
    assert not AlertDelivery.objects.filter(program=again).exists()
    assert AlertDelivery.objects.filter(program=first).count() == 1


def test_a_subscribed_headcount_is_stored_and_decides_a_least_headcount(
    editor, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    with capture(execute=True):
        profile = profile_subscribe(
            email="owner@example.kr", sector="이차전지 소재", sido="경상북도", sigungu="구미시", employees=8
        )
    profile.refresh_from_db()
    assert profile.employees == 8
    profile_confirm(token=profile.confirm_token)
    eight = _publish(editor, capture, title="구미 이차전지 소재 소규모 기업 실증 지원", employees_min=8)
    twenty = _publish(editor, capture, title="구미 이차전지 소재 인턴 채용 지원", employees_min=20)
    mail.outbox.clear()

    assert send_alert_digests().programs_sent == 1
    assert eight.title in mail.outbox[0].body and twenty.title not in mail.outbox[0].body


def test_unsubscribe_stops_alerts(editor, django_capture_on_commit_callbacks):
    capture = django_capture_on_commit_callbacks
    profile = _subscribe(capture)
    profile_confirm(token=profile.confirm_token)
    assert profile_unsubscribe(token=profile.unsubscribe_token) == profile
    _publish(editor, capture)
    mail.outbox.clear()

    assert send_alert_digests().emails_sent == 0
    assert mail.outbox == []


def test_unknown_tokens_do_nothing():
    assert profile_confirm(token="nope") is None
    assert profile_unsubscribe(token="nope") is None


def test_a_saved_complex_decides_a_complex_limit(editor, django_capture_on_commit_callbacks):
    capture = django_capture_on_commit_callbacks
    with capture(execute=True):
        inside = profile_subscribe(
            email="in@example.kr",
            sector="이차전지 소재",
            sido="경상북도",
            sigungu="구미시",
            place="구미5공단",
        )
        other = profile_subscribe(
            email="out@example.kr",
            sector="이차전지 소재",
            sido="경상북도",
            sigungu="구미시",
            place="해평농공단지",
        )
    for profile in (inside, other):
        profile_confirm(token=profile.confirm_token)
    limited = _publish(
        editor, capture, title="구미국가산업단지 이차전지 소재 실증 지원", site_limits=["구미국가산업단지"]
    )
    mail.outbox.clear()

    assert send_alert_digests().programs_sent == 1
    assert [m.to for m in mail.outbox] == [["in@example.kr"]]
    body = mail.outbox[0].body
    assert limited.title in body
    # Why it matches, and where to read more on the site.
    assert "신청 자격: 경상북도 구미시 소재 중소기업 대상 / 구미국가산업단지 입주 기업 대상" in body
    # The link carries the saved search, so the page says whether this firm may apply.
    link = re.search(rf"자세히 보기: (https://grantmatch.example/programs/{limited.pk}/\?\S+)", body).group(1)
    assert "sector=" in link and "location=" in link
    assert "겹치는 말: " in body and "경상북도 구미시 구미5공단 · 이차전지 소재" in body


def test_a_saved_district_decides_a_district_limit(editor, django_capture_on_commit_callbacks):
    capture = django_capture_on_commit_callbacks
    jeonju = {"sector": "이차전지 소재", "sido": "전북특별자치도", "sigungu": "전주시"}
    with capture(execute=True):
        profiles = [
            profile_subscribe(email="deokjin@example.kr", district="전주시 덕진구", **jeonju),
            profile_subscribe(email="wansan@example.kr", district="전주시 완산구", **jeonju),
            profile_subscribe(email="city@example.kr", **jeonju),
        ]
    for profile in profiles:
        profile_confirm(token=profile.confirm_token)
    _publish(
        editor,
        capture,
        title="전주시 덕진구 이차전지 소재 시제품 지원",
        regions=[{"sido": "전북특별자치도", "sigungu": "전주시"}],
        district_limits=["전주시 덕진구"],
    )
    mail.outbox.clear()

    send_alert_digests()
    bodies = {m.to[0]: m.body for m in mail.outbox}
    assert set(bodies) == {"deokjin@example.kr", "city@example.kr"}
    assert "신청 자격: 전북특별자치도 전주시 덕진구 소재 중소기업 대상\n" in bodies["deokjin@example.kr"]
    unchecked = "신청 자격: 전북특별자치도 전주시 덕진구 소재 중소기업 대상 (구 확인 필요)"
    assert unchecked in bodies["city@example.kr"]
    assert "전북특별자치도 전주시 덕진구 · 이차전지 소재 조건에 맞는" in bodies["deokjin@example.kr"]
    # The digest's link carries the 구, so the program page checks it too.
    link = re.search(r"자세히 보기: \S+\?(\S+)", bodies["deokjin@example.kr"]).group(1)
    assert parse_qs(link)["location"] == ["전북특별자치도 전주시 덕진구"]


def test_a_digest_links_each_program_with_the_saved_search(db):
    from urllib.parse import parse_qs

    from django.http import QueryDict

    from matcher.services.alerts import search_query
    from web.forms import MatchForm

    profile = SavedProfile.objects.create(
        email="a@example.kr",
        sector="화재감시",
        sido="전라남도",
        sigungu="광양시",
        place="광양국가산단",
        years=3.0,
    )
    query = {key: values[0] for key, values in parse_qs(search_query(profile)).items()}
    assert query == {"sector": "화재감시", "location": "전라남도 광양시 광양국가산단", "years": "3"}
    # The results page and the program page read it back as the same firm, complex included.
    form = MatchForm(query)
    assert form.is_valid(), form.errors
    assert (form.profile().region.sigungu, form.profile().site, form.profile().years) == ("광양시", "광양", 3)

    # Kinds of firm ticked go along too, each as its own parameter.
    profile.special_types = ["여성기업", "협동조합"]
    assert parse_qs(search_query(profile))["special_types"] == ["여성기업", "협동조합"]
    form = MatchForm(QueryDict(search_query(profile)))
    assert form.is_valid(), form.errors
    assert form.profile().special_types == ("여성기업", "협동조합")
