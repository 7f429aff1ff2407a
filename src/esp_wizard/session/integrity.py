"""Does a session's file fit the questionnaire it ran with? Checked when it is opened.

A session file is plain TOML that people edit and sync tools merge: a number answer may
have become "lots", a yes/no answer a list. The session model accepts any answer value
(it cannot know the questions), so this check, made once the questionnaire is known,
turns such a value into a located problem about the file instead of an exception deep
inside a report or an interview screen.
"""

from __future__ import annotations

from typing import Any

from esp_wizard.i18n import N_, _
from esp_wizard.questionnaire import model as m
from esp_wizard.questionnaire.kinds import kind_of
from esp_wizard.questionnaire.kinds.base import QuestionBase
from esp_wizard.questionnaire.kinds.inventory import InventoryQuestion
from esp_wizard.session.model import Session

Location = tuple[str | int, ...]


def answer_problems(questionnaire: m.Questionnaire, session: Session) -> list[tuple[Location, str]]:
    """(key path in the file, message) for each answer whose value its question cannot take."""
    problems: list[tuple[Location, str]] = []
    question_of = questionnaire.question
    for question_id, answer in session.answers.items():
        if answer.value is None:
            continue
        question = question_of(question_id)
        if question is None:
            continue  # an answer to a removed question is kept and ignored
        where: Location = ("answers", question_id, "value")
        problem = _misfit(question, answer.value, "question")
        if problem is not None:
            problems.append((where, problem))
        elif isinstance(question, InventoryQuestion) and isinstance(answer.value, list):
            problems.extend(_row_problems(question, answer.value, where))
    return problems


_MISFIT = {
    "question": N_("{type} question: expected {kind}, got {value}"),
    "field": N_("{type} field: expected {kind}, got {value}"),
}


def _misfit(question: QuestionBase, value: Any, what: str) -> str | None:
    """The message for a saved value its question's type cannot hold (None: it fits)."""
    kind = kind_of(question)
    if kind.fits(value):
        return None
    message = _(_MISFIT[what])
    return message.format(type=question.type, kind=_(kind.stored), value=_shown(value))


def _row_problems(
    question: InventoryQuestion, rows: list[Any], where: Location
) -> list[tuple[Location, str]]:
    problems: list[tuple[Location, str]] = []
    for number, row in enumerate(rows):
        for field_id, value in row.items():
            field = question.field(field_id)
            problem = None if field is None else _misfit(field, value, "field")
            if problem is not None:
                problems.append(((*where, number, field_id), problem))
    return problems


def _shown(value: Any) -> str:
    from esp_wizard.tomlfile import show

    return show(value)
