"""Guarantee: no questionnaire that `check` accepts can hang or crash an interview, and a
broken workspace copy of a bundled questionnaire is never silently replaced by the bundled."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from esp_wizard.cli import main
from esp_wizard.questionnaire import patterns
from esp_wizard.questionnaire.catalog import load_catalog
from esp_wizard.questionnaire.kinds import validate
from esp_wizard.questionnaire.kinds.base import AnswerError
from esp_wizard.questionnaire.loader import load_questionnaire

REPO = Path(__file__).resolve().parents[2]
COMPLETE = (REPO / "tests" / "data" / "complete.toml").read_text(encoding="utf-8")
PATTERN_LINE = 'pattern = "[A-Za-z].*"'


def variant(old: str, new: str) -> str:
    assert old in COMPLETE, old
    return COMPLETE.replace(old, new, 1)


def scale_max(value: str) -> str:
    text = variant(
        'id = "stability"\ntype = "scale"\n',
        f'id = "stability"\ntype = "scale"\nmin = 0\nmax = {value}\n',
    )
    return text


HOSTILE = {
    "nested-quantifier": (
        variant(PATTERN_LINE, 'pattern = "^(a+)+$"'),
        "pattern: a repeated group",
    ),
    "nested-star": (
        variant(PATTERN_LINE, 'pattern = "(\\\\w+\\\\s?)*$"'),
        "pattern: a repeated group",
    ),
    "huge-repeat": (
        variant(PATTERN_LINE, 'pattern = "a{4294967295}"'),
        "pattern: repeats too often",
    ),
    "long-pattern": (variant(PATTERN_LINE, f'pattern = "{"a" * 600}"'), "pattern: too long"),
    "format-true": (variant("format = 1", "format = true"), "format: expected a number, got true"),
    "severity-true": (
        variant("severity = 4", "severity = true"),
        "severity: expected a number, got true",
    ),
    "min-nan": (variant("min = 0\n", "min = nan\n"), "nan is not a number"),
    "max-inf": (variant("max = 168\n", "max = inf\n"), "inf is not a number"),
    "id-true": (
        variant('id = "team_name"', 'id = "true"'),
        "'true' is a word of the condition language",
    ),
    "scale-2^63": (scale_max("9223372036854775807"), "a scale has at most 101 points"),
    "scale-huge-int": (scale_max("1" + "0" * 30), "a number too large"),
    "nested-arrays": ("x = " + "[" * 1_000_000 + "\n", "nested too deeply"),
    "huge-number": (variant("max = 168\n", "max = 1" + "0" * 5000 + "\n"), "a number too large"),
    "number-min-huge": (variant("min = 0\n", "min = 1e300\n"), "must be between -10^15 and 10^15"),
    "max-length-huge": (
        variant("max_length = 80\n", "max_length = 100001\n"),
        "team_name › max_length: must be at most 100000, got 100001",
    ),
    "field-max-length-huge": (
        variant('text = "Owner" }', 'text = "Owner", max_length = 100001 }'),
        "owner › max_length: must be at most 100000, got 100001",
    ),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_check_refuses_with_a_located_line(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text, expected = HOSTILE[name]
    path = tmp_path / f"{name}.toml"
    path.write_text(text, encoding="utf-8")
    assert main(["questionnaires", "check", str(path)]) == 2
    out = capsys.readouterr().out
    first = out.splitlines()[0]
    assert re.match(rf"{re.escape(str(path))}:\d+: ", first), first
    assert expected in out, out
    assert "unexpected error" not in out


def test_a_duplicate_question_id_is_the_first_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "dup.toml"
    path.write_text(variant('id = "team_name"', 'id = "stability"'), encoding="utf-8")
    assert main(["questionnaires", "check", str(path)]) == 2
    first = capsys.readouterr().out.splitlines()[0]
    assert "'stability' is already the id of an earlier question" in first


def test_a_fifo_given_to_check_does_not_block(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "pipe.toml"
    os.mkfifo(fifo)
    assert main(["questionnaires", "check", str(fifo), str(tmp_path)]) == 2
    out = capsys.readouterr().out
    assert "pipe.toml: is not a regular file" in out
    assert f"{tmp_path}: is a folder" in out


def test_a_file_name_with_escapes_is_shown_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "evil\x1b]52;c;ZXZpbA==\x07\u202e.toml"
    path.write_text(COMPLETE, encoding="utf-8")
    assert main(["questionnaires", "check", str(path)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out
    assert "evil\\x1b]52;c;ZXZpbA==\\x07\\u202e.toml: ok" in out


@pytest.mark.parametrize(
    "pattern", ["(a|aa)+$", "(.*a){25}", "(a|a?)+$"]
)  # backtrack badly yet pass the static check: the time limit still holds
def test_matching_has_a_time_limit(pattern: str) -> None:
    assert patterns.pattern_problem(pattern) == ""
    question = load_questionnaire(REPO / "tests" / "data" / "complete.toml").question("team_name")
    assert question is not None
    hostile = question.model_copy(update={"pattern": pattern, "max_length": None})
    with pytest.raises(AnswerError, match="cannot be checked against its pattern"):
        validate(hostile, "a" * 3000 + "!")


def test_an_accepted_pattern_still_matches() -> None:
    question = load_questionnaire(REPO / "tests" / "data" / "complete.toml").question("team_name")
    assert question is not None
    assert validate(question, "Ops") == "Ops"
    with pytest.raises(AnswerError):
        validate(question, "42")


def test_every_bundled_questionnaire_is_within_the_limits() -> None:
    catalog = load_catalog(None)
    assert catalog.problems == []
    assert catalog.entries


def test_a_broken_workspace_copy_stops_commands_instead_of_the_bundled_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bundled = next((REPO / "questionnaires").glob("email-ops.en.toml"))
    (tmp_path / "questionnaires").mkdir()
    broken = tmp_path / "questionnaires" / "email-ops.en.toml"
    broken.write_text(
        bundled.read_text(encoding="utf-8").replace("minutes = ", "minutes = 'x' #", 1),
        encoding="utf-8",
    )
    args = ["--client", "A", "--engagement", "", "--facilitator", "", "--interviewee", "B:ops"]
    for language in ([], ["--language", "en"]):
        code = main(
            ["--workspace", str(tmp_path), "ask", "--questionnaire", "email-ops", *args, *language]
        )
        assert code == 2
        err = capsys.readouterr().err
        assert f"{broken}:" in err and "minutes" in err
    assert not (tmp_path / "sessions").exists() or not list((tmp_path / "sessions").glob("*.toml"))
    with pytest.raises(Exception, match="minutes"):
        load_catalog(tmp_path / "questionnaires").find("email-ops", "en")
