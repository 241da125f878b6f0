"""Application periods: the one rule for whether a program takes applications on a given day (no Django).

A start without an end is a rolling call (상시 접수) once it has begun; an end without a start is open
until the end; a program that states neither has no status.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

ApplicationStatus = Literal["open", "upcoming", "closed", ""]


def application_status(start: date | None, end: date | None, today: date) -> ApplicationStatus:
    """'open', 'upcoming', 'closed', or '' when the program states no application period."""
    if start is None and end is None:
        return ""
    if end is not None and today > end:
        return "closed"
    if start is not None and today < start:
        return "upcoming"
    return "open"


def is_open(start: date | None, end: date | None, today: date) -> bool | None:
    """True/False, or None when the program states no application period."""
    status = application_status(start, end, today)
    return None if not status else status == "open"
