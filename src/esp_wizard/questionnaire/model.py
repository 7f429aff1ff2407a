"""Pydantic models of the questionnaire format, version 1 (`docs/questionnaire-format.md`).

The models check structure only (types, keys, ranges); cross-references (ids, expressions,
templates) are checked by `checks.py`, which needs the whole questionnaire.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

if TYPE_CHECKING:
    from esp_wizard.questionnaire.expression import Expr

QUESTION_ID = r"^[a-z][a-z0-9_]*$"
KEBAB_ID = r"^[a-z][a-z0-9-]*$"
RULE_ID = r"^[a-z][a-z0-9_-]*$"
LANGUAGE_TAG = r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$"

CATEGORIES = ("strength", "gap", "hack", "manual")
PHASES = ("discovery", "move", "uat", "send")
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
OTHER = "other"

Category = Literal["strength", "gap", "hack", "manual"]
Phase = Literal["discovery", "move", "uat", "send"]
Score = Annotated[int, Field(ge=1, le=5)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Conditional(_Model):
    """Anything with a `when`: its parsed expression is attached once, at load."""

    when: str | None = None
    _condition: Expr | None = PrivateAttr(default=None)

    @property
    def condition(self) -> Expr | None:
        return self._condition


class Option(_Model):
    value: Annotated[str, Field(min_length=1, pattern=r"^\S+$")]
    label: str


class _Question(Conditional):
    id: Annotated[str, Field(pattern=QUESTION_ID)]
    text: str
    help: str = ""
    required: bool = False
    tags: list[str] = Field(default_factory=list)
    allow_unknown: bool = True

    @property
    def answerable(self) -> bool:
        return True


class TextQuestion(_Question):
    type: Literal["text"]
    max_length: Annotated[int, Field(ge=1)] | None = None
    pattern: str | None = None
    placeholder: str = ""


class LongTextQuestion(_Question):
    type: Literal["long_text"]
    max_length: Annotated[int, Field(ge=1)] | None = None


class NumberQuestion(_Question):
    type: Literal["number"]
    min: int | float | None = None
    max: int | float | None = None
    integer: bool = False
    unit: str = ""


class ScaleQuestion(_Question):
    type: Literal["scale"]
    min: int = 1
    max: int = 5
    labels: dict[str, str] = Field(default_factory=dict)

    def label_for(self, point: int) -> str:
        return self.labels.get(str(point), "")


class YesNoQuestion(_Question):
    type: Literal["yes_no"]


class _OptionsQuestion(_Question):
    options: Annotated[list[Option], Field(min_length=1)]
    other: bool = False

    @property
    def values(self) -> list[str]:
        """Every value an answer may hold, "other" included when it is offered."""
        values = [o.value for o in self.options]
        return [*values, OTHER] if self.other and OTHER not in values else values

    def label_of(self, value: str, other_text: str = "") -> str:
        for option in self.options:
            if option.value == value:
                return option.label
        if value == OTHER:
            return other_text or "Other"
        return value


class ChoiceQuestion(_OptionsQuestion):
    type: Literal["choice"]


class MultiChoiceQuestion(_OptionsQuestion):
    type: Literal["multi_choice"]
    min_selected: Annotated[int, Field(ge=0)] | None = None
    max_selected: Annotated[int, Field(ge=1)] | None = None


class DateQuestion(_Question):
    type: Literal["date"]
    min: dt.date | None = None
    max: dt.date | None = None


class NoteQuestion(_Question):
    type: Literal["note"]

    @property
    def answerable(self) -> bool:
        return False


InventoryField = Annotated[
    TextQuestion | LongTextQuestion | NumberQuestion | YesNoQuestion | ChoiceQuestion,
    Field(discriminator="type"),
]


class InventoryQuestion(_Question):
    type: Literal["inventory"]
    item: str = "item"
    fields: Annotated[list[InventoryField], Field(min_length=1)]
    min_rows: Annotated[int, Field(ge=0)] | None = None
    max_rows: Annotated[int, Field(ge=1)] | None = None

    @property
    def key_field(self) -> str:
        """The first field names a row: rows merge across sessions by it."""
        return self.fields[0].id

    def field(self, field_id: str) -> InventoryField | None:
        return next((f for f in self.fields if f.id == field_id), None)


Question = Annotated[
    TextQuestion
    | LongTextQuestion
    | NumberQuestion
    | ScaleQuestion
    | YesNoQuestion
    | ChoiceQuestion
    | MultiChoiceQuestion
    | DateQuestion
    | InventoryQuestion
    | NoteQuestion,
    Field(discriminator="type"),
]
QUESTION_TYPES = (
    "text",
    "long_text",
    "number",
    "scale",
    "yes_no",
    "choice",
    "multi_choice",
    "date",
    "inventory",
    "note",
)


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


class Driver(Conditional):
    id: Annotated[str, Field(pattern=RULE_ID)]
    label: str
    when: str


class Questionnaire(_Model):
    format: Literal[1]
    id: Annotated[str, Field(pattern=KEBAB_ID)]
    version: str
    language: Annotated[str, Field(pattern=LANGUAGE_TAG)]
    title: str
    roles: list[str] = Field(default_factory=list)
    minutes: Annotated[int, Field(ge=1)]
    description: str = ""
    sections: Annotated[list[Section], Field(min_length=1)]
    findings: list[FindingRule] = Field(default_factory=list)
    drivers: list[Driver] = Field(default_factory=list)

    _source: str = PrivateAttr(default="")
    _path: str = PrivateAttr(default="")
    _hash: str = PrivateAttr(default="")
    _index: dict[str, Any] = PrivateAttr(default_factory=dict)

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
        index = self._index
        if not index:
            index = self._index = {q.id: q for q in self.questions()}
        return index.get(question_id)

    def section_of(self, question_id: str) -> Section | None:
        return next(
            (s for s in self.sections if any(q.id == question_id for q in s.questions)), None
        )

    @property
    def answerable_count(self) -> int:
        return sum(1 for q in self.questions() if q.answerable)
