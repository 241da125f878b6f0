"""Public alert pages: subscribe from the results page, confirm and unsubscribe by link without login."""

import re

import pytest
from django.core import mail
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse

from matcher.models import SavedProfile

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _locmem_mail(settings):
    from django.core.cache import cache

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    cache.clear()  # the per-client subscription cap lives in the cache


def test_subscribe_partial_carries_the_search_parameters():
    request = RequestFactory().get(
        "/results/", {"sector": "이차전지 <소재>", "location": "경북 구미시", "years": "3", "employees": "0"}
    )
    html = render_to_string("alerts/_subscribe_form.html", request=request)
    assert 'action="/alerts/subscribe/"' in html
    assert 'name="sector" value="이차전지 &lt;소재&gt;"' in html
    assert 'name="location" value="경북 구미시"' in html
    assert 'name="years" value="3"' in html
    assert 'name="employees" value="0"' in html  # none besides the owner is a headcount too
    without = RequestFactory().get("/results/", {"sector": "이차전지", "location": "경북 구미시"})
    assert 'name="employees" value=""' in render_to_string("alerts/_subscribe_form.html", request=without)
    assert "csrfmiddlewaretoken" in html


def test_double_opt_in_and_unsubscribe_without_login(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("alerts:subscribe"),
            {"email": "owner@example.kr", "sector": "이차전지 소재", "location": "경북 구미시 공단동"},
        )
    assert response.status_code == 200
    assert "확인 메일을 보냈습니다" in response.content.decode()
    profile = SavedProfile.objects.get()
    assert (profile.sido, profile.sigungu, profile.confirmed_at) == ("경상북도", "구미시", None)

    confirm_path = re.search(r"/alerts/confirm/[^/\s]+/", mail.outbox[0].body).group(0)
    # Opening the link (as a mail scanner would) changes nothing; the button confirms.
    assert client.get(confirm_path).status_code == 200
    profile.refresh_from_db()
    assert profile.confirmed_at is None
    assert client.post(confirm_path).status_code == 200
    profile.refresh_from_db()
    assert profile.is_active

    unsubscribe_path = reverse("alerts:unsubscribe", args=[profile.unsubscribe_token])
    assert client.get(unsubscribe_path).status_code == 200
    response = client.post(unsubscribe_path)
    assert response.status_code == 200
    profile.refresh_from_db()
    assert profile.unsubscribed_at is not None and not profile.is_active


def test_a_subscription_keeps_the_searchs_headcount(client):
    data = {"email": "owner@example.kr", "sector": "이차전지 소재", "location": "경북 구미시"}
    assert client.post(reverse("alerts:subscribe"), {**data, "employees": "12"}).status_code == 200
    assert client.post(reverse("alerts:subscribe"), {**data, "employees": ""}).status_code == 200
    assert client.post(reverse("alerts:subscribe"), {**data, "employees": "-3"}).status_code == 400
    assert list(SavedProfile.objects.order_by("pk").values_list("employees", flat=True)) == [12, None]


def test_a_subscription_keeps_the_complex_typed_with_the_location(client):
    data = {"email": "owner@example.kr", "sector": "화재감시", "location": "전남 광양시 광양국가산단"}
    assert client.post(reverse("alerts:subscribe"), data).status_code == 200
    profile = SavedProfile.objects.get()
    assert (profile.sido, profile.sigungu, profile.place) == ("전라남도", "광양시", "광양국가산단")


def test_a_subscription_keeps_the_district_typed_with_the_location(client):
    data = {"email": "owner@example.kr", "sector": "금속가공", "location": "전북 전주시 덕진구"}
    assert client.post(reverse("alerts:subscribe"), data).status_code == 200
    profile = SavedProfile.objects.get()
    assert (profile.sido, profile.sigungu, profile.district) == ("전북특별자치도", "전주시", "전주시 덕진구")
    from urllib.parse import parse_qs

    from matcher.services.alerts import search_query

    # A digest's links carry the 구 back to the results and program pages.
    assert parse_qs(search_query(profile))["location"] == ["전북특별자치도 전주시 덕진구"]


def test_one_click_unsubscribe_works_without_a_csrf_token(client, django_capture_on_commit_callbacks):
    profile = SavedProfile.objects.create(email="a@example.kr", sector="s", sido="경상북도")
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    response = strict.post(
        reverse("alerts:unsubscribe", args=[profile.unsubscribe_token]), {"List-Unsubscribe": "One-Click"}
    )
    assert response.status_code == 200
    profile.refresh_from_db()
    assert profile.unsubscribed_at is not None


