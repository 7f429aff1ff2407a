"""Every question type, registered once. The table below is the one place that lists them:
the model union, QUESTION_TYPES, the loader's and checker's tables, validation, display and
comparison are all derived from it. Adding a type is a new module here plus one line below.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any, Union

from pydantic import Field

from esp_wizard.questionnaire.expression import NameType
from esp_wizard.questionnaire.kinds.base import (
    AnswerError,
    Kind,
    QuestionBase,
    not_answered,
)
from esp_wizard.questionnaire.kinds.choice import ChoiceKind
from esp_wizard.questionnaire.kinds.date import DateKind
from esp_wizard.questionnaire.kinds.inventory import InventoryKind, InventoryQuestion
from esp_wizard.questionnaire.kinds.long_text import LongTextKind
from esp_wizard.questionnaire.kinds.multi_choice import MultiChoiceKind
from esp_wizard.questionnaire.kinds.note import NoteKind
from esp_wizard.questionnaire.kinds.number import NumberKind
from esp_wizard.questionnaire.kinds.percent import PercentKind
from esp_wizard.questionnaire.kinds.scale import ScaleKind
from esp_wizard.questionnaire.kinds.text import TextKind
from esp_wizard.questionnaire.kinds.yes_no import YesNoKind


def kind_of(question: QuestionBase) -> Kind[Any]:
    """The registered kind of a question (or inventory field)."""
    return KINDS[question.type]


INVENTORY = InventoryKind(kind_of)

KINDS: dict[str, Kind[Any]] = {
    kind.type: kind
    for kind in (
        TextKind(),
        LongTextKind(),
        NumberKind(),
        ScaleKind(),
        YesNoKind(),
        ChoiceKind(),
        MultiChoiceKind(),
        DateKind(),
        INVENTORY,
        NoteKind(),
        PercentKind(),
    )
}

QUESTION_TYPES = tuple(KINDS)
FIELD_TYPES = tuple(t for t, kind in KINDS.items() if kind.in_inventory)
MODELS: dict[str, type[QuestionBase]] = {t: kind.model for t, kind in KINDS.items()}


def _union(types: tuple[str, ...]) -> Any:
    """A pydantic union of the types' models, told apart by their `type` key."""
    members = tuple(MODELS[t] for t in types)
    return Annotated[Union[members], Field(discriminator="type")]  # noqa: UP007


if TYPE_CHECKING:
    Question = QuestionBase
    InventoryField = QuestionBase
else:
    Question = _union(QUESTION_TYPES)
    InventoryField = _union(FIELD_TYPES)
    InventoryQuestion.model_rebuild(_types_namespace={"InventoryField": InventoryField})


def name_type(question: QuestionBase) -> NameType | None:
    """How expressions see a question; None for a type conditions cannot name (notes)."""
    return kind_of(question).name_type(question)


def parse_text(question: QuestionBase, text: str) -> Any:
    """Turn what was typed into the question's value type (numbers, dates, yes/no, scale)."""
    return kind_of(question).parse(question, text)


def validate(question: QuestionBase, value: Any, other: str = "") -> Any:
    """Return the value to store, or raise AnswerError saying what to change."""
    return kind_of(question).validate(question, value, other)


def is_empty(value: Any) -> bool:
    return value is None or value == "" or value == []


def display(
    question: QuestionBase,
    value: Any,
    other: str = "",
    language: str = "en",
    terse: bool = False,
) -> str:
    """An answer as a person reads it, in the questionnaire's language (labels for options,
    yes/no, ISO dates, a decimal comma in French). `terse` is the spec's form for templates:
    the bare value (no unit, no scale label), so a sentence around it reads naturally."""
    if is_empty(value):
        return not_answered(language)
    return kind_of(question).display(question, value, other, language, terse)


def canonical(question: QuestionBase, value: Any) -> tuple[str, Any] | None:
    """What two answers must share to agree: for a choice its option value, not its label."""
    return kind_of(question).canonical(question, value)


def keeps_other(question: QuestionBase, value: Any) -> bool:
    return kind_of(question).keeps_other(question, value)


__all__ = [
    "FIELD_TYPES",
    "INVENTORY",
    "KINDS",
    "MODELS",
    "QUESTION_TYPES",
    "AnswerError",
    "InventoryField",
    "Kind",
    "Question",
    "QuestionBase",
    "canonical",
    "display",
    "is_empty",
    "keeps_other",
    "kind_of",
    "name_type",
    "parse_text",
    "validate",
]
