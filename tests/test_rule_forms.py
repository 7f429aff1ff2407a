"""Every finding-rule form is handled by the three stages that treat rules: the load-time
checks, firing in the interview, and collection into findings.

The forms live in one table (questionnaire/rules.py FORMS); each form needs an example
here, so a form added to the table without being exercised end to end fails this test.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from conftest import DATA, new_session
from esp_wizard.errors import FileProblems
from esp_wizard.findings.collect import collect
from esp_wizard.questionnaire.loader import parse_questionnaire
from esp_wizard.questionnaire.model import Questionnaire
from esp_wizard.questionnaire.rules import FORMS, form_of
from esp_wizard.session.interview import Interview
from esp_wizard.session.opened import OpenedSession


@dataclass(frozen=True)
class Example:
    rule: str  # a rule of this form in tests/data/complete.toml
    answers: dict[str, Any]
    keys: set[str]  # the findings' keys once fired
    rows: set[str]  # the inventory rows the collected findings are about
    broken: tuple[str, str]  # (text, replacement) making the rule fail its load check
    problem: str  # what the check then says


EXAMPLES = {
    "plain": Example(
        rule="stable-platform",
        answers={"stability": 5},
        keys={"stable-platform"},
        rows={""},
        broken=('title = "The platform is stable', 'title = "{item.name} is stable'),
        problem="item. is only allowed in a rule with for_each",
    ),
    "for_each": Example(
        rule="system-without-owner",
        answers={"systems": [{"name": "Salesforce", "owner": "Mary"}, {"name": "Legacy FTP"}]},
        keys={"system-without-owner:legacy ftp"},
        rows={"Legacy FTP"},
        broken=('for_each = "systems"', 'for_each = "channels"'),
        problem="'channels' is not an inventory question (systems)",
    ),
}


def test_every_registered_form_has_an_example() -> None:
    assert set(EXAMPLES) == {form.name for form in FORMS}


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_the_load_check_knows_the_form(name: str) -> None:
    example = EXAMPLES[name]
    text = (DATA / "complete.toml").read_text(encoding="utf-8")
    assert example.broken[0] in text
    with pytest.raises(FileProblems) as caught:
        parse_questionnaire(text.replace(example.broken[0], example.broken[1], 1))
    assert any(example.problem in line for line in caught.value.lines())


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_the_form_fires_and_is_collected(name: str, complete: Questionnaire) -> None:
    example = EXAMPLES[name]
    rule = next(r for r in complete.findings if r.id == example.rule)
    assert form_of(rule).name == name
    session = new_session(complete)
    interview = Interview(complete, session)
    for question_id, value in example.answers.items():
        interview.answer(question_id, value)
    fired = {f.key for f in interview.fired_findings() if f.rule.id == example.rule}
    assert fired == example.keys
    raised = [r for r in collect(OpenedSession(session, complete)).raised if r.key in fired]
    assert {r.key for r in raised} == example.keys
    assert {r.row for r in raised} == example.rows
