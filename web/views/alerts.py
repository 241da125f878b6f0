"""Public alert pages: subscribe from the results page, confirm and unsubscribe by emailed link (no login)."""

from __future__ import annotations

from django import forms
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from matcher.engine.regions import default_gazetteer
from matcher.models import FirmType
from matcher.services.alerts import profile_confirm, profile_subscribe, profile_unsubscribe
from matcher.services.firms import EMPLOYEES_MAX


class SubscribeForm(forms.Form):
    """The search's own parameters travel as hidden fields; only the email is typed."""

    email = forms.EmailField(label=_("이메일"))
    sector = forms.CharField(max_length=300)
    location = forms.CharField(max_length=200, required=False)
    sido = forms.CharField(max_length=20, required=False)
    sigungu = forms.CharField(max_length=40, required=False)
    ksic_code = forms.CharField(max_length=10, required=False)
    firm_type = forms.ChoiceField(choices=[("", ""), *FirmType.choices], required=False)
    years = forms.FloatField(required=False, min_value=0, max_value=200)
    employees = forms.IntegerField(required=False, min_value=0, max_value=EMPLOYEES_MAX)
    description = forms.CharField(max_length=2000, required=False)

    def clean(self) -> dict:
        data = super().clean()
        gazetteer = default_gazetteer()
        text = data.get("location") or " ".join(p for p in (data.get("sido"), data.get("sigungu")) if p)
        location = gazetteer.resolve(text) if text else None
        if location is None:
            raise forms.ValidationError(_("지역을 알 수 없습니다. 검색 화면에서 위치를 다시 입력해 주세요."))
        data["sido"] = location.region.sido
        data["sigungu"] = location.region.sigungu or ""
        data["place"] = (location.place or "")[:100]
        return data


# Each subscription sends an email to an address anyone can type: cap them per client.
SUBSCRIBE_PER_HOUR = 10


def _over_limit(request: HttpRequest) -> bool:
    key = f"alerts:subscribe:{request.META.get('REMOTE_ADDR', '')}"
    cache.add(key, 0, timeout=3600)
    try:
        return cache.incr(key) > SUBSCRIBE_PER_HOUR
    except ValueError:  # the key expired between add and incr
        return False


@require_http_methods(["GET", "POST"])
def subscribe(request: HttpRequest) -> HttpResponse:
    form = SubscribeForm(request.POST or None, initial=request.GET.dict())
    if request.method == "POST" and _over_limit(request):
        return render(request, "alerts/too_many.html", status=429)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        profile_subscribe(
            email=data["email"],
            sector=data["sector"],
            sido=data["sido"],
            sigungu=data["sigungu"],
            place=data["place"],
            ksic_code=data["ksic_code"],
            firm_type=data["firm_type"],
            years=data["years"],
            employees=data["employees"],
            description=data["description"],
        )
        return render(request, "alerts/subscribed.html", {"email": data["email"]})
    status = 400 if request.method == "POST" else 200
    return render(request, "alerts/subscribe.html", {"form": form}, status=status)


# Confirm and unsubscribe act on POST: mail scanners that prefetch GET links must not change anything.


@require_http_methods(["GET", "POST"])
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    if request.method == "POST":
        profile = profile_confirm(token=token)
        if profile is None:
            return render(request, "alerts/invalid_link.html", status=404)
        return render(request, "alerts/confirmed.html", {"profile": profile})
    return render(request, "alerts/confirm.html", {"token": token})


@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    if request.method == "POST":
        profile = profile_unsubscribe(token=token)
        if profile is None:
            return render(request, "alerts/invalid_link.html", status=404)
        return render(request, "alerts/unsubscribed.html", {"profile": profile})
    return render(request, "alerts/unsubscribe.html", {"token": token})
