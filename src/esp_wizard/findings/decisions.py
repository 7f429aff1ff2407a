"""The executive summary: what the sponsor must decide, by when, and why. Pure, from answers.

Nothing here is typed by hand: decisions come from the contract end, notice period, target
go-live and the timeline estimate; messages, risks and next steps from the findings; the
verdict from both. The consultant's own words go in the engagement file's executive note.
"""

from __future__ import annotations

from collections.abc import Sequence

from esp_wizard import i18n
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
from esp_wizard.i18n import N_, _, ngettext
from esp_wizard.questionnaire.months import add_months, nearest_months
from esp_wizard.roles import role_labels

TOP = 5
# Themes the worries people voice fall into, with words that give them away (EN and FR).
THEMES: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        N_("Time, contract and cost"),
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
            "mois",
            "gel",
            "fenêtre",
            "renouvel",
        ),
    ),
    (
        N_("People and knowledge"),
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
            "connaît",
            "connaître",
            "départ",
        ),
    ),
    (
        N_("Data, consent and compliance"),
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
        N_("Customers and the inbox"),
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
            "boîte",
            "délivr",
            "plainte",
            "commande",
            "panier",
            "s'arrêt",
            "chauff",
        ),
    ),
    (
        N_("Reporting and numbers"),
        (
            "report",
            "dashboard",
            "number",
            "kpi",
            "revenue",
            "rapport",
            "chiffre",
            "tableau",
            "dossier",
            "ouverture",
        ),
    ),
)
OTHER_THEME = N_("Other worries")


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
        names = i18n.semicolons(f.title for f in must_fix[:3])
        if len(must_fix) > 3:
            names = _("{names} and {count} more").format(names=names, count=len(must_fix) - 3)
        title = ngettext(
            "Fund and staff the {count} must-fix finding",
            "Fund and staff the {count} must-fix findings",
            len(must_fix),
        )
        found.append(
            Decision(
                title=title.format(count=len(must_fix)),
                why=_("Each can stop the migration or harm customers: {names}.").format(
                    names=names
                ),
                deadline=move.start if move else None,
                deadline_reason=_("before the move phase starts"),
            )
        )
    return tuple(found)


