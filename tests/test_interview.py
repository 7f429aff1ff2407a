"""The pure interview engine: activity, navigation, progress, validation, findings."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from conftest import DATA, new_session
from esp_wizard import i18n
from esp_wizard.questionnaire.kinds import INVENTORY, validate
from esp_wizard.questionnaire.kinds.base import AnswerError
from esp_wizard.questionnaire.kinds.inventory import rows_short
from esp_wizard.questionnaire.loader import load_questionnaire
from esp_wizard.session.interview import Interview


def ids(questions) -> list[str]:
    return [q.id for q in questions]


def test_a_section_is_skipped_until_its_condition_holds(interview: Interview) -> None:
    assert "list_source" not in ids(interview.active_questions())
    interview.answer("uses_lists", True)
    assert "list_source" in ids(interview.active_questions())
    assert "list_prep_hours" not in ids(interview.active_questions())


def test_a_question_appears_after_the_answer_it_depends_on(interview: Interview) -> None:
    interview.answer("uses_lists", True)
    interview.answer("list_source", "csv_upload")
    assert interview.next_question("list_source").id == "list_prep_hours"
    interview.answer("list_source", "api")
    assert interview.next_question("list_source").id == "channels"


def test_hidden_answers_are_kept_but_do_not_count(interview: Interview) -> None:
    interview.answer("uses_lists", True)
    interview.answer("list_source", "csv_upload")
    interview.answer("list_prep_hours", 6)
    assert interview.progress().done == 3
    interview.answer("uses_lists", False)
    assert interview.session.answers["list_prep_hours"].value == 6
    assert set(interview.inactive_answers()) == {"list_source", "list_prep_hours"}
    assert interview.progress().done == 1
    assert "manual-list-upload" not in [f.key for f in interview.fired_findings()]
    interview.answer("uses_lists", True)
    assert "manual-list-upload" in [f.key for f in interview.fired_findings()]


def test_progress_counts_only_active_answerable_questions(interview: Interview) -> None:
    before = interview.progress()
    assert before.total == 6  # story, uses_lists, stability, contract_end, team_name, systems
    interview.answer("uses_lists", True)
    assert interview.progress().total == 8
    interview.mark("story", "dont_know")
    assert interview.progress().done == 2


def test_progress_asked_again_follows_every_change(interview: Interview) -> None:
    """Progress is kept between changes (asked several times per key): each change of an
    answer, its clearing included, is counted at the next ask, for a section too."""
    section = interview.questionnaire.section_of("story")
    assert section is not None
    assert interview.progress() == interview.progress()
    interview.answer("story", "We send a weekly newsletter.")
    assert interview.progress().done == 1 and interview.progress(section).done == 1
    interview.clear("story")
    assert interview.progress().done == 0 and interview.progress(section).done == 0
    interview.mark("story", "dont_know")
    assert interview.progress().done == 1


def test_navigation_walks_active_questions_both_ways(interview: Interview) -> None:
    assert interview.next_question().id == "welcome"
    assert interview.next_question("uses_lists").id == "stability"
    assert interview.previous_question("stability").id == "uses_lists"
    assert interview.previous_question("welcome") is None
    assert interview.next_question("systems") is None


def test_resume_goes_back_to_where_the_interview_was_left(interview: Interview) -> None:
    assert interview.resume_question().id == "story"
    interview.answer("story", "We sent the Black Friday email.")
    interview.move_to("contract_end")
    assert interview.resume_question().id == "contract_end"


@pytest.mark.parametrize(
    ("question", "value", "message"),
    [
        ("list_prep_hours", 200, "Enter a number from 0 to 168 hours/week."),
        ("list_prep_hours", "lots", "Enter a number from 0 to 168 hours/week."),
        ("list_source", "fax", "Pick one of the options."),
        ("list_source", "other", "Say what “Other” is."),
        ("channels", [], "Pick at least 1 (now 0)."),
        ("channels", ["email", "carrier-pigeon"], "Not an option: carrier-pigeon."),
        ("stability", 6, "Choose a point from 1 to 5."),
        ("contract_end", dt.date(2040, 1, 1), "Enter a date on or before 2035-12-31."),
        ("contract_end", "31/12/2026", "Enter a date as YYYY-MM-DD"),
        ("team_name", "x" * 81, "Keep it to 80 characters (now 81)."),
        ("team_name", "42", "This does not have the expected form (e.g. CRM team)."),
        ("systems", [{"kind": "crm"}], "Row 1: System: required."),
        ("systems", [{"name": "SF"}, {"name": " sf "}], "Row 2 repeats row 1 ( sf )."),
        ("uses_lists", "maybe", "Answer yes or no (y / n)."),
        ("welcome", "hello", "A note takes no answer."),
    ],
)
def test_invalid_answers_are_refused_with_a_message(
    interview: Interview, question: str, value: object, message: str
) -> None:
    interview.answer("uses_lists", True)
    interview.answer("list_source", "csv_upload")
    before = interview.session.answers.get(question)
    with pytest.raises(AnswerError) as error:
        interview.answer(question, value)
    assert message in str(error.value)
    assert interview.session.answers.get(question) == before


def test_valid_answers_are_normalised(interview: Interview) -> None:
    interview.answer("uses_lists", True)
    assert interview.answer("list_source", "other", other="Zapier").other == "Zapier"
    assert interview.answer("channels", ["sms", "email", "sms"]).value == ["email", "sms"]
    assert interview.answer("contract_end", "2027-06-30").value == dt.date(2027, 6, 30)


def test_for_each_rules_fire_once_per_matching_row(interview: Interview) -> None:
    interview.answer(
        "systems",
        [
            {"name": "Salesforce  CRM", "owner": "Mary"},
            {"name": "Shopify"},
            {"name": "Legacy FTP"},
        ],
    )
    fired = {f.key: f for f in interview.fired_findings() if f.rule.id == "system-without-owner"}
    assert set(fired) == {"system-without-owner:shopify", "system-without-owner:legacy ftp"}
    assert fired["system-without-owner:shopify"].title == "Shopify has no known owner"
    assert fired["system-without-owner:shopify"].recommendation == (
        "Name an owner for Shopify before the move."
    )
    assert [d.id for d in interview.fired_drivers()] == ["custom-integrations"]


def test_templates_use_labels_and_mark_missing_answers(interview: Interview) -> None:
    interview.answer("uses_lists", True)
    interview.answer("list_source", "csv_upload")
    fired = {f.key: f for f in interview.fired_findings()}
    assert fired["manual-list-upload"].detail == (
        "Lists are prepared and uploaded manually ((not answered) hours a week)."
    )
    interview.answer("list_prep_hours", 6)
    fired = {f.key: f for f in interview.fired_findings()}
    assert "(6 hours a week)" in fired["manual-list-upload"].detail
    assert fired["manual-list-upload"].named == ("list_source", "list_prep_hours")
    interview.answer("stability", 5)
    fired = {f.key: f for f in interview.fired_findings()}
    assert fired["stable-platform"].title == "The platform is stable (5)"


def test_dont_know_is_none_and_can_be_refused(interview: Interview) -> None:
    interview.answer("uses_lists", True)
    interview.mark("list_source", "dont_know")
    assert interview.is_done("list_source")
    assert "list_prep_hours" not in ids(interview.active_questions())


def test_required_unanswered_and_follow_ups(interview: Interview) -> None:
    interview.answer("uses_lists", True)
    assert ids(interview.unanswered_required()) == ["list_source"]
    interview.annotate("stability", follow_up=True, note="ask Mary")
    assert ids(interview.follow_ups()) == ["stability"]
    assert not interview.is_done("stability")


def test_french_questionnaires_write_decimals_with_a_comma(complete) -> None:
    from conftest import new_session

    french = complete.model_copy(update={"language": "fr"})
    interview = Interview(french, new_session(french))
    interview.answer("uses_lists", True)
    interview.answer("list_source", "ask_it")
    interview.answer("list_prep_hours", 2.5)
    question = french.question("list_prep_hours")
    assert interview.display(question, 2.5) == "2,5 hours/week"
    assert interview.display(question, 2.5, terse=True) == "2,5"


def test_a_french_interview_takes_french_dates_and_answers_in_french(complete) -> None:
    from conftest import new_session

    french = complete.model_copy(update={"language": "fr"})
    interview = Interview(french, new_session(french))
    interview.answer("contract_end", "30/06/2027")
    assert interview.session.answers["contract_end"].value == dt.date(2027, 6, 30)
    assert interview.display(french.question("contract_end"), dt.date(2027, 6, 30)) == "30/06/2027"
    with pytest.raises(AnswerError, match="Choisissez l'une des options"):
        interview.answer("list_source", "nowhere")
    with pytest.raises(AnswerError, match="YYYY-MM-DD"):  # English questionnaire: ISO only
        Interview(complete, new_session(complete)).answer("contract_end", "30/06/2027")


@pytest.fixture
def french(tmp_path: Path) -> Interview:
    """The same questionnaire held in French: its answers are refused in French."""
    text = (DATA / "complete.toml").read_text(encoding="utf-8")
    path = tmp_path / "complete-fr.toml"
    path.write_text(text.replace('language = "en"', 'language = "fr"', 1), encoding="utf-8")
    questionnaire = load_questionnaire(path)
    return Interview(questionnaire, new_session(questionnaire))


@pytest.mark.parametrize(
    ("question", "value", "english", "french_message"),
    [
        (
            "list_prep_hours",
            "lots",
            "Enter a number from 0 to 168 hours/week.",
            "Saisissez un nombre de 0 à 168 hours/week.",
        ),
        (
            "systems",
            [{"kind": "crm"}],
            "Row 1: System: required.",
            "Ligne 1 : System : obligatoire.",
        ),
        (
            "systems",
            [{"name": "SF"}, {"name": " sf "}],
            "Row 2 repeats row 1 ( sf ).",
            "La ligne 2 répète la ligne 1 ( sf ).",
        ),
        (
            "systems",
            [{"name": "SF", "colour": "red", "size": 3}],
            "Row 1: Unknown fields: colour, size.",
            "Ligne 1 : Champs inconnus : colour, size.",
        ),
        (
            "systems",
            [{"name": "SF", "must_move": "maybe"}],
            "Row 1: Must it move to the new platform?: Answer yes or no (y / n).",
            "Ligne 1 : Must it move to the new platform? : Répondez oui ou non (o / n).",
        ),
        ("systems", "Salesforce", "Add system rows.", "Ajoutez des lignes system."),
        ("welcome", "hello", "A note takes no answer.", "Une note n'attend pas de réponse."),
    ],
)
def test_answers_are_refused_in_the_questionnaires_language(
    interview: Interview,
    french: Interview,
    question: str,
    value: object,
    english: str,
    french_message: str,
) -> None:
    for engine, message in ((interview, english), (french, french_message)):
        engine.answer("uses_lists", True)
        engine.answer("list_source", "csv_upload")
        with pytest.raises(AnswerError) as error:
            engine.answer(question, value)
        assert str(error.value) == message
        assert question not in engine.session.answers


def test_an_unknown_question_is_named_in_the_interface_language(interview: Interview) -> None:
    with i18n.use("fr"), pytest.raises(AnswerError) as error:
        interview.answer("nope", 1)
    assert str(error.value) == "Pas de question « nope » dans ce questionnaire."
    with pytest.raises(AnswerError) as english:
        interview.move_to("nope")
    assert str(english.value) == "No question 'nope' in this questionnaire."


def test_too_few_and_too_many_rows_are_counted_in_french(french: Interview) -> None:
    systems = french.questionnaire.question("systems")
    one = systems.model_copy(update={"min_rows": 2, "max_rows": 1})
    with i18n.use("fr"):
        assert rows_short(one, [{"name": "SF"}]) == (
            "Ajoutez au moins 2 lignes system (actuellement 1)."
        )
        with pytest.raises(AnswerError) as error:
            INVENTORY.validate(one, [{"name": "SF"}, {"name": "HubSpot"}])
    assert str(error.value) == "Pas plus de 1 ligne system (actuellement 2)."
    assert rows_short(one, [{"name": "SF"}]) == "Add at least 2 system rows (now 1)."


@pytest.mark.parametrize(
    ("bounds", "english", "french_message"),
    [
        ({}, "Enter a whole number.", "Saisissez un nombre entier."),
        ({"unit": "h"}, "Enter a whole number (h).", "Saisissez un nombre entier (h)."),
        (
            {"min": 2.5, "unit": "h"},
            "Enter a whole number of at least 2.5 h.",
            "Saisissez un nombre entier d'au moins 2,5 h.",
        ),
        (
            {"max": 9},
            "Enter a whole number of at most 9.",
            "Saisissez un nombre entier d'au plus 9.",
        ),
    ],
)
def test_a_number_says_its_bounds_in_a_whole_sentence(
    french: Interview, bounds: dict[str, object], english: str, french_message: str
) -> None:
    hours = french.questionnaire.question("list_prep_hours")
    question = hours.model_copy(
        update={"min": None, "max": None, "unit": "", "integer": True, **bounds}
    )
    for language, message in (("en", english), ("fr", french_message)):
        with i18n.use(language), pytest.raises(AnswerError) as error:
            validate(question, "1.5")
        assert str(error.value) == message


def test_a_questionnaire_copied_with_other_sections_is_interviewed_on_its_own(complete) -> None:
    """What an interview keeps per questionnaire (the question order) belongs to that
    questionnaire: an answer to a question a copy left out is not one of its hidden answers."""
    from conftest import new_session
    from esp_wizard.session.model import Answer

    Interview(complete, new_session(complete)).first_open_question()  # the original's order
    shorter = complete.model_copy(update={"sections": complete.sections[1:]})
    session = new_session(shorter)
    removed = complete.sections[0].questions[0].id
    session.answers[removed] = Answer(value="kept")
    interview = Interview(shorter, session)
    assert removed not in interview.inactive_answers()
    assert removed not in [q.id for q in interview.active_questions()]
