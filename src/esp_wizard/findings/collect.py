"""One session's contribution to a report: what it raised, and the facts behind it.

Everything goes through `Interview`, so skip logic is the engine's: an answer hidden by a
`when` is never evidence, never inventory, never a conflict and never a follow-up.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from esp_wizard import i18n
from esp_wizard.findings.model import (
    Evidence,
    FollowUp,
    NamedAnswer,
    Person,
    SessionRef,
    Source,
    Worry,
)
from esp_wizard.findings.priority import DEFAULT_EFFORT
from esp_wizard.findings.timeline import DriverFacts, driver_facts, timeline
from esp_wizard.findings.voices import worries
from esp_wizard.i18n import N_, Labels, _
from esp_wizard.questionnaire import model as m
from esp_wizard.questionnaire.kinds import Question, canonical, is_empty
from esp_wizard.questionnaire.kinds.base import not_answered
from esp_wizard.questionnaire.kinds.inventory import InventoryQuestion, row_key
from esp_wizard.questionnaire.kinds.yes_no import YesNoQuestion
from esp_wizard.session.interview import FiredFinding, Interview
from esp_wizard.session.model import Answer, Observation, Session
from esp_wizard.session.opened import OpenedSession

# Read in the language in use (the report's, while it is compiled).
STATUS_TEXT = Labels({"dont_know": N_("don't know"), "not_applicable": N_("not applicable")})
UNNAMED = N_("(unnamed)")
TITLE_LENGTH = 100
# The answers the key dates read (dates.py): the only ones a session's facts keep by id.
DATED_ANSWERS = frozenset(
    {
        "contract_end",
        "contract_end_date",
        "contract_months_left",
        "notice_period_months",
        "peak_periods",
        "target_go_live",
    }
)
T = TypeVar("T")


class Shared:
    """Equal values kept once across the sessions of a report.

    A thousand sessions give the same answers to the same questions many times over (the
    same option, the same "347 hours", the same note): each session keeping its own copy
    of every comparison and named answer made the facts weigh several times the files.
    Values are matched on their type as well, so `1` never stands for `1.0` or `True`.
    """

    def __init__(self) -> None:
        self._values: dict[Any, Any] = {}

    def one(self, value: T) -> T:
        kept: T = self._values.setdefault((type(value), value), value)
        return kept

    def compared(self, value: Compared) -> Compared:
        """Kept by its value's type too: ('number', 1) and ('number', 1.0) stay apart."""
        key = (type(value.canon[1]), value)
        kept: Compared = self._values.setdefault(key, value)
        return kept

    def of_answer(self, what: str, question: Question, answer: Answer, make: Callable[[], T]) -> T:
        """`make()`, a pure function of the question and the answer, computed once per
        distinct answer to that question (a thousand sessions give the same ones)."""
        value = _frozen(answer.value)
        if value is _UNFROZEN:
            return make()
        language = i18n.current()
        key = (what, id(question), answer.status, type(answer.value), value, answer.other, language)
        hit = self._values.get(key)
        if hit is not None and hit[0] is question:  # not a question since freed
            found: T = hit[1]
            return found
        made = make()
        self._values[key] = (question, made)
        return made


_UNFROZEN = object()


_PLAIN = frozenset({str, int, float, bool, type(None)})


def _frozen(value: Any) -> Any:
    """`value` as a key (a list of texts as a tuple), or _UNFROZEN (inventory rows)."""
    if type(value) in _PLAIN:  # most answers: no isinstance chain
        return value
    if isinstance(value, list):
        return tuple(value) if all(type(v) is str for v in value) else _UNFROZEN
    return value if isinstance(value, str | int | float | dt.date | None) else _UNFROZEN


