"""The interview engine: what is asked next, what counts, what fires. Pure and UI-free.

An `Interview` wraps a questionnaire and a session. Activity (skip logic) is one forward
pass: a condition only names earlier questions, so each is evaluated against the answers
of the questions already known to be active. Hidden answers are kept but never count.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from esp_wizard import i18n
from esp_wizard.questionnaire import model as m
from esp_wizard.questionnaire.expression import evaluate, names
from esp_wizard.questionnaire.kinds import Question, display, is_empty, keeps_other, validate
from esp_wizard.questionnaire.kinds.base import AnswerError, not_answered
from esp_wizard.questionnaire.kinds.inventory import InventoryQuestion, rows_short
from esp_wizard.questionnaire.rules import RuleForm, form_of
from esp_wizard.questionnaire.templates import builtin_text, fill, template_names
from esp_wizard.session.model import Answer, AnswerStatus, Session, utc_now


@dataclass(frozen=True)
class Progress:
    done: int  # active questions answered or marked don't know / not applicable
    total: int  # active questions that take an answer

    @property
    def ratio(self) -> float:
        return self.done / self.total if self.total else 1.0


@dataclass(frozen=True)
class FiredFinding:
    """A rule that is true for this session (once per matching row under for_each)."""

    rule: m.FindingRule
    key: str
    title: str
    detail: str
    recommendation: str
    row: dict[str, Any] | None
    named: tuple[str, ...]  # the question ids the rule names: its evidence


class _Env:
    """What expressions see: active answers only; hidden and unknown answers are none."""

    def __init__(
        self,
        interview: Interview,
        active: set[str],
        item: dict[str, Any] | None = None,
        estimate: tuple[int, int] | None = None,
    ) -> None:
        self._interview = interview
        self._active = active
        self.item = item
        self._estimate = estimate  # (low, high) months: only finding rules get it

    @property
    def today(self) -> dt.date:
        return self._interview.judged_on  # noted as consulted there

    @property
    def estimate(self) -> tuple[int, int] | None:
        self._interview.consulted.add("estimate")
        return self._estimate

    def _answer(self, name: str) -> Answer | None:
        if name not in self._active:
            return None
        return self._interview.session.answers.get(name)

    def value(self, name: str) -> Any:
        if name not in self._active:  # `_answer` inlined: every condition reads values
            return None
        answer = self._interview.session.answers.get(name)
        if answer is None or answer.status != "answered" or is_empty(answer.value):
            return None
        return answer.value

    def is_answered(self, name: str) -> bool:
        return self.value(name) is not None

    def is_unknown(self, name: str) -> bool:
        answer = self._answer(name)
        return answer is not None and answer.status == "dont_know"

    def count(self, name: str) -> int:
        value = self.value(name)
        return len(value) if isinstance(value, list) else 0


class Interview:
    def __init__(
        self, questionnaire: m.Questionnaire, session: Session, today: dt.date | None = None
    ) -> None:
        self.questionnaire = questionnaire
        self.session = session
        self.today = today  # None: judged on the day of the session's last change
        # The questionnaire's alone (never changed here): listed once per questionnaire,
        # not once per session of a report.
        self._order: list[Question] = questionnaire.derived("order", questionnaire.questions)
        self._position: dict[str, int] = questionnaire.derived(
            "position", lambda: {q.id: i for i, q in enumerate(self._order)}
        )
        self._active: set[str] | None = None
        self._active_order: tuple[set[str], list[Question]] | None = None
        self._progress: tuple[set[str] | None, dict[str | None, Progress]] = (None, {})
        # id(rule) -> its form, for the questionnaire's rules (they live as long as it does)
        self._forms: dict[int, RuleForm] = questionnaire.derived("forms", dict)
        # "today" and/or "estimate" once a condition or template has read them: what this
        # session's findings depend on besides its own answers (a report's cache keys on it)
        self.consulted: set[str] = set()

    # -- activity -----------------------------------------------------------------------
    @property
    def active_ids(self) -> set[str]:
        if self._active is None:
            self._active = self._compute_active()
        return self._active

    def _compute_active(self) -> set[str]:
        active: set[str] = set()
        env = _Env(self, active)
        for section in self.questionnaire.sections:
            if section.condition is not None and not evaluate(section.condition, env):
                continue
            for question in section.questions:
                if question.condition is None or evaluate(question.condition, env):
                    active.add(question.id)
        return active

    def is_active(self, question_id: str) -> bool:
        return question_id in self.active_ids

    @property
    def judged_on(self) -> dt.date:
        """`today` in conditions: an injected date (a report's), else the session's last
        change, so that a session judged twice gives the same findings."""
        self.consulted.add("today")
        return self.today or self.session.updated.date()

    def active_questions(self) -> list[Question]:
        """Active questions in order, notes included (they are shown, not answered)."""
        active = self.active_ids  # a report asks three times per session: kept per set
        if self._active_order is None or self._active_order[0] is not active:
            self._active_order = (active, [q for q in self._order if q.id in active])
        return list(self._active_order[1])

    def active_sections(self) -> list[m.Section]:
        return [
            s for s in self.questionnaire.sections if any(self.is_active(q.id) for q in s.questions)
        ]

    def is_done(self, question_id: str) -> bool:
        """Answered, or recorded as don't know / not applicable."""
        answer = self.session.answers.get(question_id)
        if answer is None:
            return False
        return answer.status != "answered" or not is_empty(answer.value)

    def progress(self, section: m.Section | None = None) -> Progress:
        """Done and active answerable questions (of `section`, else of all). Kept per set of
        active questions: every change of an answer goes through `_put`, which drops that
        set, so a count is never stale; the interview screen and the save ask for the
        same count several times per key (the whole questionnaire, 300 questions)."""
        active = self.active_ids
        if self._progress[0] is not active:
            self._progress = (active, {})
        known = self._progress[1]
        key = section.id if section else None
        if key not in known:
            questions = section.questions if section else self._order
            counted = [q.id for q in questions if q.answerable and q.id in active]
            known[key] = Progress(sum(1 for q in counted if self.is_done(q)), len(counted))
        return known[key]

    def active_answers(self) -> dict[str, Answer]:
        active = self.active_ids  # `is_done` inlined: a report asks it of every answer
        return {
            q: a
            for q, a in self.session.answers.items()
            if q in active and (a.status != "answered" or not is_empty(a.value))
        }

    def inactive_answers(self) -> list[str]:
        """Answers kept for when the interviewee changes their mind, but hidden now."""
        return [q for q in self.session.answers if q not in self.active_ids and q in self._position]

    # -- navigation ---------------------------------------------------------------------
    def next_question(self, after: str | None = None) -> Question | None:
        start = 0 if after is None else self._position[after] + 1
        return next((q for q in self._order[start:] if q.id in self.active_ids), None)

    def previous_question(self, before: str) -> Question | None:
        end = self._position[before]
        return next((q for q in reversed(self._order[:end]) if q.id in self.active_ids), None)

    def first_open_question(self) -> Question | None:
        return next(
            (q for q in self.active_questions() if q.answerable and not self.is_done(q.id)), None
        )

    def resume_question(self) -> Question | None:
        """Where the interview was left, or the first question still open."""
        current = self.session.current
        if current in self._position:
            if self.is_active(current):
                return self.questionnaire.question(current)
            return self.next_question(current) or self.previous_question(current)
        return self.first_open_question() or self.next_question()

    def unanswered_required(self) -> list[Question]:
        """Required questions still open, and inventories with fewer rows than `min_rows`
        (their rows are saved as they come; the shortfall is reported here, like required)."""
        return [
            q
            for q in self.active_questions()
            if q.answerable and ((q.required and not self.is_done(q.id)) or self._rows_short(q))
        ]

    def rows_short(self, question_id: str) -> str:
        """An inventory's shortfall against `min_rows`, once it has rows ("" when enough)."""
        return self._rows_short(self.questionnaire.question(question_id))

    def _rows_short(self, question: Question | None) -> str:
        if not isinstance(question, InventoryQuestion) or question.min_rows is None:
            return ""
        answer = self.session.answers.get(question.id)
        if answer is None or answer.status != "answered" or is_empty(answer.value):
            return ""  # open: `required` says whether that is a gap
        with i18n.use(self.questionnaire.language):  # said with the question's words
            return rows_short(question, answer.value)

    def follow_ups(self) -> list[Question]:
        return [
            q
            for q in self.active_questions()
            if (a := self.session.answers.get(q.id)) and a.follow_up
        ]

    # -- changes (the caller saves) -----------------------------------------------------
    def answer(self, question_id: str, value: Any, other: str = "") -> Answer:
        """Validate and record an answer; raises AnswerError with the facilitator's message."""
        question = self._question(question_id)
        with i18n.use(self.questionnaire.language):  # messages and date forms: the question's
            clean = validate(question, value, other)
        keep_other = other.strip() if keeps_other(question, clean) else ""
        return self._put(question_id, status="answered", value=clean, other=keep_other)

    def mark(self, question_id: str, status: AnswerStatus) -> Answer:
        """Record don't know / not applicable instead of an answer."""
        question = self._question(question_id)
        if status != "answered" and not question.allow_unknown:
            with i18n.use(self.questionnaire.language):
                raise AnswerError(i18n._("This question needs a real answer."))
        return self._put(question_id, status=status, value=None, other="")

    def clear(self, question_id: str) -> None:
        """Forget the answer but keep notes, quote and follow-up flag."""
        answer = self.session.answers.get(question_id)
        if answer is not None:
            self._put(question_id, status="answered", value=None, other="")

    def annotate(self, question_id: str, **changes: Any) -> Answer:
        """Set note, quote or follow_up on a question, answered or not."""
        self._question(question_id)
        allowed = {"note", "quote", "follow_up"}
        if not set(changes) <= allowed:
            raise ValueError(f"only {allowed} can be annotated")
        return self._put(question_id, **changes)

    def move_to(self, question_id: str) -> None:
        self._question(question_id)
        self.session.current = question_id

    def _question(self, question_id: str) -> Question:
        question = self.questionnaire.question(question_id)
        if question is None:
            message = i18n._("No question '{id}' in this questionnaire.")
            raise AnswerError(message.format(id=question_id))
        return question

    def _put(self, question_id: str, **changes: Any) -> Answer:
        old = self.session.answers.get(question_id)
        base = old.model_dump() if old is not None else {}
        base.update(changes, at=utc_now())
        answer = Answer.model_validate(base)
        self.session.answers[question_id] = answer
        self.session.current = question_id
        self._active = None
        return answer

    # -- findings and drivers -----------------------------------------------------------
    def fired_findings(self, estimate: tuple[int, int] | None = None) -> list[FiredFinding]:
        """Rules true for this session; `estimate` (low, high months, from the drivers) is
        what rules naming the estimate see: without it they see none and stay silent."""
        env = _Env(self, self.active_ids, estimate=estimate)
        fired: list[FiredFinding] = []
        for rule in self.questionnaire.findings:
            if rule.condition is None:
                continue
            for key, row in self.form(rule).instances(self.questionnaire, rule, env.value):
                seen = env if row is None else _Env(self, self.active_ids, row, estimate)
                if evaluate(rule.condition, seen):
                    fired.append(self._fired(rule, key, row, estimate))
        return fired

    def fired_drivers(self) -> list[m.Driver]:
        env = _Env(self, self.active_ids)
        return [d for d in self.questionnaire.drivers if d.condition and evaluate(d.condition, env)]

    def _fired(
        self,
        rule: m.FindingRule,
        key: str,
        row: dict[str, Any] | None,
        estimate: tuple[int, int] | None = None,
    ) -> FiredFinding:
        ordered, inventory_id = self.questionnaire.derived(
            ("evidence", id(rule)), lambda: self._evidence(rule)
        )
        return FiredFinding(
            rule=rule,
            key=key,
            title=self.fill(rule.title, row, inventory_id, estimate),
            detail=self.fill(rule.detail, row, inventory_id, estimate),
            recommendation=self.fill(rule.recommendation, row, inventory_id, estimate),
            row=row,
            named=ordered,
        )

    def form(self, rule: m.FindingRule) -> RuleForm:
        """`form_of(rule)`, looked up once per rule of the questionnaire."""
        form = self._forms.get(id(rule))
        if form is None:
            form = self._forms[id(rule)] = form_of(rule)
        return form

    def _evidence(self, rule: m.FindingRule) -> tuple[tuple[str, ...], str | None]:
        """The question ids `rule` names (its condition, its templates, its inventory) in
        interview order, and its inventory: the rule's alone, kept on its questionnaire."""
        named = set(names(rule.condition)) if rule.condition is not None else set()
        for text in (rule.title, rule.detail, rule.recommendation):
            named.update(
                n
                for n in template_names(text)
                if not n.startswith("item.") and self.questionnaire.question(n) is not None
            )
        inventory_id = self.form(rule).inventory_id(rule)
        if inventory_id:
            named.add(inventory_id)
        return tuple(sorted(named, key=lambda n: self._position.get(n, 0))), inventory_id

    # -- display ------------------------------------------------------------------------
    def fill(
        self,
        template: str,
        row: dict[str, Any] | None = None,
        inventory_id: str | None = None,
        estimate: tuple[int, int] | None = None,
    ) -> str:
        """Fill `{name}` with answers as labels, `{item.field}` from the row of `inventory_id`.

        Looks each name up on its own (not through `active_answers()`, which walks every
        answer): a report fills three templates per fired finding of a thousand sessions.
        """

        def value_of(name: str) -> str:
            if name.startswith("item."):
                inventory = self.questionnaire.question(inventory_id) if inventory_id else None
                field_id = name.removeprefix("item.")
                field = (
                    inventory.field(field_id) if isinstance(inventory, InventoryQuestion) else None
                )
                value = (row or {}).get(field_id)
                if field is None or is_empty(value):
                    return self._blank
                return self.display(field, value, terse=True)
            question = self.questionnaire.question(name)
            if question is None:
                self.consulted.add("estimate")
                built_in = builtin_text(
                    name, self.judged_on, estimate, self._blank, self.questionnaire.language
                )
                return self._blank if built_in is None else built_in
            answer = self.session.answers.get(name)
            if answer is None or answer.status != "answered":
                return self._blank
            if not self.is_active(name):
                return self._blank
            return self.display(question, answer.value, answer.other, terse=True)

        return fill(template, value_of)

    @property
    def _blank(self) -> str:
        return not_answered(self.questionnaire.language)

    def display(self, question: Question, value: Any, other: str = "", terse: bool = False) -> str:
        """An answer as a person reads it, in the questionnaire's language (see kinds)."""
        return display(question, value, other, self.questionnaire.language, terse)
