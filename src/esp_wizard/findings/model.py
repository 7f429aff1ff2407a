"""What an engagement compiles into: plain frozen dataclasses that every renderer reads.

Texts here are as people and questionnaires wrote them (never escaped): each renderer
escapes for its own format, so one model serves Markdown, HTML, JSON, CSV and the TUI.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from esp_wizard.i18n import N_
from esp_wizard.roles import role_label

if TYPE_CHECKING:
    from esp_wizard.findings.playbook.model import Playbook

Source = Literal["rule", "observation"]
MoveDecision = Literal["yes", "no", "disputed", "unknown"]
ChecklistKind = Literal["trigger", "template family", "inbound API", "integration"]
Readiness = Literal["blocked", "at risk", "clear"]
FollowUpKind = Literal["flagged", "required"]

# The formula as the report states it; read in the report's language with _() when shown.
PRIORITY_FORMULA = N_("priority = severity × impact × min(breadth, 4) × 3 ÷ effort")


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    role: str

    @property
    def label(self) -> str:
        """`Ana Souza (Email operations)`: the role as a client reads it."""
        return f"{self.name} ({role_label(self.role)})" if self.role else self.name


@dataclass(frozen=True, slots=True)
class SessionRef:
    """Enough of a session to say who said something, and when."""

    id: str
    client: str
    engagement: str
    facilitator: str
    status: str
    started: dt.datetime
    updated: dt.datetime
    interviewees: tuple[Person, ...]
    questionnaire_id: str
    questionnaire_title: str
    language: str

    @property
    def roles(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(p.role for p in self.interviewees if p.role))

    @property
    def role_keys(self) -> tuple[str, ...]:
        """What breadth counts: the roles, or the session itself when nobody has a role."""
        return self.roles or (f"session:{self.id}",)

    @property
    def people(self) -> str:
        return ", ".join(dict.fromkeys(p.label for p in self.interviewees)) or "(nobody named)"

    @property
    def roles_text(self) -> str:
        return ", ".join(self.roles) or "no role"


@dataclass(frozen=True, slots=True)
class NamedAnswer:
    """An answer a finding rests on, as the interviewee's words and the facilitator's notes."""

    question_id: str
    question: str
    answer: str
    note: str = ""
    quote: str = ""


@dataclass(frozen=True, slots=True)
class Evidence:
    """One session that raised a finding, with the answers behind it."""

    session: SessionRef
    title: str
    detail: str
    answers: tuple[NamedAnswer, ...]
    said: tuple[str, ...] = ()  # the titles it was raised under (rules about a row: none)


@dataclass(frozen=True)
class Finding:
    key: str
    source: Source
    category: str
    title: str
    detail: str
    recommendation: str
    severity: int
    impact: int
    effort: int
    phase: str
    breadth: int
    roles: tuple[str, ...]
    priority: float
    must_fix: bool
    evidence: tuple[Evidence, ...]
    notes: tuple[str, ...] = ()  # e.g. scores that differed between questionnaires
    cause: str = ""  # the root cause id its sources share ("" when none was named)
    sources: tuple[str, ...] = ()  # the rule keys and observation ids merged into it
    owner: str = ""  # who an answer names as owner of what it is about ("" when unknown)

    @property
    def sessions(self) -> tuple[str, ...]:
        return tuple(e.session.id for e in self.evidence)

    @property
    def quotes(self) -> tuple[str, ...]:
        return tuple(a.quote for e in self.evidence for a in e.answers if a.quote)


@dataclass(frozen=True)
class DriverFound:
    id: str
    label: str
    sessions: tuple[SessionRef, ...]


@dataclass(frozen=True)
class Timeline:
    """The estimate from the distinct drivers; `doubling` drivers (no executive sign-off)
    multiply it by two instead of counting; `overruled` drivers were raised by someone but
    answered otherwise by the sponsor or decision-maker, whose answer weighs more."""

    estimate: str  # e.g. "6-9 months"
    drivers: tuple[DriverFound, ...]
    low_months: int = 0
    high_months: int = 0
    doubling: tuple[DriverFound, ...] = ()
    overruled: tuple[DriverFound, ...] = ()

    @property
    def count(self) -> int:
        return len(self.drivers)

    @property
    def span(self) -> tuple[int, int]:
        return (self.low_months, self.high_months)


@dataclass(frozen=True)
class PhaseReadiness:
    phase: str
    status: Readiness
    must_fix: int
    open: int  # findings to fix in this phase, must-fix included
    strengths: int


@dataclass(frozen=True)
class RowSource:
    session: SessionRef
    cells: dict[str, str]  # field id -> the value as shown
    raw: dict[str, Any]  # field id -> the value as stored (option values, numbers)


@dataclass(frozen=True)
class InventoryRow:
    key: str  # the first field, case- and space-insensitive
    name: str  # the first field as first written
    cells: dict[str, tuple[str, ...]]  # field id -> every distinct value given
    must_move: MoveDecision
    sources: tuple[RowSource, ...]


@dataclass(frozen=True)
class InventoryTable:
    question_id: str
    title: str
    item: str
    columns: tuple[tuple[str, str], ...]  # (field id, label)
    rows: tuple[InventoryRow, ...]
    has_must_move: bool

    def rows_where(self, decision: MoveDecision) -> tuple[InventoryRow, ...]:
        return tuple(r for r in self.rows if r.must_move == decision)


@dataclass(frozen=True)
class ChecklistItem:
    kind: ChecklistKind
    name: str
    check: str  # what to test and sign off
    inventory: str  # the inventory question id it came from
    sessions: tuple[SessionRef, ...]


@dataclass(frozen=True)
class Position:
    """One answer to a disputed question, and everyone who gave it."""

    answer: str
    sessions: tuple[SessionRef, ...]

    @property
    def roles(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(r for s in self.sessions for r in s.role_keys))


@dataclass(frozen=True)
class Conflict:
    question_id: str
    question: str
    positions: tuple[Position, ...]


@dataclass(frozen=True, slots=True)
class FollowUp:
    session: SessionRef
    kind: FollowUpKind
    question_id: str
    question: str
    answer: str
    note: str


@dataclass(frozen=True)
class KeyDates:
    """The dates the sponsor's decisions hang on, from answers (None when nobody said)."""

    kickoff: dt.date | None
    contract_end: dt.date | None
    notice_by: dt.date | None
    go_live: dt.date | None
    estimate: str  # the timeline band, e.g. "12-18 months"
    span: tuple[int, int]  # the same band in months, (12, 18); (0, 0) when there is none
    estimate_ends: tuple[dt.date, dt.date] | None  # earliest and latest end from kickoff
    freezes: tuple[tuple[dt.date, dt.date], ...] = ()


