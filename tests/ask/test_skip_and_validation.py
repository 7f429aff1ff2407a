"""The core decides: skip logic picks the next question, validation refuses and asks again."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from ask.driver import (
    CLEAR,
    DOWN,
    ENTER,
    NEW,
    SPACE,
    UP,
    answers,
    lines,
    on_disk,
    pick,
    run_ask,
    tick,
    typed,
    values,
)


def test_a_no_skips_the_lists_section_and_progress_counts_active_questions(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    keys = [lines("Fine."), "n", pick(2), ":stop\r"]
    assert run_ask(root, *NEW, keys=keys) == 0
    assert values(root) == {"story": "Fine.", "uses_lists": False, "stability": 3}
    assert on_disk(root)["current"] == "contract_end"
    out = capsys.readouterr().out
    assert "Lists and subscriber data" not in out
    # story, uses_lists, stability, contract_end, team_name, systems: six active questions
    assert "[question 3 of 6, section 2 of 2 (2 of 6 done)]" in out
    assert "[question 4 of 6, section 2 of 2 (3 of 6 done)]" in out


def test_a_changed_answer_hides_a_later_one_but_keeps_it(root: Path) -> None:
    keys = [
        ENTER,
        "y",
        pick(2),  # Manual CSV upload opens the hours question
        typed("6"),
        ":back\r",  # from channels back to the hours
        ":back\r",  # and to the source
        UP * 2 + ENTER,  # from the stored answer up to API: the hours question closes
        ":stop\r",  # at channels, the next active question
    ]
    assert run_ask(root, *NEW, keys=keys) == 0
    assert values(root) == {"uses_lists": True, "list_source": "api", "list_prep_hours": 6}
    assert on_disk(root)["current"] == "channels"


def test_an_out_of_range_number_is_refused_and_asked_again(root: Path) -> None:
    keys = [ENTER, "y", pick(2), typed("200"), CLEAR, typed("lots"), CLEAR, typed("12"), ":stop\r"]
    assert run_ask(root, *NEW, keys=keys) == 0
    assert values(root)["list_prep_hours"] == 12


def test_a_date_outside_its_range_or_malformed_is_refused(root: Path) -> None:
    keys = [ENTER, "n", pick(0)]
    keys += [typed("31/12/2027"), CLEAR, typed("2023-12-31"), CLEAR, typed("2027-12-31")]
    assert run_ask(root, *NEW, keys=[*keys, ":stop\r"]) == 0
    assert values(root)["contract_end"] == dt.date(2027, 12, 31)


def test_text_not_matching_the_pattern_is_refused(root: Path) -> None:
    keys = [ENTER, "n", pick(0), typed("2027-01-01"), typed("42"), CLEAR, typed("Team 42")]
    assert run_ask(root, *NEW, keys=[*keys, ":stop\r"]) == 0
    assert values(root)["team_name"] == "Team 42"


def test_too_long_a_long_text_is_refused_line_by_line(root: Path) -> None:
    keys = [typed("Short start."), typed("x" * 2000), CLEAR, typed("Short end."), ENTER]
    assert run_ask(root, *NEW, keys=[*keys, ":stop\r"]) == 0
    assert values(root)["story"] == "Short start.\nShort end."


def test_ticking_more_than_allowed_is_refused_until_one_is_unticked(root: Path) -> None:
    tick_all = SPACE + (DOWN + SPACE) * 3 + ENTER  # four ticked, at most three allowed
    keys = [ENTER, "y", pick(0), tick_all, SPACE + ENTER, ":stop\r"]  # untick "Other…"
    assert run_ask(root, *NEW, keys=keys) == 0
    assert values(root)["channels"] == ["email", "sms", "push"]


def test_other_needs_its_text_and_an_empty_one_goes_back_to_the_list(root: Path) -> None:
    keys = [ENTER, "y", pick(4), ENTER, pick(1), tick(0), ":stop\r"]
    assert run_ask(root, *NEW, keys=keys) == 0
    stored = answers(root)
    assert stored["list_source"]["value"] == "sftp"
    assert "other" not in stored["list_source"]


def test_emptying_a_stored_answer_clears_it_and_keeps_its_note(root: Path) -> None:
    to_team = [ENTER, "n", pick(0), typed("2027-01-01")]
    keys = [*to_team, typed(":note"), typed("Check the org chart"), typed("Ops"), ":stop\r"]
    assert run_ask(root, *NEW, keys=keys) == 0
    session_id = on_disk(root)["id"]
    keys = [":back\r", CLEAR + ENTER, ":stop\r"]  # back from systems to team_name
    assert run_ask(root, "--resume", session_id, keys=keys) == 0
    team = answers(root)["team_name"]
    assert "value" not in team
    assert team["note"] == "Check the org chart"


def test_an_empty_required_field_in_a_row_is_refused(root: Path) -> None:
    to_systems = [ENTER, "n", pick(0), typed("2027-01-01"), typed("Ops")]
    row = [pick(0), ENTER, typed("Shop"), pick(4), pick(3), ENTER, ENTER]  # name empty first
    assert run_ask(root, *NEW, keys=[*to_systems, *row, ":stop\r"]) == 0
    assert values(root)["systems"] == [{"name": "Shop"}]
