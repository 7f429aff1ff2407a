"""One mapper (tomlfile.validation_problems) turns pydantic's errors into located lines for
both files people edit: a questionnaire and a session. Each keeps its own wording."""

from __future__ import annotations

from pathlib import Path

import pytest

from esp_wizard.errors import FileProblems
from esp_wizard.questionnaire.loader import parse_questionnaire
from esp_wizard.session.store import load_session

COMPLETE = (Path(__file__).parent / "data" / "complete.toml").read_text(encoding="utf-8")


def questionnaire_lines(old: str, new: str) -> list[str]:
    assert old in COMPLETE
    with pytest.raises(FileProblems) as caught:
        parse_questionnaire(COMPLETE.replace(old, new, 1), "q.toml")
    return caught.value.lines()


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def test_a_value_no_union_member_takes_is_one_line() -> None:
    lines = questionnaire_lines("min = 0", 'min = "x"')
    line = line_of(COMPLETE, "min = 0")
    assert lines == [
        f"q.toml:{line}: sections › lists › question list_prep_hours › min: "
        "expected a number, got 'x'"
    ]


def test_a_key_named_like_the_question_type_is_kept() -> None:
    old = 'text = "Which team owns email?"'
    lines = questionnaire_lines(old, "text = 3")
    line = line_of(COMPLETE, old)
    assert lines == [
        f"q.toml:{line}: sections › platform › question team_name › text: expected text, got 3"
    ]


def test_a_missing_top_level_key_is_placed_on_line_one_of_a_questionnaire() -> None:
    assert (
        questionnaire_lines("minutes =", "minutez =")[0] == "q.toml:1: minutes: missing (required)"
    )


def test_a_session_names_its_keys_in_its_own_words(tmp_path: Path) -> None:
    text = (
        'format = 1\nid = "abc12345"\ncreated = 2026-01-01T00:00:00Z\n'
        "updated = 2026-01-01T00:00:00Z\n"
        '[questionnaire]\nid = "core"\nversion = "1"\nlanguage = "en"\nhash = "x"\n'
        '[answers.list_source]\nstatus = "answered"\nvalue = { a = 1 }\n'
    )
    path = tmp_path / "s.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(FileProblems) as caught:
        load_session(path)
    lines = caught.value.lines()
    assert f"{path}: client: missing (required)" in lines  # no line holds it: none given
    assert (
        f"{path}:{line_of(text, 'value = {')}: answers › list_source › value: expected text, "
        "a number, true or false, a date, a list of options or a list of rows, got a table"
    ) in lines
