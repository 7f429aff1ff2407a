"""The executive summary: what the sponsor must decide, by when, and why. Pure, from answers.

Nothing here is typed by hand: decisions come from the contract end, notice period, target
go-live and the timeline estimate; messages, risks and next steps from the findings; the
verdict from both. The consultant's own words go in the engagement file's executive note.
"""

from __future__ import annotations

from collections.abc import Sequence

from esp_wizard.findings.collect import SessionFacts
from esp_wizard.findings.dates import day, month
from esp_wizard.findings.merge import OBSERVATION_ADVICE
from esp_wizard.findings.model import (
    Conflict,
    Decision,
    Executive,
    Finding,
    KeyDates,
    NextStep,
    Risk,
    Roadmap,
    Verdict,
    Worry,
    WorryGroup,
)
from esp_wizard.findings.risks import first_sentence
from esp_wizard.findings.roles import role_labels
from esp_wizard.questionnaire.months import add_months, nearest_months

TOP = 5
# Themes the worries people voice fall into, with words that give them away (EN and FR).
THEMES: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "Time, contract and cost",
        (
            "contract",
            "renew",
            "year",
            "pay",
            "cost",
            "budget",
            "freeze",
            "christmas",
            "window",
            "deadline",
            "date",
            "month",
            "contrat",
            "coût",
            "payer",
            "délai",
            "année",
        ),
    ),
    (
        "People and knowledge",
        (
            "only",
            "knows",
            "understand",
            "person",
            "people",
            "team",
            "capacity",
            "leave",
            "alone",
            "seul",
            "équipe",
            "personne",
        ),
    ),
    (
        "Data, consent and compliance",
        (
            "data",
            "consent",
            "history",
            "export",
            "gdpr",
            "erase",
            "suppress",
            "unsubscribe",
            "legal",
            "fine",
            "données",
            "consentement",
            "historique",
            "désinscri",
        ),
    ),
    (
        "Customers and the inbox",
        (
            "customer",
            "inbox",
            "spam",
            "reputation",
            "deliverab",
            "complain",
            "order",
            "confirmation",
            "stop",
            "nobody notices",
            "warm",
            "client",
            "réputation",
        ),
    ),
    ("Reporting and numbers", ("report", "dashboard", "number", "kpi", "revenue", "rapport")),
)
OTHER_THEME = "Other worries"


def executive(
    facts: Sequence[SessionFacts],
    findings: Sequence[Finding],
    strengths: Sequence[Finding],
    conflicts: Sequence[Conflict],
    risks: Sequence[Risk],
    dates: KeyDates,
    plan: Roadmap,
    roles_missing: Sequence[str],
    note: str = "",
) -> Executive:
    chosen = decisions(dates, findings, plan)
    return Executive(
        note=note.strip(),
        verdict=verdict(dates, findings),
        decisions=chosen,
        messages=messages(facts, findings, strengths, conflicts, dates, roles_missing),
        top_risks=tuple(risks[:TOP]),
        next_steps=next_steps(findings, plan),
        worries=worries(facts),
        dates=dates,
    )


# -- decisions -------------------------------------------------------------------------------
def decisions(dates: KeyDates, findings: Sequence[Finding], plan: Roadmap) -> tuple[Decision, ...]:
    found = [d for d in (contract_decision(dates), go_live_decision(dates, plan)) if d]
    must_fix = [f for f in findings if f.must_fix]
    move = next((p for p in plan.phases if p.phase == "move"), None)
    if must_fix:
        names = "; ".join(f.title for f in must_fix[:3])
        more = f" and {len(must_fix) - 3} more" if len(must_fix) > 3 else ""
        found.append(
            Decision(
                title=f"Fund and staff the {len(must_fix)} must-fix findings",
                why=f"Each can stop the migration or harm customers: {names}{more}.",
                deadline=move.start if move else None,
                deadline_reason="before the move phase starts",
            )
        )
    return tuple(found)


def contract_decision(dates: KeyDates) -> Decision | None:
    """Give notice, or extend the contract / shorten the scope, set against the estimate."""
    end, ends = dates.contract_end, dates.estimate_ends
    if end is None or ends is None:
        return None
    deadline = dates.notice_by or add_months(end, -3)
    reason = "the notice deadline" if dates.notice_by else "three months before the contract ends"
    late_low, late_high = nearest_months(end, ends[0]), nearest_months(end, ends[1])
    if ends[1] <= end:
        return Decision(
            title="Give notice on the current contract",
            why=f"The estimate ({dates.estimate}) ends by {month(ends[1])}, "
            f"{max(-late_high, 0)} months before the contract ends (about {month(end)}).",
            deadline=deadline,
            deadline_reason=reason,
        )
    late_high = max(late_high, 1)  # ends after the contract: by days, it still says a month
    span = (
        f"{late_high}" if late_low >= late_high or late_low <= 0 else f"{late_low} to {late_high}"
    )
    lead = "up to " if late_low <= 0 else ""
    return Decision(
        title="Extend the current contract or shorten the scope",
        why=f"The estimate ({dates.estimate} from {month(dates.kickoff or end)}) ends "
        f"{lead}{span} months after the contract (about {month(end)}): extend it, or shorten "
        "the scope of the first wave.",
        deadline=deadline,
        deadline_reason=reason,
    )


