"""The timeline estimate: distinct drivers across the engagement, banded as the spec says.

Three refinements of the seed's rough guide (0-2 drivers about 3-4 months, 3-5 about 6-9,
6 or more 12-18):

- a driver marked `doubles` (missing executive sign-off) does not count as one more
  driver: it doubles the estimate ("without it migrations take twice as long");
- the sponsor's and decision-maker's answers weigh more than others': a driver that only
  other roles raised, and that a decider's session answered the other way (every question
  its condition names answered, the condition false), is overruled, and listed as such;
- the estimate is known to finding rules evaluated after the drivers, as months.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from esp_wizard.findings.model import DriverFound, SessionRef, Timeline
from esp_wizard.i18n import _
from esp_wizard.questionnaire.expression import names
from esp_wizard.questionnaire.model import Driver
from esp_wizard.session.interview import Interview

# (most drivers in the band, low months, high months); the last band is open-ended.
BANDS: tuple[tuple[int | None, int, int], ...] = (
    (2, 3, 4),
    (5, 6, 9),
    (None, 12, 18),
)
# Whose answers decide when roles disagree about a driver: the sponsor and decision-maker.
DECIDER_ROLES = frozenset({"executive"})
DECIDER_QUESTIONNAIRES = frozenset({"executive"})


@dataclass(frozen=True, slots=True)
class DriverFacts:
    """What one session says about the drivers: fired (id, label, doubles) and declined
    (ids whose every named question was answered and whose condition is false)."""

    ref: SessionRef
    fired: tuple[tuple[str, str, bool], ...]
    declined: tuple[str, ...]

    @property
    def decides(self) -> bool:
        return bool(DECIDER_ROLES & set(self.ref.roles)) or (
            self.ref.questionnaire_id in DECIDER_QUESTIONNAIRES
        )


def driver_facts(interview: Interview, ref: SessionRef) -> DriverFacts:
    fired = interview.fired_drivers()
    fired_ids = {d.id for d in fired}
    declined = tuple(
        d.id
        for d in interview.questionnaire.drivers
        if d.id not in fired_ids and d.condition is not None and _all_answered(interview, d)
    )
    return DriverFacts(ref, tuple((d.id, d.label, d.doubles) for d in fired), declined)


def _all_answered(interview: Interview, driver: Driver) -> bool:
    named = interview.questionnaire.derived(  # the driver's alone: once per questionnaire
        ("driver names", id(driver)),
        lambda: names(driver.condition) if driver.condition is not None else set(),
    )
    answers = interview.session.answers
    return bool(named) and all(
        interview.is_active(n) and n in answers and answers[n].status == "answered" for n in named
    )


def band(driver_count: int) -> tuple[int, int]:
    """(low, high) months for this many counting drivers."""
    for most, low, high in BANDS:
        if most is None or driver_count <= most:
            return low, high
    raise AssertionError("the last band is open-ended")  # pragma: no cover


def estimate(driver_count: int, doubled: bool = False) -> str:
    """0-2 drivers: 3-4 months; 3-5: 6-9 months; 6 or more: 12-18 months; twice that
    without executive sign-off."""
    low, high = band(driver_count)
    factor = 2 if doubled else 1
    # Finding rules and the key dates read the band's numbers back (dates.estimate_months).
    return _("{low}-{high} months").format(low=low * factor, high=high * factor)


def timeline(facts: Sequence[DriverFacts]) -> Timeline:
    """Each driver id once, however many sessions or questionnaires found it."""
    labels: dict[str, str] = {}
    doubles: dict[str, bool] = {}
    found_in: dict[str, list[SessionRef]] = {}
    decided: set[str] = set()
    for fact in facts:
        for driver_id, label, doubled in fact.fired:
            labels.setdefault(driver_id, label)
            doubles[driver_id] = doubles.get(driver_id, False) or doubled
            found_in.setdefault(driver_id, []).append(fact.ref)
            if fact.decides:
                decided.add(driver_id)
    declined = {d for fact in facts if fact.decides for d in fact.declined}
    overruled_ids = {d for d in found_in if d in declined and d not in decided}
    found = [
        DriverFound(driver_id, labels[driver_id], tuple(refs))
        for driver_id, refs in found_in.items()
    ]
    counting = tuple(d for d in found if d.id not in overruled_ids and not doubles[d.id])
    doubling = tuple(d for d in found if d.id not in overruled_ids and doubles[d.id])
    overruled = tuple(d for d in found if d.id in overruled_ids)
    low, high = band(len(counting))
    factor = 2 if doubling else 1
    return Timeline(
        estimate=estimate(len(counting), bool(doubling)),
        drivers=counting,
        low_months=low * factor,
        high_months=high * factor,
        doubling=doubling,
        overruled=overruled,
    )
