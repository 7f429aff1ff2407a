"""The risk register: every finding to fix as a risk a sponsor can track.

Likelihood comes from how sure and how widespread the finding is: severity says how bad
today's situation is, breadth how many roles live with it. Mitigation is the finding's
recommendation; the owner is whoever an answer names as owner of what the finding is
about (empty when nobody is named: assigning one is then the first step).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from esp_wizard.findings.model import Finding, Risk

Level = Literal["high", "medium", "low"]


def likelihood(finding: Finding) -> Level:
    """High: severity 5, or severity 4 felt by two roles or more; medium: severity 3 or two
    roles; low otherwise."""
    if finding.severity == 5 or (finding.severity >= 4 and finding.breadth >= 2):
        return "high"
    if finding.severity >= 3 or finding.breadth >= 2:
        return "medium"
    return "low"


def impact_level(finding: Finding) -> Level:
    return "high" if finding.impact >= 4 else "medium" if finding.impact == 3 else "low"


SHORTEST = 40  # "Decision: extend." says too little on its own: take the next sentence too


def first_sentence(text: str) -> str:
    """What a line in a table can hold: the first sentence of a paragraph (the first two
    when the first is only a lead-in)."""
    flat = " ".join(text.split())
    taken = ""
    rest = flat
    while rest:
        cut = min((rest.find(end) for end in (". ", "; ") if end in rest), default=-1)
        if cut < 0:
            return (taken + " " + rest).strip()
        taken = (taken + " " + rest[:cut].rstrip() + ".").strip()  # French: "x ; y"
        rest = rest[cut + 2 :]
        if len(taken) >= SHORTEST:
            return taken
    return taken


def register(findings: Sequence[Finding]) -> tuple[Risk, ...]:
    """Every finding to fix, must-fix first, then by priority (the report's order)."""
    return tuple(
        Risk(
            finding=f,
            cause_text=first_sentence(f.detail) if f.detail else "",
            likelihood=likelihood(f),
            impact=impact_level(f),
            mitigation=f.recommendation,
            owner=f.owner,
        )
        for f in findings
    )