def test_bad_links_and_bad_input(client):
    assert client.post(reverse("alerts:confirm", args=["nope"])).status_code == 404
    assert client.post(reverse("alerts:unsubscribe", args=["nope"])).status_code == 404
    response = client.post(
        reverse("alerts:subscribe"), {"email": "x@example.kr", "sector": "s", "location": "?"}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "주소로 입력: ‘?’에서 지역을 찾지 못했습니다" in page  # the search form's own label and message
    assert 'href="/"' in page  # back to the search, since the alert cannot be fixed here
    assert not SavedProfile.objects.exists()
    assert mail.outbox == []


def test_a_bad_address_is_asked_again_with_the_search_kept(client):
    search = {"sector": "이차전지 소재", "location": "경북 구미시", "years": "3", "firm_type": "중소기업"}
    response = client.post(reverse("alerts:subscribe"), {**search, "email": "owner@"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "이메일 주소가 올바르지 않습니다" in page
    assert 'value="owner@"' in page  # what was typed comes back to be corrected
    assert "경상북도 구미시" in page and "3년" in page  # the search the alert will keep, in words
    assert 'name="sector" value="이차전지 소재"' in page and 'name="years" value="3"' in page
    # No form field name leaks onto the Korean page.
    assert not any(name in page for name in ("Sector:", "Ksic code", "Firm type", "Employees:"))
    assert (
        client.post(reverse("alerts:subscribe"), {**search, "email": "owner@example.kr"}).status_code == 200
    )
    profile = SavedProfile.objects.get()
    assert (profile.sector, profile.sigungu, profile.years, profile.firm_type) == (
        "이차전지 소재",
        "구미시",
        3,
        "중소기업",
    )


def test_the_subscribe_page_opened_by_link_shows_the_search_or_says_what_is_missing(client):
    shown = client.get(
        reverse("alerts:subscribe"), {"sector": "한식 음식점", "sido": "서울특별시", "sigungu": "관악구"}
    )
    assert shown.status_code == 200
    assert "서울특별시 관악구" in shown.content.decode() and 'id="alert-email"' in shown.content.decode()
    empty = client.get(reverse("alerts:subscribe")).content.decode()
    assert "업종을 입력해 주세요" in empty and "소재지를 선택하거나 주소를 입력해 주세요" in empty
    assert 'id="alert-email"' not in empty  # nothing to subscribe to yet


def test_subscriptions_are_capped_per_client(client):
    from django.core.cache import cache

    from web.views.alerts import SUBSCRIBE_PER_HOUR

    cache.clear()
    data = {"email": "x@example.kr", "sector": "s", "location": "경북 구미시"}
    codes = [
        client.post(reverse("alerts:subscribe"), data).status_code for _ in range(SUBSCRIBE_PER_HOUR + 1)
    ]
    assert codes[:-1] == [200] * SUBSCRIBE_PER_HOUR
    assert codes[-1] == 429
    assert SavedProfile.objects.count() == SUBSCRIBE_PER_HOUR
    cache.clear()


def test_alert_pages_follow_the_owners_language(client):
    response = client.post(
        reverse("alerts:subscribe"),
        {"email": "owner@example.kr", "sector": "이차전지 소재", "location": "경북 구미시"},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert "We sent you a confirmation email" in response.content.decode()
    profile = SavedProfile.objects.get()
    unsubscribe_path = reverse("alerts:unsubscribe", args=[profile.unsubscribe_token])
    assert (
        "Press the button below to stop alerts"
        in client.get(unsubscribe_path, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    )
    assert "You are unsubscribed" in client.post(unsubscribe_path, HTTP_ACCEPT_LANGUAGE="en").content.decode()


def test_a_subscription_keeps_the_kinds_of_firm_ticked(client):
    data = {"email": "owner@example.kr", "sector": "이차전지 소재", "location": "경북 구미시"}
    results = client.get("/results/", {**data, "special_types": ["여성기업", "협동조합"]})
    html = results.content.decode()
    assert 'name="special_types" value="여성기업" checked' in html  # the search form keeps the ticks
    assert html.count('type="hidden" name="special_types"') == 2  # and the alert form carries both
    assert (
        client.post(
            reverse("alerts:subscribe"), {**data, "special_types": ["여성기업", "협동조합"]}
        ).status_code
        == 200
    )
    assert client.post(reverse("alerts:subscribe"), {**data, "special_types": ["대기업"]}).status_code == 400
    assert list(SavedProfile.objects.values_list("special_types", flat=True)) == [["여성기업", "협동조합"]]
