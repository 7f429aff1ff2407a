"""The spec's priority formula, must-fix rule and report order, in one place.

Priority is computed exactly (a Fraction) so that ordering never depends on float rounding;
reports show it rounded to two decimals.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Protocol

DEFAULT_EFFORT = 3
BREADTH_CAP = 4


class Scored(Protocol):
    """Read-only, so frozen models (Finding) satisfy it."""

    @property
    def key(self) -> str: ...
    @property
    def category(self) -> str: ...
    @property
    def severity(self) -> int: ...
    @property
    def impact(self) -> int: ...
    @property
    def effort(self) -> int: ...
    @property
    def breadth(self) -> int: ...


def priority(severity: int, impact: int, breadth: int, effort: int = DEFAULT_EFFORT) -> Fraction:
    """priority = severity × impact × min(breadth, 4) × 3 ÷ effort."""
    return Fraction(severity * impact * min(breadth, BREADTH_CAP) * 3, effort)


def shown_priority(value: Fraction) -> float:
    return round(float(value), 2)


def is_must_fix(category: str, severity: int, impact: int) -> bool:
    """Severity or impact 5; a strength is kept, not fixed, so it is never must-fix."""
    return category != "strength" and (severity == 5 or impact == 5)


def order_key(finding: Scored) -> tuple[bool, Fraction, int, str]:
    """Must-fix first, then priority (highest first), then severity, then key."""
    exact = priority(finding.severity, finding.impact, finding.breadth, finding.effort)
    must_fix = is_must_fix(finding.category, finding.severity, finding.impact)
    return (not must_fix, -exact, -finding.severity, finding.key)
