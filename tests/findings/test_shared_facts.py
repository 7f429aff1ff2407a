"""Values shared across a report's sessions (collect.Shared) never change what a session
says: each session's facts are the same as collected on their own."""

from __future__ import annotations

import shutil
from pathlib import Path

from esp_wizard.findings.collect import Compared, Shared, collect
from esp_wizard.findings.engagement import load_engagement
from esp_wizard.session.model import Answer
from esp_wizard.workspace import Workspace

REPO = Path(__file__).resolve().parents[2]


def test_every_session_says_the_same_with_or_without_shared_values(tmp_path: Path) -> None:
    shutil.copytree(REPO / "sessions", tmp_path / "sessions")
    _choice, opened, _warnings = load_engagement(Workspace(tmp_path))
    assert len(opened) > 3
    shared = Shared()
    for _round in range(2):  # the second round answers from what the first one kept
        for one in opened:
            assert collect(one, None, None, shared) == collect(one)


def test_a_number_is_never_taken_for_an_equal_number_of_another_type() -> None:
    shared = Shared()
    whole = shared.compared(Compared("q", "How many?", ("number", 1), "1"))
    decimal = shared.compared(Compared("q", "How many?", ("number", 1.0), "1"))
    assert type(whole.canon[1]) is int and type(decimal.canon[1]) is float
    assert shared.compared(Compared("q", "How many?", ("number", 1), "1")) is whole


def test_an_answer_is_shown_per_question_not_per_question_id() -> None:
    """Two questionnaires may ask `current_esp` with other labels: each keeps its own."""
    shared = Shared()
    first, second = object(), object()
    answer = Answer(value=["a", "b"])
    assert shared.of_answer("shown", first, answer, lambda: "A; B") == "A; B"
    assert shared.of_answer("shown", second, answer, lambda: "Alpha; Beta") == "Alpha; Beta"
    assert shared.of_answer("shown", first, answer, lambda: "again") == "A; B"
    assert shared.of_answer("shown", first, Answer(value=["b", "a"]), lambda: "B; A") == "B; A"