@dataclass(frozen=True)
class Decision:
    title: str
    why: str
    deadline: dt.date | None
    deadline_reason: str


@dataclass(frozen=True)
class NextStep:
    action: str
    owner: str
    due: dt.date | None
    finding: str  # the finding's key (an anchor, never shown)


@dataclass(frozen=True)
class WorryGroup:
    theme: str
    worries: tuple[Worry, ...]


@dataclass(frozen=True)
class Verdict:
    level: Literal["go", "go with conditions", "not yet"]
    reason: str


@dataclass(frozen=True)
class Risk:
    finding: Finding
    cause_text: str  # why it happens: the first sentence of the finding's detail
    likelihood: Literal["high", "medium", "low"]
    impact: Literal["high", "medium", "low"]
    mitigation: str
    owner: str


@dataclass(frozen=True)
class RoadmapPhase:
    phase: str
    start: dt.date
    end: dt.date  # with the estimate's shortest duration
    latest_end: dt.date  # with its longest
    blocking: tuple[Finding, ...]  # the must-fix findings to close in this phase
    open: int  # every finding to fix in this phase


@dataclass(frozen=True)
class Milestone:
    label: str
    day: dt.date
    kind: Literal["contract", "notice", "go-live", "freeze", "estimate"]
    until: dt.date | None = None  # a freeze's last day


