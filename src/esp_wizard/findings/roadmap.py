"""The roadmap: the four phases placed on a calendar from the kickoff, with what blocks each.

The timeline estimate gives the whole duration (its shortest and longest months, counted as
calendar months from the kickoff like every date of the report); each phase takes a fixed
share of it, the shares a migration usually spends (discovery a tenth,
the move half, acceptance tests a fifth, the send and warm-up the rest). The dates that
constrain the plan are marked: contract end, notice deadline, target go-live, freezes.
"""

from __future__ import annotations

from collections.abc import Sequence

from esp_wizard.findings.model import Finding, KeyDates, Milestone, Roadmap, RoadmapPhase
from esp_wizard.i18n import _
from esp_wizard.questionnaire.model import PHASES
from esp_wizard.questionnaire.months import add_months

SHARES = {"discovery": 0.1, "move": 0.5, "uat": 0.2, "send": 0.2}


def roadmap(findings: Sequence[Finding], dates: KeyDates) -> Roadmap:
    low, high = dates.span
    phases: list[RoadmapPhase] = []
    if dates.kickoff is not None and high:
        done = 0.0  # the share of the estimate the phases before this one take
        for phase in PHASES:
            start = add_months(dates.kickoff, done * low)
            done += SHARES.get(phase, 0.0)
            end, latest = (
                add_months(dates.kickoff, done * low),
                add_months(dates.kickoff, done * high),
            )
            here = [f for f in findings if f.phase == phase]
            blocking = tuple(f for f in here if f.must_fix)
            phases.append(RoadmapPhase(phase, start, end, latest, blocking, len(here)))
    return Roadmap(tuple(phases), milestones(dates))


def milestones(dates: KeyDates) -> tuple[Milestone, ...]:
    marks: list[Milestone] = []
    if dates.notice_by:
        marks.append(Milestone(_("Notice deadline"), dates.notice_by, "notice"))
    if dates.contract_end:
        marks.append(Milestone(_("Contract ends"), dates.contract_end, "contract"))
    if dates.go_live:
        marks.append(Milestone(_("Target go-live"), dates.go_live, "go-live"))
    for first, last in dates.freezes:
        marks.append(Milestone(_("Freeze"), first, "freeze", last))
    return tuple(sorted(marks, key=lambda m: (m.day, m.label)))