@dataclass(frozen=True, slots=True)
class Raised:
    """One finding as one session raised it, before merging across sessions."""

    key: str
    source: Source
    questionnaire: str
    category: str
    title: str
    detail: str
    recommendation: str
    severity: int
    impact: int
    effort: int | None
    phase: str
    evidence: Evidence
    cause: str = ""  # the root cause it shares with other rules and observations
    row: str = ""  # the inventory row it is about, for a rule run for each row
    owner: str = ""  # who an answer names as its owner ("" when no answer does)

    @property
    def group(self) -> str:
        """What merges: the cause when one is named, else the key."""
        return self.cause or self.key


@dataclass(frozen=True, slots=True)
class Compared:
    """An answer that can disagree with another role's: `canon` is what is compared."""

    question_id: str
    question: str
    canon: tuple[str, Any]
    shown: str


@dataclass(frozen=True, slots=True)
class RowFacts:
    key: str
    name: str
    cells: dict[str, str]
    raw: dict[str, Any]
    must_move: bool | None


@dataclass(frozen=True, slots=True)
class InventoryFacts:
    question_id: str
    title: str
    item: str
    columns: tuple[tuple[str, str], ...]
    has_must_move: bool
    rows: tuple[RowFacts, ...]


@dataclass(frozen=True, slots=True)
class SessionFacts:
    ref: SessionRef
    raised: tuple[Raised, ...]
    drivers: tuple[tuple[str, str], ...]  # (id, label)
    inventories: tuple[InventoryFacts, ...]
    compared: tuple[Compared, ...]
    follow_ups: tuple[FollowUp, ...]
    answers: dict[str, Any] = field(default_factory=dict)  # question id -> value, as stored
    driver_facts: DriverFacts | None = None  # fired and declined drivers, for the timeline
    worries: tuple[Worry, ...] = ()  # "what worries you most?", as answered


def session_ref(session: Session, questionnaire: m.Questionnaire) -> SessionRef:
    return SessionRef(
        id=session.id,
        client=session.client,
        engagement=session.engagement,
        facilitator=session.facilitator,
        status=session.status,
        started=session.started,
        updated=session.updated,
        interviewees=tuple(Person(i.name, i.role) for i in session.interviewees),
        questionnaire_id=questionnaire.id,
        questionnaire_title=questionnaire.title,
        language=questionnaire.language,
    )


def collect(
    opened: OpenedSession,
    estimate: tuple[int, int] | None = None,
    interview: Interview | None = None,
    shared: Shared | None = None,
) -> SessionFacts:
    """One session's facts. Rules naming the timeline estimate see `estimate` (the
    engagement's, from `compile`), else this session's own drivers' estimate. `shared`,
    the same for every session of a report, keeps their equal values once."""
    interview = interview or opened.interview()
    shared = shared or Shared()
    ref = session_ref(opened.session, opened.questionnaire)
    drivers = driver_facts(interview, ref)
    span = estimate if estimate is not None else timeline([drivers]).span
    fired_rules = interview.fired_findings(span)
    raised = [_from_rule(interview, ref, fired, shared) for fired in fired_rules]
    answers = interview.active_answers()
    raised += [_from_observation(interview, ref, o) for o in opened.session.observations]
    return SessionFacts(
        ref=ref,
        raised=tuple(raised),
        drivers=tuple((d_id, label) for d_id, label, _ in drivers.fired),
        inventories=tuple(_inventories(interview, answers)),
        compared=tuple(_compared(interview, answers, shared)),
        follow_ups=tuple(follow_ups(interview, ref)),
        answers=answered(answers),
        driver_facts=drivers,
        worries=worries(interview, ref),
    )


def answered(answers: dict[str, Answer]) -> dict[str, Any]:
    """The active answers (`Interview.active_answers`) the key dates read, when they hold
    a value, as stored."""
    return {
        question_id: answer.value
        for question_id in DATED_ANSWERS
        if (answer := answers.get(question_id)) is not None
        and answer.status == "answered"
        and not is_empty(answer.value)
    }


# -- answers as people read them ------------------------------------------------------------
def shown_answer(interview: Interview, question: Question, answer: Answer | None) -> str:
    if answer is None or not interview.is_done(question.id):
        return not_answered(i18n.current())
    if answer.status in STATUS_TEXT:
        return STATUS_TEXT[answer.status]
    return interview.display(question, answer.value, answer.other)


