"""Does a session's file fit the questionnaire it ran with? Checked when it is opened.

A session file is plain TOML that people edit and sync tools merge: a number answer may
have become "lots", a yes/no answer a list. The session model accepts any answer value
(it cannot know the questions), so this check, made once the questionnaire is known,
turns such a value into a located problem about the file instead of an exception deep
inside a report or an interview screen.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from esp_wizard.questionnaire import model as m
from esp_wizard.session.model import Session

Location = tuple[str | int, ...]

_EXPECTED = {
    "text": "text",
    "long_text": "text",
    "number": "a number",
    "scale": "a whole number",
    "yes_no": "true or false",
    "choice": "one option's value (text)",
    "multi_choice": "a list of option values",
    "date": "a date",
    "inventory": "a list of rows",
}


def answer_problems(questionnaire: m.Questionnaire, session: Session) -> list[tuple[Location, str]]:
    """(key path in the file, message) for each answer whose value its question cannot take."""
    problems: list[tuple[Location, str]] = []
    for question_id, answer in session.answers.items():
        question = questionnaire.question(question_id)
        if question is None or answer.value is None or question.type not in _EXPECTED:
            continue  # an answer to a removed question is kept and ignored
        where: Location = ("answers", question_id, "value")
        if not _fits(question.type, answer.value):
            message = f"{question.type} question: expected {_EXPECTED[question.type]}"
            problems.append((where, f"{message}, got {_shown(answer.value)}"))
        elif isinstance(question, m.InventoryQuestion):
            problems.extend(_row_problems(question, answer.value, where))
    return problems


def _fits(kind: str, value: Any) -> bool:
    if kind in ("text", "long_text", "choice"):
        return isinstance(value, str)
    if kind == "number":
        return _is_number(value)
    if kind == "scale":
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "yes_no":
        return isinstance(value, bool)
    if kind == "multi_choice":
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    if kind == "date":
        return isinstance(value, dt.date)
    if kind == "inventory":
        return isinstance(value, list) and all(isinstance(row, dict) for row in value)
    return True


def _is_number(value: Any) -> bool:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    return math.isfinite(value) and abs(value) <= 2**63


def _row_problems(
    question: m.InventoryQuestion, rows: list[dict[str, Any]], where: Location
) -> list[tuple[Location, str]]:
    problems: list[tuple[Location, str]] = []
    for number, row in enumerate(rows):
        for field_id, value in row.items():
            field = question.field(field_id)
            if field is not None and field.type in _EXPECTED and not _fits(field.type, value):
                message = f"{field.type} field: expected {_EXPECTED[field.type]}"
                problems.append(((*where, number, field_id), f"{message}, got {_shown(value)}"))
    return problems


def _shown(value: Any) -> str:
    from esp_wizard.tomlfile import show

    return show(value)
