"""Saved profiles and alert digests (double opt-in; each program is sent to a profile at most once)."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from matcher.models import AlertDelivery, FirmType, Program, SavedProfile, SpecialFirmType
from matcher.services.matching import FirmProfile, ProgramMatch, match_firm

logger = logging.getLogger(__name__)

# A digest lists at most this many programs; the rest follow in the next run.
DIGEST_MAX_PROGRAMS = 30
# How deep into the ranked matches a digest looks for new programs.
MATCH_DEPTH = 200


def _absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def profile_subscribe(
    *,
    email: str,
    sector: str,
    sido: str,
    sigungu: str = "",
    district: str = "",
    place: str = "",
    ksic_code: str = "",
    firm_type: str = "",
    special_types: Sequence[str] = (),
    years: float | None = None,
    employees: int | None = None,
    description: str = "",
) -> SavedProfile:
    """Save a profile and send the confirmation email; alerts start only after confirmation."""
    if firm_type and firm_type not in FirmType.values:
        raise ValueError(f"unknown firm type {firm_type!r}")
    unknown = [kind for kind in special_types if kind not in SpecialFirmType.values]
    if unknown:
        raise ValueError(f"unknown special firm types {unknown!r}")
    profile = SavedProfile.objects.create(
        email=email,
        sector=sector,
        sido=sido,
        sigungu=sigungu,
        district=district,
        place=place,
        ksic_code=ksic_code,
        firm_type=firm_type,
        special_types=list(dict.fromkeys(special_types)),
        years=years,
        employees=employees,
        description=description,
    )
    # Sent after commit so a rolled-back profile never gets a confirmation link.
    transaction.on_commit(lambda: _send_confirmation(profile))
    return profile


def _send_confirmation(profile: SavedProfile) -> None:
    context = {
        "profile": profile,
        "confirm_url": _absolute(reverse("alerts:confirm", args=[profile.confirm_token])),
        "unsubscribe_url": _absolute(reverse("alerts:unsubscribe", args=[profile.unsubscribe_token])),
    }
    message = EmailMultiAlternatives(
        subject="[grantmatch] 지원사업 알림 신청을 확인해 주세요",
        body=render_to_string("alerts/email/confirm.txt", context),
        to=[profile.email],
    )
    message.send()


def profile_confirm(*, token: str, now: dt.datetime | None = None) -> SavedProfile | None:
    """Confirm a profile by its emailed token; None when the token is unknown."""
    return _stamp_once(token_field="confirm_token", time_field="confirmed_at", token=token, now=now)


def profile_unsubscribe(*, token: str, now: dt.datetime | None = None) -> SavedProfile | None:
    """Stop all alerts for a profile; works without login from the link in every email."""
    return _stamp_once(token_field="unsubscribe_token", time_field="unsubscribed_at", token=token, now=now)


def _stamp_once(
    *, token_field: str, time_field: str, token: str, now: dt.datetime | None
) -> SavedProfile | None:
    # Repeated clicks on the same link keep the first time.
    profile = SavedProfile.objects.filter(**{token_field: token}).first()
    if profile is None:
        return None
    if getattr(profile, time_field) is None:
        setattr(profile, time_field, now or timezone.now())
        profile.save(update_fields=[time_field])
    return profile


def search_query(profile: SavedProfile) -> str:
    """The saved search as the results page's query string, so a digest's links open the program page
    with the firm's eligibility (the description is left out: it does not decide who may apply)."""
    params: dict[str, str | list[str]] = {
        "sector": profile.sector,
        "ksic_code": profile.ksic_code,
        "firm_type": profile.firm_type,
    }
    if profile.place or profile.district:  # a complex or a 구 is read from a typed location only
        params["location"] = profile.location_label
    else:
        params.update(sido=profile.sido, sigungu=profile.sigungu)
    if profile.years is not None:
        params["years"] = f"{profile.years:g}"
    if profile.employees is not None:
        params["employees"] = str(profile.employees)
    params["special_types"] = list(profile.special_types or [])
    return urlencode({key: value for key, value in params.items() if value}, doseq=True)


def _firm_profile(profile: SavedProfile) -> FirmProfile:
    location = profile.location
    return FirmProfile(
        sector=profile.sector,
        region=location.region,
        ksic_code=profile.ksic_code,
        firm_type=profile.firm_type,
        years=profile.years,
        employees=profile.employees,
        description=profile.description,
        location_label=location.label,
        site=location.site,
        district=profile.district,
        special_types=tuple(profile.special_types or ()),
    )


def new_matches_for(profile: SavedProfile) -> list[ProgramMatch]:
    """Matching programs published since the profile was confirmed and not yet sent to it, with the
    reasons they match."""
    results = match_firm(profile=_firm_profile(profile), limit=MATCH_DEPTH)
    delivered = set(AlertDelivery.objects.filter(profile=profile).values_list("program_id", flat=True))
    fresh = []
    for match in results:
        program = match.program
        if program.id in delivered or program.status != Program.Status.PUBLISHED:
            continue
        if match.information_only:
            continue  # a guide to a scheme: nothing to apply for, so not a new program to announce
        if any(repost.pk in delivered for repost in match.reposts):
            continue  # the same notice posted again: the profile has it already
        if program.published_at is None or program.published_at < profile.confirmed_at:
            continue
        fresh.append(match)
    return fresh[:DIGEST_MAX_PROGRAMS]


@dataclass
class DigestReport:
    emails_sent: int = 0
    programs_sent: int = 0
    failures: int = 0


def send_alert_digests(*, now: dt.datetime | None = None) -> DigestReport:
    """Email each confirmed, subscribed profile one digest of its new matching programs."""
    now = now or timezone.now()
    report = DigestReport()
    active = SavedProfile.objects.filter(confirmed_at__isnull=False, unsubscribed_at__isnull=True)
    for profile in active.iterator():
        try:
            sent = _send_digest(profile, now=now)
        except Exception:
            # One bad address must not stop everyone else's digest; it is retried next run.
            logger.exception("alert digest for profile %s failed", profile.pk)
            report.failures += 1
            continue
        if sent:
            report.emails_sent += 1
            report.programs_sent += sent
    return report


def _send_digest(profile: SavedProfile, *, now: dt.datetime) -> int:
    matches = new_matches_for(profile)
    if not matches:
        return 0
    with transaction.atomic():
        claimed = []
        for match in matches:
            # The unique (profile, program) row is the claim: a concurrent run skips what we took.
            try:
                with transaction.atomic():
                    AlertDelivery.objects.create(profile=profile, program=match.program)
            except IntegrityError:
                continue
            claimed.append(match)
        if not claimed:
            return 0
        context = {
            "profile": profile,
            "matches": claimed,
            "site_url": settings.SITE_URL.rstrip("/"),
            "search_query": search_query(profile),
            "unsubscribe_url": _absolute(reverse("alerts:unsubscribe", args=[profile.unsubscribe_token])),
        }
        message = EmailMultiAlternatives(
            subject=f"[grantmatch] 새 지원사업 {len(claimed)}건",
            body=render_to_string("alerts/email/digest.txt", context),
            to=[profile.email],
            headers={
                "List-Unsubscribe": f"<{context['unsubscribe_url']}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            },
        )
        # Sending inside the transaction: if the mail server refuses, the deliveries roll back.
        message.send()
        SavedProfile.objects.filter(pk=profile.pk).update(last_digest_at=now)
    return len(claimed)