def contract_decision(dates: KeyDates) -> Decision | None:
    """Give notice, or extend the contract / shorten the scope, set against the estimate."""
    end, ends = dates.contract_end, dates.estimate_ends
    if end is None or ends is None:
        return None
    deadline = dates.notice_by or add_months(end, -3)
    reason = (
        _("the notice deadline") if dates.notice_by else _("three months before the contract ends")
    )
    late_low, late_high = nearest_months(end, ends[0]), nearest_months(end, ends[1])
    if ends[1] <= end:
        early = max(-late_high, 0)
        why = ngettext(
            "The estimate ({estimate}) ends by {end}, {months} month before the contract "
            "ends (about {contract}).",
            "The estimate ({estimate}) ends by {end}, {months} months before the contract "
            "ends (about {contract}).",
            early,
        )
        return Decision(
            title=_("Give notice on the current contract"),
            why=why.format(
                estimate=dates.estimate, end=month(ends[1]), months=early, contract=month(end)
            ),
            deadline=deadline,
            deadline_reason=reason,
        )
    late_high = max(late_high, 1)  # ends after the contract: by days, it still says a month
    if late_low >= late_high or late_low <= 0:
        span = str(late_high)
    else:
        span = _("{low} to {high}").format(low=late_low, high=late_high)
    if late_low <= 0:
        span = _("up to {months}").format(months=span)
    why = ngettext(
        "The estimate ({estimate} from {start}) ends {span} month after the contract (about "
        "{contract}): extend it, or shorten the scope of the first wave.",
        "The estimate ({estimate} from {start}) ends {span} months after the contract (about "
        "{contract}): extend it, or shorten the scope of the first wave.",
        late_high,
    )
    return Decision(
        title=_("Extend the current contract or shorten the scope"),
        why=why.format(
            estimate=dates.estimate,
            start=month(dates.kickoff or end),
            span=span,
            contract=month(end),
        ),
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
    why = ngettext(
        "The target go-live ({day}) comes {months} month before the shortest estimate ends "
        "({end}).",
        "The target go-live ({day}) comes {months} months before the shortest estimate ends "
        "({end}).",
        early,
    )
    return Decision(
        title=_("Move the target go-live or cut the first wave"),
        why=why.format(day=day(dates.go_live), months=early, end=month(earliest)),
        deadline=discovery.end if discovery else None,
        deadline_reason=_("at the end of discovery"),
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
        reasons.append(_("the estimate runs past the contract end"))
    if dates.go_live and dates.estimate_ends and dates.go_live < dates.estimate_ends[0]:
        reasons.append(_("the target go-live is earlier than the shortest estimate"))
    if must_fix:
        blocking = ngettext(
            "{count} must-fix finding stands in the way",
            "{count} must-fix findings stand in the way",
            must_fix,
        )
        reasons.append(blocking.format(count=must_fix))
    if late or (must_fix and len(reasons) > 1):
        return Verdict("not yet", _("{reasons}.").format(reasons=i18n.semicolons(reasons)))
    if must_fix:
        once = ngettext(
            "go once the {count} must-fix finding is closed.",
            "go once the {count} must-fix findings are closed.",
            must_fix,
        )
        return Verdict("go with conditions", once.format(count=must_fix))
    return Verdict("go", _("no must-fix finding and the dates fit the estimate."))


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
        _(
            "{interviews} with {roles} found {issues} to fix, {must_fix} of them must-fix, "
            "and {strengths} to keep."
        ).format(
            interviews=ngettext("{n} interview", "{n} interviews", len(facts)).format(n=len(facts)),
            roles=ngettext("{n} role", "{n} roles", len(roles)).format(n=len(roles)),
            issues=ngettext("{n} issue", "{n} issues", len(findings)).format(n=len(findings)),
            must_fix=len(must_fix),
            strengths=ngettext("{n} strength", "{n} strengths", len(strengths)).format(
                n=len(strengths)
            ),
        )
    ]
    if dates.estimate_ends:
        first, last = (month(end) for end in dates.estimate_ends)
        if dates.contract_end:
            timing = _(
                "A realistic migration takes {estimate}: from the kickoff it ends between "
                "{first} and {last}; the contract ends about {contract}."
            )
        else:
            timing = _(
                "A realistic migration takes {estimate}: from the kickoff it ends between "
                "{first} and {last}."
            )
        contract = month(dates.contract_end) if dates.contract_end else ""
        said.append(
            timing.format(estimate=dates.estimate, first=first, last=last, contract=contract)
        )
    if findings:
        broadest = max(findings, key=lambda f: (f.breadth, f.priority))
        widest = ngettext(
            "The most widely felt issue: {title} ({count} role).",
            "The most widely felt issue: {title} ({count} roles).",
            broadest.breadth,
        )
        said.append(widest.format(title=broadest.title, count=broadest.breadth))
        urgent = next((f for f in must_fix if f is not broadest), None)
        if urgent:
            said.append(_("Most urgent besides: {title}.").format(title=urgent.title))
    if conflicts:
        disagree = ngettext(
            "Roles disagree on {count} fact (for example: {question}); the plan must settle it.",
            "Roles disagree on {count} facts (for example: {question}); the plan must settle them.",
            len(conflicts),
        )
        said.append(disagree.format(count=len(conflicts), question=conflicts[0].question))
    if roles_missing:
        said.append(_("Not heard yet: {roles}.").format(roles=role_labels(roles_missing)))
    if strengths:
        kept = i18n.semicolons(s.title for s in strengths[:3])
        said.append(_("Keep what works: {strengths}.").format(strengths=kept))
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
    order = [name for name, _words in THEMES] + [OTHER_THEME]
    ranked = sorted(groups.items(), key=lambda kv: (-len(kv[1]), order.index(kv[0])))
    return tuple(WorryGroup(_(theme), tuple(items)) for theme, items in ranked)