def row_cells(
    interview: Interview, question: InventoryQuestion, row: dict[str, Any]
) -> dict[str, str]:
    """A row's filled fields as shown, in the questionnaire's field order."""
    return {
        f.id: interview.display(f, row[f.id])
        for f in question.fields
        if f.id in row and not is_empty(row[f.id])
    }


def row_text(interview: Interview, question: InventoryQuestion, row: dict[str, Any]) -> str:
    cells = row_cells(interview, question, row)
    labels = {f.id: f.text for f in question.fields}
    cell = _("{label}: {value}")
    return i18n.semicolons(cell.format(label=labels[k], value=v) for k, v in cells.items())


# -- findings --------------------------------------------------------------------------------
def _from_rule(
    interview: Interview, ref: SessionRef, fired: FiredFinding, shared: Shared
) -> Raised:
    rule = fired.rule
    answers = [_named(interview, qid, fired, shared) for qid in fired.named]
    row = _row_name(interview, fired)
    title, detail = shared.one(fired.title), shared.one(fired.detail)
    said = () if row else shared.one((title,))
    named = shared.one(tuple(shared.one(a) for a in answers if a))
    evidence = Evidence(ref, title, detail, named, said)
    return Raised(
        key=fired.key,
        source="rule",
        questionnaire=interview.questionnaire.id,
        category=rule.category,
        title=title,
        detail=detail,
        recommendation=shared.one(fired.recommendation),
        severity=rule.severity,
        impact=rule.impact,
        effort=rule.effort,
        phase=rule.phase,
        evidence=evidence,
        cause=rule.cause or "",
        row=row,
        owner=_owner(fired.row),
    )


OWNER_FIELDS = ("owner", "local_owner", "maintainer")


def _owner(row: dict[str, Any] | None) -> str:
    """The owner an inventory row names, when the rule is about one row."""
    for field_id in OWNER_FIELDS:
        value = (row or {}).get(field_id)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return ""


def _row_name(interview: Interview, fired: FiredFinding) -> str:
    """The name of the inventory row a rule fired for ("" for a rule not about a row)."""
    return interview.form(fired.rule).row_name(interview.questionnaire, fired.rule, fired.row)


def _named(
    interview: Interview, question_id: str, fired: FiredFinding, shared: Shared
) -> NamedAnswer | None:
    """The answer a rule names, or None when it is hidden or holds nothing to show."""
    question = interview.questionnaire.question(question_id)
    answer = interview.session.answers.get(question_id)
    if question is None or answer is None or not interview.is_active(question_id):
        return None
    inventory_id = interview.form(fired.rule).inventory_id(fired.rule)
    if question_id == inventory_id and isinstance(question, InventoryQuestion):
        # The answer's note and quote speak of the whole inventory, not of this row: they
        # stay in the session summary instead of following every row's finding.
        shown = row_text(interview, question, fired.row or {})
        return NamedAnswer(question_id, question.text, shown)
    if not interview.is_done(question_id) and not (answer.note or answer.quote):
        return None
    shown = shared.of_answer(
        "shown", question, answer, lambda: shown_answer(interview, question, answer)
    )
    return NamedAnswer(question_id, question.text, shown, answer.note, answer.quote)


def observation_title(observation: Observation) -> str:
    """The facilitator's title, else the first line of their text, kept short."""
    if observation.title.strip():
        return observation.title.strip()
    first = observation.text.strip().splitlines()[0] if observation.text.strip() else ""
    if len(first) <= TITLE_LENGTH:
        return first or observation.id
    return first[:TITLE_LENGTH].rsplit(" ", 1)[0] + "…"


