"""One question type, one place per layer: the core table and each face's registry agree.

Forgetting to register a type's TUI widget or ask prompt would otherwise only show when an
interview reaches such a question.
"""

from __future__ import annotations

from esp_wizard.ask.prompts import PROMPTS
from esp_wizard.questionnaire.kinds import KINDS, QUESTION_TYPES
from esp_wizard.questionnaire.model import Section
from esp_wizard.tui.widgets.factory import all_widgets


def test_the_core_table_and_both_faces_hold_the_same_types() -> None:
    assert set(all_widgets()) == set(KINDS)
    assert set(PROMPTS) == set(KINDS)


def test_every_registered_type_can_be_loaded_as_a_question() -> None:
    for question_type in QUESTION_TYPES:
        question = _minimal(question_type)
        section = Section.model_validate({"id": "s", "title": "S", "questions": [question]})
        assert section.questions[0].type == question_type


def _minimal(question_type: str) -> dict[str, object]:
    question: dict[str, object] = {"id": "q", "type": question_type, "text": "Q?"}
    if question_type in ("choice", "multi_choice"):
        question["options"] = [{"value": "a", "label": "A"}]
    if question_type == "inventory":
        question["fields"] = [{"id": "name", "type": "text", "text": "Name"}]
    return question
