"""Special answers, typed as `:code` at any prompt or chosen after the separator in a list."""

from __future__ import annotations

from pathlib import Path

import pytest

from ask.driver import CLEAR, ENTER, NEW, answers, lines, on_disk, pick, run_ask, tick, typed

TO_TEAM = [ENTER, "n", pick(0), typed("2027-01-01")]  # story, uses_lists, stability, date


def statuses(root: Path) -> dict[str, str]:
    return {q: a["status"] for q, a in answers(root).items()}


def test_dont_know_and_not_applicable_typed_in_text_prompts(root: Path) -> None:
    keys = [typed(":dk"), "n", pick(0), typed(":na"), typed("Ops"), ":stop\r"]
    assert run_ask(root, *NEW, keys=keys) == 0
    stored = answers(root)
    assert stored["story"]["status"] == "dont_know"
    assert "value" not in stored["story"]
    assert stored["contract_end"]["status"] == "not_applicable"
    assert stored["team_name"]["value"] == "Ops"


def test_specials_chosen_from_a_select_and_ticked_in_a_checkbox(root: Path) -> None:
    dont_know_in_source = pick(5)  # four options, "Other…", then the specials
    not_applicable_in_channels = tick(5)  # three options, "Other…", don't know, not applicable
    keys = [ENTER, "y", dont_know_in_source, not_applicable_in_channels, ":stop\r"]
    assert run_ask(root, *NEW, keys=keys) == 0
    assert statuses(root) == {
        "uses_lists": "answered",
        "list_source": "dont_know",
        "channels": "not_applicable",
    }


def test_colon_in_a_yes_no_prompt_starts_a_command_and_skip_logic_follows(root: Path) -> None:
    keys = [ENTER, ":dk\r", ":stop\r"]  # don't know counts as false for the lists section
    assert run_ask(root, *NEW, keys=keys) == 0
    assert statuses(root) == {"uses_lists": "dont_know"}
    assert on_disk(root)["current"] == "stability"


def test_colon_in_a_list_and_a_checkbox_starts_a_command(root: Path) -> None:
    keys = [ENTER, "y", ":na\r", ":dk\r", ":na\r", ":stop\r"]
    assert run_ask(root, *NEW, keys=keys) == 0
    assert statuses(root) == {
        "uses_lists": "answered",
        "list_source": "not_applicable",
        "channels": "dont_know",
        "stability": "not_applicable",
    }


