"""Limits a questionnaire must keep so that no file `check` accepts can hang or crash an
interview: regular expressions, number ranges, and values of the wrong kind.

Questionnaires come from other people's laptops: a `pattern` with nested unbounded
quantifiers (`^(a+)+$`) can backtrack for minutes on a 30-character answer, a scale from
0 to 2^63-1 cannot be shown as points, and TOML's `true` is quietly taken for the number 1
by pydantic. Patterns are therefore checked at load (size, repetition counts, nested
unbounded quantifiers) and matched with a time limit (`fullmatch`); numbers are bounded;
booleans are refused where a number or a name is expected. Each problem is (key path,
message) for the loader to place on a line.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from esp_wizard.i18n import _
from esp_wizard.questionnaire import model as m

Loc = tuple[str | int, ...]
Found = tuple[Loc, str]

MAX_SCALE_POINTS = 101  # 0..100
MAX_NUMBER = 10**15  # min/max of a number question: money and message counts fit
MAX_COUNT = 100_000  # max_length, min_rows, max_rows, minutes, selections
NUMERIC_KEYS = {
    "format",
    "minutes",
    "min",
    "max",
    "max_length",
    "min_selected",
    "max_selected",
    "min_rows",
    "max_rows",
    "severity",
    "impact",
    "effort",
}
RESERVED_IDS = {"true", "false", "and", "or", "not", "in", "answered", "unknown", "count", "item"}


def raw_problems(data: Any) -> list[Found]:
    """Booleans where the format wants a number (`severity = true`), found in the raw data
    before pydantic turns them into 1 and 0."""
    found: list[Found] = []
    stack: list[tuple[Loc, Any]] = [((), data)]
    while stack:
        loc, node = stack.pop()
        if isinstance(node, dict):
            for key, value in node.items():
                if key in NUMERIC_KEYS and isinstance(value, bool):
                    message = _("expected a number, got {value}").format(value=str(value).lower())
                    found.append(((*loc, key), message))
                elif key == "id" and isinstance(value, bool):
                    message = _("expected text, got {value}").format(value=str(value).lower())
                    found.append(((*loc, key), message))
                else:
                    stack.append(((*loc, key), value))
        elif isinstance(node, list):
            stack.extend(((*loc, i), value) for i, value in enumerate(node))
    return sorted(found, key=str)


def _at_most(value: int) -> str:
    return _("must be at most {high}, got {value}").format(high=MAX_COUNT, value=value)


def model_problems(q: m.Questionnaire) -> Iterator[Found]:
    """Bounds on the validated questionnaire: patterns, ranges, counts, reserved ids."""
    if q.minutes > MAX_COUNT:
        yield ("minutes",), _at_most(q.minutes)
    for s_i, section in enumerate(q.sections):
        for q_i, question in enumerate(section.questions):
            loc: Loc = ("sections", s_i, "questions", q_i)
            yield from _question(question, loc)
            for f_i, field in enumerate(_field(question, "fields") or []):
                yield from _question(field, (*loc, "fields", f_i))


def _question(question: Any, loc: Loc) -> Iterator[Found]:
    if question.id in RESERVED_IDS:
        message = _("'{id}' is a word of the condition language; choose another id")
        yield (*loc, "id"), message.format(id=question.id)
    if question.type == "scale" and question.max - question.min + 1 > MAX_SCALE_POINTS:
        message = _("a scale has at most {count} points, got {low} to {high}")
        yield (
            (*loc, "max"),
            message.format(count=MAX_SCALE_POINTS, low=question.min, high=question.max),
        )
    if question.type == "number":
        for key in ("min", "max"):
            value = getattr(question, key)
            if value is not None and abs(value) > MAX_NUMBER:
                message = _("must be between -10^15 and 10^15, got {value}")
                yield (*loc, key), message.format(value=value)
    for key in ("max_length", "min_selected", "max_selected", "min_rows", "max_rows"):
        value = _field(question, key)
        if isinstance(value, int) and value > MAX_COUNT:
            yield (*loc, key), _at_most(value)


def _field(model: Any, key: str) -> Any:
    """The field's value, None for a type without that field. Not `getattr(model, key,
    None)`: a name a pydantic model lacks goes through its `__getattr__` (the private
    attributes' lookup), 1,600 times over a 300-question questionnaire's check."""
    return model.__dict__.get(key)
