"""Public alert pages: subscribe from the results page, confirm and unsubscribe by emailed link (no login)."""

from __future__ import annotations

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from matcher.services.alerts import profile_confirm, profile_subscribe, profile_unsubscribe
from web.forms import AlertSubscribeForm

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
    """POST from the results page; GET (a link or a reload) shows the search and asks for the address."""
    if request.method == "POST" and _over_limit(request):
        return render(request, "alerts/too_many.html", status=429)
    posted = request.method == "POST"
    form = AlertSubscribeForm(
        request.POST if posted else None, search_data=request.POST if posted else request.GET
    )
    if posted and form.is_valid():
        profile = form.profile()
        profile_subscribe(
            email=form.cleaned_data["email"],
            sector=profile.sector,
            sido=profile.region.sido,
            sigungu=profile.region.sigungu or "",
            district=profile.district,
            place=form.place(),
            ksic_code=profile.ksic_code,
            firm_type=profile.firm_type,
            special_types=list(profile.special_types),
            years=profile.years,
            employees=profile.employees,
            description=profile.description,
        )
        return render(request, "alerts/subscribed.html", {"email": form.cleaned_data["email"]})
    search_errors = form.search_errors()
    context = {
        "form": form,
        "search_errors": search_errors,
        "profile": None if search_errors else form.profile(),
    }
    return render(request, "alerts/subscribe.html", context, status=400 if posted else 200)


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
