from datetime import date

import pytest

from matcher.engine.periods import application_status, is_open

TODAY = date(2025, 4, 1)


@pytest.mark.parametrize(
    ("start", "end", "status"),
    [
        (date(2025, 3, 1), date(2025, 4, 30), "open"),
        (date(2025, 3, 1), date(2025, 4, 1), "open"),  # the last day still counts
        (date(2025, 3, 1), date(2025, 3, 31), "closed"),
        (date(2025, 4, 2), date(2025, 4, 30), "upcoming"),
        (date(2025, 3, 1), None, "open"),  # a rolling call once begun
        (date(2025, 5, 1), None, "upcoming"),
        (None, date(2025, 4, 30), "open"),
        (None, date(2025, 3, 31), "closed"),
        (None, None, ""),
    ],
)
def test_application_status(start, end, status):
    assert application_status(start, end, TODAY) == status
    assert is_open(start, end, TODAY) == (None if not status else status == "open")
