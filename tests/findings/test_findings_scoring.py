"""Priority, must-fix and report order: the spec's formula, exactly."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import pytest

from esp_wizard.findings.priority import is_must_fix, order_key, priority


@dataclass(frozen=True)
class Scored:
    key: str
    category: str = "gap"
    severity: int = 3
    impact: int = 3
    effort: int = 3
    breadth: int = 1


@pytest.mark.parametrize(
    ("severity", "impact", "breadth", "effort", "expected"),
    [
        (4, 5, 1, 3, Fraction(20)),  # effort 3 cancels the × 3
        (5, 5, 3, 2, Fraction(225, 2)),
        (3, 5, 1, 4, Fraction(45, 4)),
        (2, 2, 4, 1, Fraction(48)),
        (5, 5, 4, 1, Fraction(300)),  # the highest possible
        (1, 1, 1, 5, Fraction(3, 5)),  # the lowest possible
    ],
)
def test_priority_follows_the_formula(
    severity: int, impact: int, breadth: int, effort: int, expected: Fraction
) -> None:
    assert priority(severity, impact, breadth, effort) == expected


def test_breadth_counts_up_to_four_roles() -> None:
    assert priority(3, 3, 9) == priority(3, 3, 4) == 4 * priority(3, 3, 1)


def test_effort_defaults_to_three() -> None:
    assert priority(4, 4, 2) == priority(4, 4, 2, 3) == 32


def test_must_fix_needs_a_five_and_never_applies_to_a_strength() -> None:
    assert is_must_fix("gap", 5, 1)
    assert is_must_fix("manual", 1, 5)
    assert not is_must_fix("hack", 4, 4)
    assert not is_must_fix("strength", 5, 5)


def test_order_is_must_fix_then_priority_then_severity_then_key() -> None:
    findings = [
        Scored("b-high", severity=4, impact=4, breadth=4),  # priority 64
        Scored("z-must", severity=5, impact=1),  # must-fix, priority 5
        Scored("a-must", severity=1, impact=5),  # must-fix, priority 5, lower severity
        Scored("c-tie-sev3", severity=3, impact=4),  # priority 12
        Scored("d-tie-sev4", severity=4, impact=3),  # priority 12, higher severity
        Scored("a-tie-sev4", severity=4, impact=3),  # same again, earlier key
    ]
    ordered = [f.key for f in sorted(findings, key=order_key)]
    assert ordered == ["z-must", "a-must", "b-high", "a-tie-sev4", "d-tie-sev4", "c-tie-sev3"]
