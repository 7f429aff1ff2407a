"""The timeline estimate: distinct drivers across the engagement, banded as the spec says."""

from __future__ import annotations

from collections.abc import Sequence

from esp_wizard.findings.collect import SessionFacts
from esp_wizard.findings.model import DriverFound, SessionRef, Timeline

# (most drivers in the band, estimate); the last band is open-ended.
BANDS: tuple[tuple[int | None, str], ...] = (
    (2, "3-4 months"),
    (5, "6-9 months"),
    (None, "12-18 months"),
)


def estimate(driver_count: int) -> str:
    """0-2 drivers: 3-4 months; 3-5: 6-9 months; 6 or more: 12-18 months."""
    for most, label in BANDS:
        if most is None or driver_count <= most:
            return label
    raise AssertionError("the last band is open-ended")  # pragma: no cover


def timeline(facts: Sequence[SessionFacts]) -> Timeline:
    """Each driver id once, however many sessions or questionnaires found it."""
    labels: dict[str, str] = {}
    found_in: dict[str, list[SessionRef]] = {}
    for fact in facts:
        for driver_id, label in fact.drivers:
            labels.setdefault(driver_id, label)
            found_in.setdefault(driver_id, []).append(fact.ref)
    drivers = tuple(
        DriverFound(driver_id, labels[driver_id], tuple(refs))
        for driver_id, refs in found_in.items()
    )
    return Timeline(estimate(len(drivers)), drivers)
