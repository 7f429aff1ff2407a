"""The percent type, added as new files plus one registration line per layer: it loads,
validates, shows "37.5 %" ("37,5 %" in French), and conditions see it as a number."""

from __future__ import annotations

from pathlib import Path

import pytest

from esp_wizard import i18n
from esp_wizard.errors import FileProblems
from esp_wizard.findings.collect import canonical
from esp_wizard.questionnaire.kinds import parse_text, validate
from esp_wizard.questionnaire.kinds.base import AnswerError
from esp_wizard.questionnaire.loader import load_questionnaire, parse_questionnaire
from esp_wizard.questionnaire.model import Questionnaire
from esp_wizard.session.interview import Interview
from esp_wizard.session.model import QuestionnaireRef, Session

PERCENT = Path(__file__).parent / "data" / "percent.toml"


@pytest.fixture
def questionnaire() -> Questionnaire:
    return load_questionnaire(PERCENT)


def interview_of(questionnaire: Questionnaire) -> Interview:
    ref = QuestionnaireRef(id=questionnaire.id, version="1", language="en", hash="x")
    return Interview(questionnaire, Session(id="s", client="Acme", questionnaire=ref))


def test_it_loads_as_a_question_and_as_an_inventory_field(questionnaire: Questionnaire) -> None:
    assert questionnaire.question("bounce_rate").type == "percent"
    assert questionnaire.question("segments").field("share").type == "percent"


def test_typed_text_is_parsed_with_either_decimal_mark_and_an_optional_sign(
    questionnaire: Questionnaire,
) -> None:
    question = questionnaire.question("bounce_rate")
    assert parse_text(question, "37,5") == 37.5
    assert parse_text(question, " 37.5 % ") == 37.5
    assert parse_text(question, "12%") == 12
    assert validate(question, "0") == 0
    assert validate(question, 100) == 100


@pytest.mark.parametrize("value", ["101", "-1", "lots", 150, True, float("nan")])
def test_anything_outside_0_to_100_is_refused(questionnaire: Questionnaire, value: object) -> None:
    with pytest.raises(AnswerError, match="percentage from 0 to 100"):
        validate(questionnaire.question("bounce_rate"), value)


def test_a_refused_percentage_gives_its_example_with_the_languages_decimal_mark(
    questionnaire: Questionnaire,
) -> None:
    question = questionnaire.question("bounce_rate")
    with i18n.use("fr"), pytest.raises(AnswerError) as french:
        validate(question, "120")
    assert str(french.value) == "Saisissez un pourcentage de 0 à 100 (par exemple 37,5)."
    with pytest.raises(AnswerError) as english:
        validate(question, "120")
    assert str(english.value) == "Enter a percentage from 0 to 100 (e.g. 37.5)."


def test_a_condition_compares_it_as_a_number(questionnaire: Questionnaire) -> None:
    interview = interview_of(questionnaire)
    interview.answer("bounce_rate", "2,5")
    assert not interview.is_active("cleans_lists")
    interview.answer("bounce_rate", "7.5")
    assert interview.is_active("cleans_lists")
    assert [f.title for f in interview.fired_findings()] == ["7.5 % of sends bounce"]


def test_a_condition_treating_it_as_text_is_refused_at_load() -> None:
    text = PERCENT.read_text().replace('"bounce_rate > 2.5"', "'bounce_rate == \"high\"'")
    with pytest.raises(FileProblems, match="bounce_rate"):
        parse_questionnaire(text, "percent.toml")


def test_rows_and_their_rules_use_it_too(questionnaire: Questionnaire) -> None:
    interview = interview_of(questionnaire)
    interview.answer("bounce_rate", 1)
    interview.answer("segments", [{"name": "VIP", "share": "60,5"}, {"name": "All", "share": 3}])
    assert interview.session.answers["segments"].value[0]["share"] == 60.5
    assert [f.title for f in interview.fired_findings()] == ["VIP holds 60.5 % of the list"]


def test_it_is_shown_with_its_sign_and_the_language_s_decimal_mark(
    questionnaire: Questionnaire,
) -> None:
    question = questionnaire.question("bounce_rate")
    assert interview_of(questionnaire).display(question, 37.5) == "37.5 %"
    french = parse_questionnaire(PERCENT.read_text().replace('"en"', '"fr"'), "fr.toml")
    assert interview_of(french).display(question, 37.5) == "37,5 %"
    assert interview_of(french).display(question, 40) == "40 %"


def test_two_roles_agree_on_the_number_not_on_how_it_was_typed(
    questionnaire: Questionnaire,
) -> None:
    question = questionnaire.question("bounce_rate")
    assert canonical(question, 40) == canonical(question, 40.0) == ("number", 40.0)