@dataclass(frozen=True)
class Roadmap:
    phases: tuple[RoadmapPhase, ...]
    milestones: tuple[Milestone, ...]

    @property
    def start(self) -> dt.date | None:
        return self.phases[0].start if self.phases else None

    @property
    def end(self) -> dt.date | None:
        days = [p.latest_end for p in self.phases] + [m.until or m.day for m in self.milestones]
        return max(days) if days else None


@dataclass(frozen=True)
class Executive:
    note: str  # the consultant's executive note, shown first ("" when none)
    verdict: Verdict
    decisions: tuple[Decision, ...]
    messages: tuple[str, ...]
    top_risks: tuple[Risk, ...]
    next_steps: tuple[NextStep, ...]
    worries: tuple[WorryGroup, ...]
    dates: KeyDates


@dataclass(frozen=True, slots=True)
class Worry:
    """One interviewee's answer to "what worries you most?", for the report's worries."""

    session: SessionRef
    question_id: str
    question: str
    answer: str
    note: str = ""
    quote: str = ""


@dataclass(frozen=True)
class EngagementReport:
    client: str
    engagement: str
    as_of: dt.datetime | None
    sessions: tuple[SessionRef, ...]
    roles_covered: tuple[str, ...]
    roles_missing: tuple[str, ...]
    findings: tuple[Finding, ...]  # to fix, in report order
    strengths: tuple[Finding, ...]
    readiness: tuple[PhaseReadiness, ...]
    timeline: Timeline
    inventory: tuple[InventoryTable, ...]
    checklist: tuple[ChecklistItem, ...]
    conflicts: tuple[Conflict, ...]
    follow_ups: tuple[FollowUp, ...]
    warnings: tuple[str, ...] = ()
    formula: str = PRIORITY_FORMULA
    executive: Executive | None = None
    roadmap: Roadmap | None = None
    risks: tuple[Risk, ...] = ()
    facilitators: tuple[str, ...] = ()
    worries: tuple[Worry, ...] = ()  # in interview order
    playbook: Playbook | None = None  # set by compile_facts; see findings/playbook
    language: str = ""  # the language its own sentences were compiled in ("" = its sessions')

    @property
    def must_fix(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.must_fix)

    @property
    def all_findings(self) -> tuple[Finding, ...]:
        return self.findings + self.strengths

    def category_counts(self) -> dict[str, int]:
        from esp_wizard.questionnaire.model import CATEGORIES

        counts = dict.fromkeys(CATEGORIES, 0)
        for finding in self.all_findings:
            counts[finding.category] = counts.get(finding.category, 0) + 1
        return counts

    def phase_counts(self) -> dict[str, int]:
        from esp_wizard.questionnaire.model import PHASES

        counts = dict.fromkeys(PHASES, 0)
        for finding in self.findings:
            counts[finding.phase] = counts.get(finding.phase, 0) + 1
        return counts

    def matrix(self) -> dict[tuple[int, int], int]:
        """How many findings to fix sit at each (severity, impact)."""
        cells: dict[tuple[int, int], int] = {}
        for finding in self.findings:
            spot = (finding.severity, finding.impact)
            cells[spot] = cells.get(spot, 0) + 1
        return cells


@dataclass(frozen=True)
class SummaryAnswer:
    question_id: str
    question: str
    answer: str
    status: str
    note: str
    quote: str
    follow_up: bool
    columns: tuple[str, ...] = ()  # an inventory's field labels
    rows: tuple[tuple[str, ...], ...] = ()  # an inventory's rows, as shown


@dataclass(frozen=True)
class SummarySection:
    id: str
    title: str
    answers: tuple[SummaryAnswer, ...]


@dataclass(frozen=True)
class SessionSummary:
    session: SessionRef
    questionnaire_version: str
    planned_minutes: int
    active_minutes: int
    answered: int
    total: int
    sections: tuple[SummarySection, ...]
    follow_ups: tuple[FollowUp, ...]
    findings: tuple[Finding, ...]  # to fix, from rules and observations, in report order
    strengths: tuple[Finding, ...]
    warnings: tuple[str, ...] = ()

    @property
    def observations(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings + self.strengths if f.source == "observation")