def go_live_decision(dates: KeyDates, plan: Roadmap) -> Decision | None:
    if dates.go_live is None or dates.estimate_ends is None:
        return None
    earliest = dates.estimate_ends[0]
    if dates.go_live >= earliest:
        return None
    early = nearest_months(dates.go_live, earliest)
    discovery = next((p for p in plan.phases if p.phase == "discovery"), None)
    return Decision(
        title="Move the target go-live or cut the first wave",
        why=f"The target go-live ({day(dates.go_live)}) comes {early} months before the "
        f"shortest estimate ends ({month(earliest)}).",
        deadline=discovery.end if discovery else None,
        deadline_reason="at the end of discovery",
    )


# -- verdict, messages, next steps -------------------------------------------------------------
def verdict(dates: KeyDates, findings: Sequence[Finding]) -> Verdict:
    must_fix = sum(1 for f in findings if f.must_fix)
    reasons = []
    late = (
        dates.contract_end is not None
        and dates.estimate_ends is not None
        and dates.estimate_ends[1] > dates.contract_end
    )
    if late:
        reasons.append("the estimate runs past the contract end")
    if dates.go_live and dates.estimate_ends and dates.go_live < dates.estimate_ends[0]:
        reasons.append("the target go-live is earlier than the shortest estimate")
    if must_fix:
        reasons.append(
            f"{must_fix} must-fix finding{'s' if must_fix != 1 else ''} stand in the way"
        )
    if late or (must_fix and len(reasons) > 1):
        return Verdict("not yet", "; ".join(reasons) + ".")
    if must_fix:
        return Verdict(
            "go with conditions", f"go once the {reasons[-1].split(' stand')[0]} are closed."
        )
    return Verdict("go", "no must-fix finding and the dates fit the estimate.")


def messages(
    facts: Sequence[SessionFacts],
    findings: Sequence[Finding],
    strengths: Sequence[Finding],
    conflicts: Sequence[Conflict],
    dates: KeyDates,
    roles_missing: Sequence[str],
) -> tuple[str, ...]:
    roles = {r for f in facts for r in f.ref.roles}
    must_fix = [f for f in findings if f.must_fix]
    said = [
        f"{len(facts)} interviews with {len(roles)} roles found {len(findings)} issues to fix, "
        f"{len(must_fix)} of them must-fix, and {len(strengths)} strengths to keep."
    ]
    if dates.estimate_ends:
        timing = (
            f"A realistic migration takes {dates.estimate}: from the kickoff it ends between "
            f"{month(dates.estimate_ends[0])} and {month(dates.estimate_ends[1])}"
        )
        if dates.contract_end:
            timing += f"; the contract ends about {month(dates.contract_end)}"
        said.append(timing + ".")
    if findings:
        broadest = max(findings, key=lambda f: (f.breadth, f.priority))
        said.append(f"The most widely felt issue: {broadest.title} ({broadest.breadth} roles).")
        urgent = next((f for f in must_fix if f is not broadest), None)
        if urgent:
            said.append(f"Most urgent besides: {urgent.title}.")
    if conflicts:
        said.append(
            f"Roles disagree on {len(conflicts)} facts (for example: {conflicts[0].question}); "
            "the plan must settle them."
        )
    if roles_missing:
        said.append(f"Not heard yet: {role_labels(roles_missing)}.")
    if strengths:
        said.append(f"Keep what works: {'; '.join(s.title for s in strengths[:3])}.")
    return tuple(said[:7])


def next_steps(findings: Sequence[Finding], plan: Roadmap) -> tuple[NextStep, ...]:
    """The top findings' first recommended action, due before the phase they belong to."""
    starts = {p.phase: (p.end if p.phase == "discovery" else p.start) for p in plan.phases}
    specific = [f for f in findings if f.recommendation and not is_generic(f.recommendation)]
    return tuple(
        NextStep(first_sentence(f.recommendation), f.owner, starts.get(f.phase), f.key)
        for f in specific[:TOP]
    )


def is_generic(recommendation: str) -> bool:
    """Advice by category (an observation no rule explains) says nothing a step can act on."""
    return recommendation in OBSERVATION_ADVICE.values()


# -- worries -----------------------------------------------------------------------------------
def theme_of(text: str) -> str:
    folded = text.casefold()
    scores = [(sum(folded.count(word) for word in words), name) for name, words in THEMES]
    best = max(scores, key=lambda pair: pair[0])
    return best[1] if best[0] else OTHER_THEME


def worries(facts: Sequence[SessionFacts]) -> tuple[WorryGroup, ...]:
    """Every answer to "what worries you most", grouped by theme, largest group first."""
    groups: dict[str, list[Worry]] = {}
    for fact in facts:
        for worry in fact.worries:
            if worry.answer.strip():
                groups.setdefault(theme_of(worry.answer), []).append(worry)
    order = [name for name, _ in THEMES] + [OTHER_THEME]
    ranked = sorted(groups.items(), key=lambda kv: (-len(kv[1]), order.index(kv[0])))
    return tuple(WorryGroup(theme, tuple(items)) for theme, items in ranked)
