"""The key dates of an engagement, read from its answers: contract end, notice, go-live, freezes.

Answers give months ("9 months left on the contract", "6 months' notice") counted from the
day of the interview, so dates here are as precise as the answers: the report says "about".
A `contract_end_date` answer, when a questionnaire asks it, wins over the months left.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

from esp_wizard import i18n
from esp_wizard.findings.collect import DATED_ANSWERS, SessionFacts
from esp_wizard.findings.model import KeyDates, Timeline
from esp_wizard.questionnaire.months import add_months

ENGLISH_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
FRENCH_MONTHS = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)  # fmt: skip
MONTHS = {
    **{name.casefold(): n for n, name in enumerate(ENGLISH_MONTHS, start=1)},
    **{name: n for n, name in enumerate(FRENCH_MONTHS, start=1)},
}
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_PERIOD = re.compile(
    rf"(\d{{1,2}})(?:er)?\s+({_MONTH})\s+(?:to|until|through|au|à|jusqu'au|-|–)\s+"
    rf"(\d{{1,2}})(?:er)?\s+({_MONTH})",
    re.IGNORECASE,
)


def month(value: dt.date) -> str:
    """ "June 2027" ("juin 2027" in French): the language in use, never the machine's locale."""
    return i18n.month_year(value)


def day(value: dt.date) -> str:
    """ "30 June 2027" ("30 juin 2027")."""
    return i18n.long_date(value)


def first_answer(facts: Sequence[SessionFacts], question_id: str) -> tuple[Any, dt.date] | None:
    """The first session's answer to a question, with the day it was given. Only the
    answers in `DATED_ANSWERS` are kept in a session's facts: any other id is a mistake."""
    if question_id not in DATED_ANSWERS:
        raise ValueError(f"{question_id} is not in collect.DATED_ANSWERS")
    for fact in facts:
        if question_id in fact.answers:
            return fact.answers[question_id], fact.ref.started.date()
    return None


def key_dates(facts: Sequence[SessionFacts], timeline: Timeline) -> KeyDates:
    kickoff = _kickoff(facts)
    contract_end = _contract_end(facts)
    notice = first_answer(facts, "notice_period_months")
    notice_by = (
        add_months(contract_end, -float(notice[0]))
        if contract_end and notice and isinstance(notice[0], int | float)
        else None
    )
    go_live = first_answer(facts, "target_go_live")
    low, high = timeline.span
    ends = (add_months(kickoff, low), add_months(kickoff, high)) if kickoff and high else None
    return KeyDates(
        kickoff=kickoff,
        contract_end=contract_end,
        notice_by=notice_by,
        go_live=go_live[0] if go_live and isinstance(go_live[0], dt.date) else None,
        estimate=timeline.estimate,
        span=timeline.span,
        estimate_ends=ends,
        freezes=_freezes(facts, kickoff, ends[1] if ends else None),
    )


def _kickoff(facts: Sequence[SessionFacts]) -> dt.date | None:
    """The kickoff session's day, else the first interview's."""
    for fact in facts:
        if fact.ref.questionnaire_id == "kickoff":
            return fact.ref.started.date()
    return facts[0].ref.started.date() if facts else None


def _contract_end(facts: Sequence[SessionFacts]) -> dt.date | None:
    end = first_answer(facts, "contract_end_date") or first_answer(facts, "contract_end")
    if end and isinstance(end[0], dt.date):
        return end[0]
    left = first_answer(facts, "contract_months_left")
    if left and isinstance(left[0], int | float) and not isinstance(left[0], bool):
        return add_months(left[1], float(left[0]))
    return None


def _freezes(
    facts: Sequence[SessionFacts], start: dt.date | None, end: dt.date | None
) -> tuple[tuple[dt.date, dt.date], ...]:
    """Periods like "16 November to 4 January" in the peak-period answer, each year they
    fall between the kickoff and the estimate's latest end."""
    said = first_answer(facts, "peak_periods")
    if not said or not isinstance(said[0], str) or start is None or end is None:
        return ()
    found = set()
    for match in _PERIOD.finditer(said[0]):
        d1, m1 = int(match.group(1)), MONTHS[match.group(2).casefold()]
        d2, m2 = int(match.group(3)), MONTHS[match.group(4).casefold()]
        for year in range(start.year, end.year + 1):
            try:
                first = dt.date(year, m1, d1)
                last = dt.date(year if (m2, d2) >= (m1, d1) else year + 1, m2, d2)
            except ValueError:
                continue
            if last >= start and first <= end:
                found.add((first, last))
    return tuple(sorted(found))
