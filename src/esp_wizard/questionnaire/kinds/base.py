"""What every question type shares: the pydantic base of a question, and `Kind`, the one
object per type that holds everything the core knows about it.

A type's module defines its model and a `Kind` subclass; `kinds/__init__.py` registers it in
the one table from which the model union, the loader's and checker's tables, validation,
display and comparison are all derived.
"""

from __future__ import annotations

import builtins
import math
from collections.abc import Iterator
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

from esp_wizard import i18n
from esp_wizard.i18n import N_, _
from esp_wizard.questionnaire.expression import NameType

if TYPE_CHECKING:
    from esp_wizard.questionnaire.expression import Expr

QUESTION_ID = r"^[a-z][a-z0-9_]*$"
OTHER = "other"
_DECIMAL_COMMA = {"fr", "de", "es", "it", "pt", "nl"}

Loc = tuple[str | int, ...]
Found = tuple[Loc, str]


class AnswerError(ValueError):
    """A proposed answer that cannot be saved; str() is the message to show."""


class Model(BaseModel):
    """A questionnaire part. Its validator is built at its first validation, not at import:
    a resumed interview unpickles a copy checked earlier (checkedcopy.py) and validates
    nothing before its first question shows, and building every part's validator at import
    took ~15 ms of that start-up."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Conditional(Model):
    """Anything with a `when`: its parsed expression is attached once, at load."""

    when: str | None = None
    _condition: Expr | None = PrivateAttr(default=None)

    @property
    def condition(self) -> Expr | None:
        # The private slot itself, not `self._condition`: pydantic serves private attributes
        # through __getattr__, which a report over a thousand sessions calls ~10^5 times.
        private = self.__pydantic_private__
        return private["_condition"] if private else None


class Option(Model):
    value: Annotated[str, Field(min_length=1, pattern=r"^\S+$")]
    label: str


class QuestionBase(Conditional):
    """The keys every question type takes; each type adds its own `type` literal and keys."""

    if TYPE_CHECKING:
        type: str  # declared by each type as a Literal (kept out of the base's field order)

    id: Annotated[str, Field(pattern=QUESTION_ID)]
    text: str
    help: str = ""
    required: bool = False
    # A Python factory, not `list`: pydantic reads a builtin's signature by tokenizing its
    # text signature (the tokenizer's regexes compiled at start-up, ~5 ms before a first frame).
    tags: list[str] = Field(default_factory=lambda: [])
    allow_unknown: bool = True

    @property
    def answerable(self) -> bool:
        return True


Q = TypeVar("Q", bound=QuestionBase)


class Kind(Generic[Q]):
    """One question type for the core. Subclasses set the class attributes and override what
    differs; the defaults suit a type whose answer is plain text."""

    type: ClassVar[str]
    model: ClassVar[builtins.type[QuestionBase]]
    condition_kind: ClassVar[str | None] = None  # how `when` sees it; None: not nameable
    in_inventory: ClassVar[bool] = False  # may be a field of an inventory row

    def name_type(self, question: Q) -> NameType | None:
        """How expressions see a question of this type (None: conditions cannot name it)."""
        if self.condition_kind is None:
            return None
        label = f"{question.type} question {question.id}"
        return NameType(kind=self.condition_kind, label=label)

    def problems(self, question: Q, loc: Loc) -> Iterator[Found]:
        """Load-time checks of one question beyond its model's (key path, message)."""
        return iter(())

    def parse(self, question: Q, text: str) -> Any:
        """What was typed, as this type's value (validated afterwards by `validate`)."""
        return text.strip()

    def validate(self, question: Q, value: Any, other: str = "") -> Any:
        """The value to store, or AnswerError saying what to change."""
        raise AnswerError(_("A note takes no answer."))

    def display(self, question: Q, value: Any, other: str, language: str, terse: bool) -> str:
        """A non-empty answer as a person reads it; `terse` is the bare form for templates."""
        return str(value)

    def canonical(self, question: Q, value: Any) -> tuple[str, Any] | None:
        """What two answers must share to agree across roles; None: never compared."""
        return None

    def keeps_other(self, question: Q, value: Any) -> bool:
        """Whether the "Other" free text belongs with this value."""
        return False

    stored: ClassVar[str] = N_(
        "text"
    )  # what a saved answer holds, named in a damaged file's message

    def fits(self, value: Any) -> bool:
        """Whether a saved answer has this type's shape: a hand-edited or merged session file
        may hold "lots" for a number, and must be named as damaged rather than crash later."""
        return isinstance(value, str)


def words(language: str) -> str:
    """The two-letter language a questionnaire's tag starts with ("fr" for "fr-CA")."""
    return language.split("-")[0].lower()


def yes_no_words(language: str) -> tuple[str, str]:
    """ "yes"/"no" in the questionnaire's language (English when the catalogue has none)."""
    with i18n.use(words(language)):
        return _("yes"), _("no")


def not_answered(language: str) -> str:
    with i18n.use(words(language)):
        return _("(not answered)")


def number_text(value: float, language: str = "en") -> str:
    """`0.2` in English, `0,2` in French: numbers as the questionnaire's language writes them."""
    text = str(int(value)) if float(value).is_integer() else f"{value:g}"
    return text.replace(".", ",") if words(language) in _DECIMAL_COMMA else text


def is_number(value: Any) -> bool:
    """A finite int or float within TOML's range; booleans are not numbers."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    return math.isfinite(value) and abs(value) <= 2**63


def plain_number(number: float) -> str:
    """A bound in a message or hint: `10`, not `10.0`."""
    return str(int(number)) if float(number).is_integer() else str(number)
