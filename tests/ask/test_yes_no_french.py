"""A French yes/no question in `ask`: o, oui, n, non, y and yes all answer it, and the
whole word stays in its prompt (nothing spills into the next question)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from tests.ask.driver import CLEAR, ENTER, NEW, run_ask, typed, values
from tests.ask.test_output import screen

FRENCH = """\
format = 1
id = "spec-example"
version = "1.0.0"
language = "fr"
title = "Opérations e-mail"
roles = ["email-ops"]
minutes = 10

[[sections]]
id = "listes"
title = "Listes"

[[sections.questions]]
id = "listes_maison"
type = "yes_no"
text = "Envoyez-vous à des listes que vous gérez vous-mêmes ?"
required = true

[[sections.questions]]
id = "equipe"
type = "text"
text = "Quelle équipe prépare les listes ?"
"""


@pytest.fixture
def french_root(root: Path) -> Path:
    (root / "questionnaires" / "complete.toml").write_text(FRENCH, encoding="utf-8")
    return root


@pytest.mark.parametrize(
    ("word", "expected"),
    [("o", True), ("oui", True), ("y", True), ("yes", True), ("n", False), ("non", False)],
)
def test_each_yes_no_word_answers_a_french_question_and_nothing_spills(
    french_root: Path, word: str, expected: bool
) -> None:
    keys = [typed(word), typed("CRM"), "y"]  # the last: mark the session completed
    assert run_ask(french_root, *NEW, keys=keys) == 0
    assert values(french_root) == {"listes_maison": expected, "equipe": "CRM"}


def test_a_french_yes_no_shows_o_n_and_refuses_other_words(
    french_root: Path,
) -> None:
    written, output = screen()
    keys = [typed("peut-être"), CLEAR, typed("non"), typed("CRM"), "y"]
    assert run_ask(french_root, *NEW, keys=keys, output=output) == 0
    shown = written.getvalue()
    assert "(o/n)" in shown
    assert "(y/n)" not in shown
    # "peut-être" was refused and kept in its prompt: had it moved on, "non" would be
    # the team's name.
    assert values(french_root) == {"listes_maison": False, "equipe": "CRM"}


def test_enter_alone_leaves_a_french_yes_no_open(french_root: Path) -> None:
    keys = [ENTER, typed("CRM"), "y"]
    run_ask(french_root, *NEW, keys=keys)
    assert values(french_root) == {"equipe": "CRM"}


FRENCH_DATE = FRENCH.replace(
    'type = "text"\ntext = "Quelle équipe prépare les listes ?"',
    'type = "date"\ntext = "Quand le contrat se termine-t-il ?"\nmax = 2030-12-31',
)


def test_a_french_date_is_typed_the_french_way_or_iso(root: Path) -> None:
    (root / "questionnaires" / "complete.toml").write_text(FRENCH_DATE, encoding="utf-8")
    keys = [typed("oui"), typed("31/03/2031"), CLEAR, typed("31/03/2027"), "y"]
    assert run_ask(root, *NEW, keys=keys) == 0
    assert values(root) == {"listes_maison": True, "equipe": dt.date(2027, 3, 31)}


def test_french_validation_messages_come_from_the_catalogue() -> None:
    from esp_wizard import i18n
    from esp_wizard.questionnaire.kinds import AnswerError, validate
    from esp_wizard.questionnaire.kinds.date import DateQuestion

    question = DateQuestion(id="fin", type="date", text="Fin ?", max=dt.date(2030, 12, 31))
    with i18n.use("fr"), pytest.raises(AnswerError, match="jusqu'au 31/12/2030"):
        validate(question, "31/03/2031")
    with pytest.raises(AnswerError, match="on or before 2030-12-31"):
        validate(question, "2031-03-31")


def test_the_lines_around_a_french_question_are_french(
    french_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_ask(french_root, *NEW, keys=[typed("o"), typed("CRM"), "y"]) == 0
    out = capsys.readouterr().out
    assert "== Section 1 sur 1 : Listes ==" in out
    assert "[question 1 sur 2, section 1 sur 1 (0 sur 2 faites)] obligatoire" in out
