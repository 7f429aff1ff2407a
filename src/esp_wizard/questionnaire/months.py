"""Calendar months: the one date arithmetic of esp-wizard.

The `when` language (`add_months`, `months_between`), the templates (`{estimate_end}`) and
the report's key dates (notice deadline, when the estimate ends, the roadmap's phases) all
count months here, so a rule and the report never disagree about a date. A month is a
calendar month: the same day `n` months on, clamped to the month's end (31 January + 1 is
28 February); a part of a month, which only the report uses (a phase that takes a tenth of
a 12-month estimate), is added as days at the mean month length.
"""

from __future__ import annotations

import calendar
import datetime as dt

DAYS_PER_MONTH = 30.44  # a mean calendar month, for parts of a month


def add_months(start: dt.date, months: float) -> dt.date:
    """`start` moved by whole calendar months (clamped to the month's end), then by the
    rest of `months` as days; negative months move back."""
    whole = int(months)
    index = start.year * 12 + start.month - 1 + whole
    year, month = divmod(index, 12)
    month += 1
    moved = dt.date(year, month, min(start.day, calendar.monthrange(year, month)[1]))
    return moved + dt.timedelta(days=round((months - whole) * DAYS_PER_MONTH))


def months_between(start: dt.date, end: dt.date) -> int:
    """Whole months from `start` to `end`, negative when `end` is earlier.

    A month counts once add_months reaches it: 2025-01-31 to 2025-02-27 is 0 months, to
    2025-02-28 is 1, to 2025-03-31 is 2; always add_months(a, months_between(a, b)) <= b.
    """
    if end < start:
        return -months_between(end, start)
    months = (end.year - start.year) * 12 + end.month - start.month
    if add_months(start, months) > end:
        months -= 1
    return months


def nearest_months(start: dt.date, end: dt.date) -> int:
    """Months from `start` to `end` to the nearest whole month, as a report says "about
    6 months" of 5 months and 23 days (half a month or more rounds up)."""
    if end < start:
        return -nearest_months(end, start)
    whole = months_between(start, end)
    rest = (end - add_months(start, whole)).days
    return whole + (rest >= DAYS_PER_MONTH / 2)
