"""Per-client rate limit for the match endpoints (results page and API), kept in Django's cache.

A one-minute window per client IP, opened by its first request: cheap, shared between
processes when the cache is Redis, and good enough to stop one client from monopolising the matcher.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

RATE_LIMIT_MESSAGE = "요청이 너무 많습니다. 잠시 후 다시 시도해 주세요."


def client_id(*, request: HttpRequest) -> str:
    # REMOTE_ADDR only: X-Forwarded-For is client-controlled unless a trusted proxy rewrites it.
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def allow_request(*, request: HttpRequest, scope: str = "match") -> bool:
    """Count this request; False once the client exceeded MATCH_RATE_LIMIT_PER_MINUTE this minute."""
    # The window opens at the client's first request and lasts a minute (the counter's expiry);
    # incr() keeps the expiry, so a burst cannot straddle two clock-aligned windows.
    key = f"ratelimit:{scope}:{client_id(request=request)}"
    # add() is atomic: only the first request in a window creates the counter.
    if cache.add(key, 1, timeout=60):
        count = 1
    else:
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add() and incr()
            cache.set(key, 1, timeout=60)
            count = 1
    return count <= settings.MATCH_RATE_LIMIT_PER_MINUTE


def rate_limited(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Page views: answer 429 with a Korean page once the client is over the limit."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not allow_request(request=request):
            response = render(request, "web/rate_limited.html", {"message": RATE_LIMIT_MESSAGE}, status=429)
            response["Retry-After"] = "60"
            return response
        return view(request, *args, **kwargs)

    return wrapper