def test_skip_leaves_a_question_open_and_completion_then_defaults_to_no(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    to_end = [typed(":skip"), ":skip\r", ":skip\r", typed(":skip"), typed(":skip"), ":skip\r"]
    assert run_ask(root, *NEW, keys=[*to_end, ENTER]) == 0
    session = on_disk(root)
    assert session.get("answers", {}) == {}
    assert session["status"] == "in_progress"
    out = capsys.readouterr().out
    assert "Required, still open: Do you send to lists you manage yourselves?" in out
    assert f"Left in progress; resume with: esp-wizard ask --resume {session['id']}" in out


def test_note_quote_and_flag_annotate_the_question_then_it_is_asked_again(root: Path) -> None:
    keys = [
        *TO_TEAM,
        typed(":note"),
        typed("Ask Bea for the org chart"),
        typed(":quote"),
        typed("We are the CRM team, sort of"),
        typed(":flag"),
        typed("CRM team"),
        ":flag\r",  # in the inventory's list: flagged
        ":flag\r",  # and unflagged again
        ":stop\r",
    ]
    assert run_ask(root, *NEW, keys=keys) == 0
    team = answers(root)["team_name"]
    assert team["value"] == "CRM team"
    assert team["note"] == "Ask Bea for the org chart"
    assert team["quote"] == "We are the CRM team, sort of"
    assert team["follow_up"] is True
    assert answers(root)["systems"]["follow_up"] is False


def test_an_observation_is_recorded_with_every_field_and_its_question(root: Path) -> None:
    keys = [
        ENTER,
        "n",
        ":obs\r",  # at stability, a select
        pick(2),  # hack
        pick(1),  # severity: from the default 3 down to 4
        ENTER,  # impact: 3
        pick(1),  # phase: move
        typed("VBA macro cleans lists"),
        typed("A macro in Excel dedupes the lists every Monday."),
        pick(3),  # then stability itself: 4
        ":stop\r",
    ]
    assert run_ask(root, *NEW, keys=keys) == 0
    session = on_disk(root)
    (observation,) = session["observations"]
    assert {k: v for k, v in observation.items() if k not in ("id", "at")} == {
        "category": "hack",
        "severity": 4,
        "impact": 3,
        "phase": "move",
        "title": "VBA macro cleans lists",
        "text": "A macro in Excel dedupes the lists every Monday.",
        "question": "stability",
    }
    assert session["answers"]["stability"]["value"] == 4


def test_an_observation_without_text_records_nothing(root: Path) -> None:
    keys = [typed(":obs"), pick(0), ENTER, ENTER, ENTER, ENTER, ENTER, ":stop\r"]
    assert run_ask(root, *NEW, keys=keys) == 0
    assert "observations" not in on_disk(root)


def test_back_returns_to_the_previous_question_skipping_notes(root: Path) -> None:
    keys = [typed("Told it."), "y", ":back\r", typed(":back"), ENTER, "n", ":stop\r"]
    assert run_ask(root, *NEW, keys=keys) == 0
    session = on_disk(root)
    assert session["answers"]["uses_lists"]["value"] is False
    assert session["current"] == "stability"


def test_back_at_the_first_question_stays_there(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_ask(root, *NEW, keys=[typed(":back"), lines("Still here."), ":stop\r"]) == 0
    assert answers(root)["story"]["value"] == "Still here."
    assert "This is the first question." in capsys.readouterr().out


def test_stop_saves_where_it_was_and_says_how_to_resume(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_ask(root, *NEW, keys=[lines("Story."), ":stop\r"]) == 0
    session = on_disk(root)
    assert session["status"] == "in_progress"
    assert session["current"] == "uses_lists"
    last = capsys.readouterr().out.strip().splitlines()[-1]
    assert last == f"saved; resume with: esp-wizard ask --resume {session['id']}"


def test_help_lists_the_commands_at_the_start_and_when_asked(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_ask(root, *NEW, keys=[typed(":help"), ":stop\r"]) == 0
    out = capsys.readouterr().out
    for code in (":dk", ":na", ":skip", ":note", ":quote", ":flag", ":obs", ":back", ":stop"):
        assert out.count(f"  {code} ") == 2, code


def test_an_unknown_command_is_refused_and_a_double_colon_is_a_literal_answer(
    root: Path,
) -> None:
    keys = [typed(":smile"), CLEAR, typed("::-) said it all"), ENTER, ":stop\r"]
    assert run_ask(root, *NEW, keys=keys) == 0
    assert answers(root)["story"]["value"] == ":-) said it all"


def test_a_question_that_needs_a_real_answer_offers_no_dont_know(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (root / "questionnaires" / "strict.toml").write_text(
        'format = 1\nid = "strict"\nversion = "1"\nlanguage = "en"\ntitle = "Strict"\n'
        'minutes = 5\n[[sections]]\nid = "only"\ntitle = "Only"\n'
        '[[sections.questions]]\nid = "owner"\ntype = "text"\ntext = "Who owns it?"\n'
        "allow_unknown = false\n",
        encoding="utf-8",
    )
    args = ["--client", "Acme", "--questionnaire", "strict", "--interviewee", "Ana", "--engagement"]
    keys = [typed(":dk"), CLEAR, typed("Bea"), "y"]
    assert run_ask(root, *args, "", "--facilitator", "", keys=keys) == 0
    session = on_disk(root)
    assert session["answers"]["owner"]["value"] == "Bea"
    assert session["status"] == "completed"
