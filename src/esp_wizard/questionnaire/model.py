"""Pydantic models of the questionnaire format, version 1 (`docs/questionnaire-format.md`).

The models check structure only (types, keys, ranges); cross-references (ids, expressions,
templates) are checked by `checks.py`, which needs the whole questionnaire. Each question
type's model lives with the rest of its knowledge in `kinds/`; the question union comes from
the table there; modules that name a type's model import it from its kind's module.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, Literal, TypeVar, get_args

from pydantic import Field, PrivateAttr

from esp_wizard.questionnaire.kinds import Question
from esp_wizard.questionnaire.kinds.base import (
    QUESTION_ID,
    Conditional,
)
from esp_wizard.questionnaire.kinds.base import Model as _Model

T = TypeVar("T")
_OWNER = object()  # the key of `Questionnaire.derived`'s memo naming whose it is

KEBAB_ID = r"^[a-z][a-z0-9-]*$"
RULE_ID = r"^[a-z][a-z0-9_-]*$"
LANGUAGE_TAG = r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$"

# A finding's category and phase: the one definition (rules here, observations in sessions).
Category = Literal["strength", "gap", "hack", "manual"]
Phase = Literal["discovery", "move", "uat", "send"]
CATEGORIES: tuple[str, ...] = get_args(Category)
PHASES: tuple[str, ...] = get_args(Phase)
ROLES = (
    "executive",
    "email-ops",
    "data-crm",
    "it-integrations",
    "creative-content",
    "analytics",
    "deliverability",
    "legal-privacy",
    "customer-service",
)

Score = Annotated[int, Field(ge=1, le=5)]


class Section(Conditional):
    id: Annotated[str, Field(pattern=QUESTION_ID)]
    title: str
    intro: str = ""
    questions: Annotated[list[Question], Field(min_length=1)]


class FindingRule(Conditional):
    id: Annotated[str, Field(pattern=RULE_ID)]
    category: Category
    when: str  # required on a rule
    for_each: str | None = None
    title: str
    detail: str = ""
    severity: Score
    impact: Score
    effort: Score | None = None
    phase: Phase
    recommendation: str = ""
    cause: Annotated[str, Field(pattern=RULE_ID)] | None = None  # rules sharing it merge


class Driver(Conditional):
    id: Annotated[str, Field(pattern=RULE_ID)]
    label: str
    when: str  # required on a driver
    # A multiplier rather than one more driver: missing executive sign-off doubles the
    # estimate (the seed: "without it migrations take twice as long").
    doubles: bool = False


class Questionnaire(_Model):
    format: Literal[1]
    id: Annotated[str, Field(pattern=KEBAB_ID)]
    version: str
    language: Annotated[str, Field(pattern=LANGUAGE_TAG)]
    title: str
    # Python factories, not `list`: see kinds/base.py's `tags` (start-up time).
    roles: list[str] = Field(default_factory=lambda: [])
    minutes: Annotated[int, Field(ge=1)]
    description: str = ""
    sections: Annotated[list[Section], Field(min_length=1)]
    findings: list[FindingRule] = Field(default_factory=lambda: [])
    drivers: list[Driver] = Field(default_factory=lambda: [])

    _source: str = PrivateAttr(default="")
    _path: str = PrivateAttr(default="")
    _hash: str = PrivateAttr(default="")
    _index: dict[str, Any] = PrivateAttr(default_factory=dict)
    _memo: dict[Any, Any] = PrivateAttr(default_factory=dict)

    @property
    def source(self) -> str:
        """The exact text it was loaded from (copied beside the sessions that use it)."""
        return self._source

    @property
    def path(self) -> str:
        return self._path

    @property
    def hash(self) -> str:
        """sha256 of the source text: which exact file a session ran with."""
        return self._hash

    def questions(self) -> list[Question]:
        """Every question in interview order, notes included."""
        return [q for s in self.sections for q in s.questions]

    def question(self, question_id: str) -> Question | None:
        private = self.__pydantic_private__  # not `self._index`: see Conditional.condition
        assert private is not None
        index: dict[str, Question] = private["_index"]
        if not index:
            index = private["_index"] = {q.id: q for q in self.questions()}
        return index.get(question_id)

    def derived(self, key: Any, make: Callable[[], T]) -> T:
        """`make()`, a value that depends on this questionnaire alone (a rule's evidence
        names, its form, the question order), computed once: a report judges a thousand
        sessions against a few parsed copies, and need not recompute it for each one."""
        private = self.__pydantic_private__
        assert private is not None
        memo: dict[Any, Any] = private["_memo"]
        if memo.get(_OWNER) != id(self):  # a model_copy shares the dict: not its values
            memo = private["_memo"] = {_OWNER: id(self)}
        if key not in memo:
            memo[key] = make()
        value: T = memo[key]
        return value

    def section_of(self, question_id: str) -> Section | None:
        return next(
            (s for s in self.sections if any(q.id == question_id for q in s.questions)), None
        )

    @property
    def answerable_count(self) -> int:
        return sum(1 for q in self.questions() if q.answerable)
