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
    assert "지역을 알 수 없습니다" in response.content.decode()
    assert not SavedProfile.objects.exists()
    assert mail.outbox == []


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
