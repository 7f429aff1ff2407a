"""A refused pattern says what is expected: the question's example, else its own help."""

from __future__ import annotations

import pytest

from esp_wizard.questionnaire.kinds import validate
from esp_wizard.questionnaire.kinds.base import AnswerError
from esp_wizard.questionnaire.kinds.text import TextQuestion


def refusal(**fields: str) -> str:
    question = TextQuestion(
        id="ip", type="text", text="Sending IP?", pattern=r"\d+(\.\d+){3}", **fields
    )
    with pytest.raises(AnswerError) as refused:
        validate(question, "ten")
    return str(refused.value)


def test_the_pattern_error_gives_the_example_or_the_help() -> None:
    assert (
        refusal(placeholder="10.0.0.1") == "This does not have the expected form (e.g. 10.0.0.1)."
    )
    assert refusal(help="Four numbers with dots,\n like 10.0.0.1") == (
        "This does not have the expected form: Four numbers with dots, like 10.0.0.1."
    )
