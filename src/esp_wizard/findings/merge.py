"""Merging what several sessions raised into one finding per root cause.

Rules and observations that name the same `cause` are one finding: a root cause seen from
several questionnaires (the key-person risk, the history export...) is stated once, with
every source as evidence. Without a cause, a finding merges with the same key only.

The merged finding takes the highest severity, the highest impact and the highest explicit
effort any source gives (effort 3 when none does), so a risk is never under-rated; its
breadth counts the roles of every source. Its title, detail and recommendation come from
the source that states the cause best: a rule before an observation (rules speak of the
dependency, never of a person), then the highest severity × impact, a rule about the whole
programme before one about an inventory row, then interview order. When that source is about
one inventory row and others are about more rows, the title says how many more.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from esp_wizard import i18n
from esp_wizard.findings.collect import Raised, SessionFacts
from esp_wizard.findings.model import Evidence, Finding, NamedAnswer
from esp_wizard.findings.priority import (
    DEFAULT_EFFORT,
    is_must_fix,
    order_key,
    priority,
    shown_priority,
)
from esp_wizard.i18n import N_, Labels, _, ngettext

# What to do about a facilitator's observation that joins no rule's cause, by category.
OBSERVATION_ADVICE = Labels(
    {
        "gap": N_(
            "Name an owner for this gap and agree how it is closed before the phase it blocks."
        ),
        "hack": N_(
            "Replace this workaround with a supported process on the new platform, and "
            "document it with a named back-up until then."
        ),
        "manual": N_(
            "Automate or retire this manual step on the new platform; until then, write it "
            "down and name a back-up."
        ),
        "strength": N_("Keep this on the new platform: make it an acceptance test."),
    }
)


DIFFERS = (
    ("category", N_("The category differs between questionnaires ({values}).")),
    ("phase", N_("The phase differs between questionnaires ({values}).")),
)


def merge_findings(facts: Sequence[SessionFacts]) -> list[Finding]:
    """Every cause (or key) once, in report order (strengths included; see `split`)."""
    groups: dict[str, list[Raised]] = {}
    for fact in facts:
        for raised in fact.raised:
            groups.setdefault(raised.group, []).append(raised)
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
        _("no role (session {id})").format(id=k.removeprefix("session:"))
        if k.startswith("session:")
        else k
        for k in keys
    )


def representative(group: Sequence[Raised]) -> Raised:
    """The source whose words state the finding (see the module's docstring)."""
    ranked = sorted(
        enumerate(group),
        key=lambda pair: (
            pair[1].source != "rule",
            -pair[1].severity * pair[1].impact,
            bool(pair[1].row),
            pair[0],
        ),
    )
    return ranked[0][1]


def title_of(group: Sequence[Raised], best: Raised) -> str:
    """The best source's title; "…, and 2 more like it" when it names one row of several."""
    if not best.row:
        return best.title
    rule = best.key.split(":", 1)[0]
    others = len({r.key for r in group if r.row and r.key.split(":", 1)[0] == rule} - {best.key})
    if not others:
        return best.title
    more = ngettext(
        "{title}, and {count} more like it", "{title}, and {count} more like it", others
    )
    return more.format(title=best.title, count=others)


def recommendation_of(group: Sequence[Raised], best: Raised) -> str:
    """The best source's advice, else any rule's, else the observation advice by category."""
    for raised in (best, *group):
        if raised.recommendation:
            return raised.recommendation
    return OBSERVATION_ADVICE.get(best.category, OBSERVATION_ADVICE["gap"])


def merge_group(key: str, group: Sequence[Raised]) -> Finding:
    best = representative(group)
    severity = max(r.severity for r in group)
    impact = max(r.impact for r in group)
    efforts = [r.effort for r in group if r.effort is not None]
    effort = max(efforts) if efforts else DEFAULT_EFFORT
    roles = role_keys(group)
    breadth = len(roles)
    return Finding(
        key=key,
        source=best.source,
        category=best.category,
        title=title_of(group, best),
        detail=best.detail,
        recommendation=recommendation_of(group, best),
        severity=severity,
        impact=impact,
        effort=effort,
        phase=best.phase,
        breadth=breadth,
        roles=shown_roles(roles),
        priority=shown_priority(priority(severity, impact, breadth, effort)),
        must_fix=is_must_fix(best.category, severity, impact),
        evidence=merged_evidence(group),
        notes=tuple(_differences(group)),
        cause=best.cause,
        sources=tuple(dict.fromkeys(r.key for r in group)),
        owner=next((r.owner for r in group if r.owner), ""),
    )


def merged_evidence(group: Sequence[Raised]) -> tuple[Evidence, ...]:
    """One entry per session: what it raised the cause as, and each answer once."""
    by_session: dict[str, list[Evidence]] = {}
    for raised in group:
        by_session.setdefault(raised.evidence.session.id, []).append(raised.evidence)
    return tuple(_one_session(items) for items in by_session.values())


def _one_session(items: Sequence[Evidence]) -> Evidence:
    first = items[0]
    answers: dict[tuple[str, str], NamedAnswer] = {}
    for evidence in items:
        for answer in evidence.answers:
            answers.setdefault((answer.question_id, answer.answer), answer)
    details = dict.fromkeys(e.detail for e in items if e.said and e.detail)
    return Evidence(
        session=first.session,
        title=first.title,
        detail="\n".join(details),
        answers=tuple(answers.values()),
        said=tuple(dict.fromkeys(t for e in items for t in e.said if t)),
    )


def _differences(group: Sequence[Raised]) -> list[str]:
    """Say where questionnaires disagreed about one rule's scores, category or phase."""
    notes = []
    by_rule: dict[str, dict[str, Raised]] = {}
    for raised in group:
        by_rule.setdefault(raised.key, {}).setdefault(raised.questionnaire, raised)
    for same_rule in by_rule.values():
        notes += _rule_differences(list(same_rule.values()))
    return notes


def _rule_differences(sources: Sequence[Raised]) -> list[str]:
    notes = []
    if len({(r.severity, r.impact, r.effort) for r in sources}) > 1:
        said = i18n.semicolons(
            _("{questionnaire}: severity {severity}, impact {impact}, effort {effort}").format(
                questionnaire=r.questionnaire,
                severity=r.severity,
                impact=r.impact,
                effort=r.effort
                if r.effort is not None
                else _("{effort} (default)").format(effort=DEFAULT_EFFORT),
            )
            for r in sources
        )
        notes.append(
            _("Scores differ between questionnaires ({said}); the highest are used.").format(
                said=said
            )
        )
    for name, message in DIFFERS:
        values = list(dict.fromkeys(getattr(r, name) for r in sources))
        if len(values) > 1:
            notes.append(_(message).format(values=", ".join(values)))
    return notes
