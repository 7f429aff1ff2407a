"""What the migration playbook compiles into: frozen dataclasses every renderer reads.

Like `findings.model`, texts are as people wrote them (never escaped here). Each artefact
carries its own `missing` list: what it could not derive, and whom to ask, so a renderer
shows the gap instead of an empty table.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from esp_wizard.i18n import _

Status = Literal["met", "not met", "unknown"]
Direction = Literal["to_esp", "from_esp", "both", "unknown"]
ContractVerdict = Literal["fits", "tight", "does not fit", "unknown"]


@dataclass(frozen=True)
class Missing:
    """An answer an artefact needs and nobody gave: which question, and whom to ask."""

    what: str
    question_id: str
    ask: str  # a role, with the people already named for it


@dataclass(frozen=True)
class PlannedPerson:
    """Someone an interviewee said we should talk to, merged across sessions by name."""

    name: str
    roles_given: tuple[str, ...]  # the job titles as people wrote them
    questionnaire: str  # the bundled role to interview them with ("" when none fits)
    topics: tuple[str, ...]  # why each session named them
    named_by: tuple[str, ...]  # "Helen Marsh (executive)", …
    interviewed: bool  # already an interviewee of a session of this engagement


@dataclass(frozen=True)
class InterviewPlan:
    people: tuple[PlannedPerson, ...]  # still to interview first, then the ones heard
    roles_missing: tuple[str, ...]
    candidates: dict[str, tuple[str, ...]]  # a missing role -> planned people who fit it

    @property
    def to_interview(self) -> tuple[PlannedPerson, ...]:
        return tuple(p for p in self.people if not p.interviewed)


@dataclass(frozen=True)
class ParityLine:
    kind: str  # trigger, template family, inbound API, report
    name: str
    baseline: str  # 12-month volume and KPI, or what is missing
    yearly_volume: int | None
    owner: str
    dependencies: tuple[str, ...]
    test: str
    sources: tuple[str, ...]  # session ids


@dataclass(frozen=True)
class Parity:
    lines: tuple[ParityLine, ...]
    kpis: tuple[str, ...]  # the KPIs the engagement tracks, as shown
    kpi_baseline: str  # whether per-flow KPI baselines exist, and what to do about it
    missing: tuple[Missing, ...]


@dataclass(frozen=True)
class Criterion:
    id: str
    label: str
    status: Status
    reason: str  # the answers behind the status, or what is missing
    blocking: tuple[str, ...]  # titles of findings to fix that stand in its way
    ask: str  # who to ask when the status is unknown


@dataclass(frozen=True)
class Scorecard:
    criteria: tuple[Criterion, ...]

    def count(self, status: Status) -> int:
        return sum(1 for c in self.criteria if c.status == status)

    @property
    def verdict(self) -> str:
        if self.count("not met"):
            return "no-go"
        return "go" if not self.count("unknown") else "not yet decidable"


@dataclass(frozen=True)
class WarmupWeek:
    week: int
    daily_volume: int
    audience: str


@dataclass(frozen=True)
class WarmupPlan:
    weeks: tuple[WarmupWeek, ...]
    target_daily: int | None
    stop_rules: tuple[str, ...]
    assumptions: tuple[str, ...]
    missing: tuple[Missing, ...]

    @property
    def length_weeks(self) -> int | None:
        return len(self.weeks) or None


@dataclass(frozen=True)
class MapNode:
    id: str
    name: str
    kind: str
    owner: str
    documented: bool | None
    x: int = 0
    y: int = 0

    @property
    def flagged(self) -> tuple[str, ...]:
        marks = []
        if self.documented is False:
            marks.append("undocumented")
        if not self.owner:
            marks.append("no owner")
        return tuple(marks)


@dataclass(frozen=True)
class MapEdge:
    source: str  # node id; "esp" is the platform itself
    target: str
    direction: Direction
    transport: str
    schedule: str
    flagged: tuple[str, ...]

    @property
    def label(self) -> str:
        """How the flow travels, in the language in use ("how: not given" when nobody said)."""
        return " · ".join(p for p in (self.transport, self.schedule) if p) or _("how: not given")


@dataclass(frozen=True)
class SystemMap:
    esp: str  # the current platform's name, as answered
    nodes: tuple[MapNode, ...]
    edges: tuple[MapEdge, ...]
    width: int
    height: int
    missing: tuple[Missing, ...]


@dataclass(frozen=True)
class Contract:
    verdict: ContractVerdict
    reason: str


@dataclass(frozen=True)
class Playbook:
    interview_plan: InterviewPlan
    parity: Parity
    scorecard: Scorecard
    warmup: WarmupPlan
    system_map: SystemMap
    contract: Contract
