"""Merging the findings that several sessions raised under one key.

The same key from several questionnaires can carry different scores (a data-crm rule may
rate a risk higher than the email-ops one). The merged finding takes the highest severity,
the highest impact and the highest explicit effort any source gives (effort 3 when none
does), so a risk is never under-rated, and it says so in its notes. Category, phase and
texts come from the first session that raised it (sessions in interview order).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from esp_wizard.findings.collect import Raised, SessionFacts
from esp_wizard.findings.model import Finding
from esp_wizard.findings.priority import (
    DEFAULT_EFFORT,
    is_must_fix,
    order_key,
    priority,
    shown_priority,
)


def merge_findings(facts: Sequence[SessionFacts]) -> list[Finding]:
    """Every key once, in report order (strengths included; split them with `split`)."""
    groups: dict[str, list[Raised]] = {}
    for fact in facts:
        for raised in fact.raised:
            groups.setdefault(raised.key, []).append(raised)
    merged = [merge_group(key, group) for key, group in groups.items()]
    return sorted(merged, key=order_key)


def split(findings: Iterable[Finding]) -> tuple[tuple[Finding, ...], tuple[Finding, ...]]:
    """(findings to fix, strengths), each keeping its order."""
    listed = list(findings)
    return (
        tuple(f for f in listed if f.category != "strength"),
        tuple(f for f in listed if f.category == "strength"),
    )


def role_keys(group: Sequence[Raised]) -> tuple[str, ...]:
    """Distinct roles in order; a session with no role at all counts as a role of its own."""
    return tuple(dict.fromkeys(k for r in group for k in r.evidence.session.role_keys))


def shown_roles(keys: Iterable[str]) -> tuple[str, ...]:
    return tuple(
        f"no role (session {k.removeprefix('session:')})" if k.startswith("session:") else k
        for k in keys
    )


def merge_group(key: str, group: Sequence[Raised]) -> Finding:
    first = group[0]
    severity = max(r.severity for r in group)
    impact = max(r.impact for r in group)
    efforts = [r.effort for r in group if r.effort is not None]
    effort = max(efforts) if efforts else DEFAULT_EFFORT
    roles = role_keys(group)
    breadth = len(roles)
    return Finding(
        key=key,
        source=first.source,
        category=first.category,
        title=first.title,
        detail=first.detail,
        recommendation=first.recommendation,
        severity=severity,
        impact=impact,
        effort=effort,
        phase=first.phase,
        breadth=breadth,
        roles=shown_roles(roles),
        priority=shown_priority(priority(severity, impact, breadth, effort)),
        must_fix=is_must_fix(first.category, severity, impact),
        evidence=tuple(r.evidence for r in group),
        notes=tuple(_differences(group)),
    )


def _differences(group: Sequence[Raised]) -> list[str]:
    """Say where sources disagreed about a finding's scores, category or phase."""
    notes = []
    by_source: dict[str, Raised] = {}
    for raised in group:
        by_source.setdefault(raised.questionnaire, raised)
    sources = list(by_source.values())
    if len({(r.severity, r.impact, r.effort) for r in sources}) > 1:
        said = "; ".join(
            f"{r.questionnaire}: severity {r.severity}, impact {r.impact}, effort "
            f"{r.effort if r.effort is not None else f'{DEFAULT_EFFORT} (default)'}"
            for r in sources
        )
        notes.append(f"Scores differ between questionnaires ({said}); the highest are used.")
    for name in ("category", "phase"):
        values = list(dict.fromkeys(getattr(r, name) for r in sources))
        if len(values) > 1:
            notes.append(f"The {name} differs between questionnaires ({', '.join(values)}).")
    return notes