def _from_observation(interview: Interview, ref: SessionRef, observation: Observation) -> Raised:
    answers: tuple[NamedAnswer, ...] = ()
    question = interview.questionnaire.question(observation.question)
    answer = interview.session.answers.get(observation.question)
    if question is not None and answer is not None and interview.is_active(question.id):
        shown = shown_answer(interview, question, answer)
        answers = (NamedAnswer(question.id, question.text, shown, answer.note, answer.quote),)
    title = observation_title(observation)
    return Raised(
        key=observation.id,
        source="observation",
        questionnaire=interview.questionnaire.id,
        category=observation.category,
        title=title,
        detail=observation.text,
        recommendation="",
        severity=observation.severity,
        impact=observation.impact,
        effort=None,
        phase=observation.phase,
        # Its words are the evidence; its title is not repeated as "said as" (a facilitator's
        # shorthand such as "X is a single point of failure" must not reach the client).
        evidence=Evidence(ref, title, observation.text, answers, ("",)),
        cause=observation.cause,
    )


def effort_of(raised: Raised) -> int:
    return raised.effort if raised.effort is not None else DEFAULT_EFFORT


# -- inventory, comparisons, follow-ups -----------------------------------------------------
def _inventories(interview: Interview, answers: dict[str, Answer]) -> list[InventoryFacts]:
    found = []
    for question in interview.active_questions():
        answer = answers.get(question.id)
        if not isinstance(question, InventoryQuestion) or answer is None:
            continue
        if answer.status != "answered" or not answer.value:
            continue
        found.append(_inventory(interview, question, answer.value))
    return found


def _inventory(interview: Interview, question: InventoryQuestion, rows: Any) -> InventoryFacts:
    move_field = question.field("must_move")
    has_move = isinstance(move_field, YesNoQuestion)
    facts = []
    for number, row in enumerate(rows, start=1):
        name = row.get(question.key_field)
        key = row_key(name) if not is_empty(name) else f"#{interview.session.id}:{number}"
        move = row.get("must_move") if has_move else None
        facts.append(
            RowFacts(
                key=key,
                name=str(name) if not is_empty(name) else _(UNNAMED),
                cells=row_cells(interview, question, row),
                raw=dict(row),
                must_move=move if isinstance(move, bool) else None,
            )
        )
    columns = tuple((f.id, f.text) for f in question.fields if f.id != "must_move" or not has_move)
    return InventoryFacts(
        question_id=question.id,
        title=question.text,
        item=question.item,
        columns=columns,
        has_must_move=has_move,
        rows=tuple(facts),
    )


def _compared(interview: Interview, answers: dict[str, Answer], shared: Shared) -> list[Compared]:
    found = []
    question_of = interview.questionnaire.question
    for question_id, answer in answers.items():
        if answer.status != "answered":
            continue
        question = question_of(question_id)
        if question is None:
            continue
        make = functools.partial(_compare, interview, question, answer, shared)
        compared = shared.of_answer("compared", question, answer, make)
        if compared is not None:
            found.append(compared)
    return found


def _compare(
    interview: Interview, question: Question, answer: Answer, shared: Shared
) -> Compared | None:
    """Kept once (`Shared.compared`) when made: an answer given again gets it back from
    `of_answer` without hashing it a second time."""
    canon = canonical(question, answer.value)
    if canon is None:
        return None
    shown = interview.display(question, answer.value, answer.other)
    return shared.compared(Compared(question.id, question.text, canon, shown))


def follow_ups(interview: Interview, ref: SessionRef) -> list[FollowUp]:
    """Flagged answers, then required questions left open (each question listed once)."""
    items = []
    flagged = interview.follow_ups()
    for question in flagged:
        answer = interview.session.answers.get(question.id)
        note = answer.note if answer else ""
        shown = shown_answer(interview, question, answer)
        items.append(FollowUp(ref, "flagged", question.id, question.text, shown, note))
    flagged_ids = {q.id for q in flagged}
    for question in interview.unanswered_required():
        if question.id in flagged_ids:
            continue
        answer = interview.session.answers.get(question.id)
        note = answer.note if answer else ""
        blank = not_answered(i18n.current())
        items.append(FollowUp(ref, "required", question.id, question.text, blank, note))
    return items
