"""Every question type asked with its prompt, and what each answer looks like on disk."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from ask.driver import (
    ENTER,
    NEW,
    answers,
    lines,
    locks,
    on_disk,
    pick,
    run_ask,
    tick,
    typed,
    values,
)
from esp_wizard.ask.prompts import PROMPTS
from esp_wizard.questionnaire.kinds import QUESTION_TYPES

ADD, DONE_AFTER_ROWS = pick(0), pick(3)


def test_every_question_type_has_exactly_one_prompt() -> None:
    assert set(PROMPTS) == set(QUESTION_TYPES)


def test_a_full_interview_stores_each_type_as_the_core_defines_it(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    keys = [
        lines("We export from the CRM.", "Then we fix it in Excel."),  # story: long_text
        "y",  # uses_lists: yes_no
        pick(4),  # list_source: choice, "Other…"
        typed("A shared drive"),
        tick(0, 1, 3),  # channels: multi_choice, email, sms and "Other…"
        typed("WhatsApp"),
        pick(4),  # stability: scale, 5
        typed("2027-06-30"),  # contract_end: date
        typed("CRM team"),  # team_name: text
        ADD,  # systems: inventory
        typed("Shopify"),
        pick(2),  # kind: E-commerce
        pick(0),  # transport: API
        typed("Bea"),
        "y",
        ADD,
        typed("Legacy CRM"),
        pick(0),  # CRM
        pick(3),  # transport left empty
        ENTER,  # owner left empty
        ENTER,  # must_move left empty
        DONE_AFTER_ROWS,
        "y",  # mark the session completed
    ]
    assert run_ask(root, *NEW, keys=keys) == 0

    stored = answers(root)
    assert values(root) == {
        "story": "We export from the CRM.\nThen we fix it in Excel.",
        "uses_lists": True,
        "list_source": "other",
        "channels": ["email", "sms", "other"],
        "stability": 5,
        "contract_end": dt.date(2027, 6, 30),
        "team_name": "CRM team",
        "systems": [
            {
                "name": "Shopify",
                "kind": "ecommerce",
                "transport": "api",
                "owner": "Bea",
                "must_move": True,
            },
            {"name": "Legacy CRM", "kind": "crm"},
        ],
    }
    assert stored["list_source"]["other"] == "A shared drive"
    assert stored["channels"]["other"] == "WhatsApp"
    assert all(a["status"] == "answered" for a in stored.values())
    assert "list_prep_hours" not in stored  # its `when` is false for "other"
    session = on_disk(root)
    assert session["status"] == "completed"
    assert session["client"] == "Acme Retail"
    assert session["interviewees"] == [{"name": "Ana Souza", "role": "email-ops"}]
    assert locks(root) == []

    out = capsys.readouterr().out
    assert "Legacy CRM has no known owner" in out  # the findings the session raised
    assert "The platform is stable (5)" in out
    (path,) = (root / "sessions").glob("*.toml")
    assert f"Session file: {path}" in out
    assert "\x1b" not in out  # plain lines only


def test_number_and_manual_choice_open_the_hours_question(root: Path) -> None:
    keys = [ENTER, "y", pick(2), typed("6,5"), ":stop\r"]
    assert run_ask(root, *NEW, keys=keys) == 0
    assert values(root) == {"uses_lists": True, "list_source": "csv_upload", "list_prep_hours": 6.5}


def test_inventory_rows_are_edited_and_deleted_and_each_change_saved(root: Path) -> None:
    to_systems = [ENTER, "n", pick(2), typed("2030-01-01"), typed("Ops")]
    keys = [
        *to_systems,
        ADD,
        typed("Shop"),
        pick(4),  # kind left empty
        pick(1),  # File feed
        ENTER,
        "n",
        ADD,
        typed("CDP"),
        pick(1),
        pick(0),
        typed("Dan"),
        "y",
        pick(1),  # Edit a row
        pick(0),  # row 1
        ENTER,  # keep the name
        pick(0),  # kind: CRM
        ENTER,  # keep "File feed"
        typed("Eve"),  # owner
        ENTER,  # keep "no"
        pick(2),  # Delete a row
        pick(1),  # row 2
        "y",
        ":stop\r",
    ]
    assert run_ask(root, *NEW, keys=keys) == 0
    assert values(root)["systems"] == [
        {"name": "Shop", "kind": "crm", "transport": "sftp", "owner": "Eve", "must_move": False}
    ]


def test_an_inventory_refuses_a_second_row_with_the_same_name(root: Path) -> None:
    to_systems = [ENTER, "n", pick(2), typed("2030-01-01"), typed("Ops")]
    new_row = [ADD, typed("Shop"), pick(4), pick(3), ENTER, ENTER]
    keys = [*to_systems, *new_row, ADD, typed(" shop "), pick(4), pick(3), ENTER, ENTER]
    assert run_ask(root, *NEW, keys=[*keys, ":stop\r"]) == 0
    assert values(root)["systems"] == [{"name": "Shop"}]


def test_a_resumed_long_text_is_kept_on_enter_and_replaced_when_typed(root: Path) -> None:
    assert run_ask(root, *NEW, keys=[lines("First take."), ":stop\r"]) == 0
    session_id = on_disk(root)["id"]
    assert run_ask(root, "--resume", session_id, keys=[":back\r", ENTER, ":stop\r"]) == 0
    assert values(root)["story"] == "First take."
    keys = [":back\r", lines("Second take,", "two lines."), ":stop\r"]
    assert run_ask(root, "--resume", session_id, keys=keys) == 0
    assert values(root)["story"] == "Second take,\ntwo lines."


def test_a_note_is_shown_as_plain_text(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_ask(root, *NEW, keys=[":stop\r"]) == 0
    out = capsys.readouterr().out
    assert "Note: Thank them for their time" in out
    assert "welcome" not in answers(root)


MIN_ROWS = """format = 1
id = "two-systems"
version = "1"
language = "en"
title = "At least two systems"
minutes = 5
[[sections]]
id = "only"
title = "Only"
[[sections.questions]]
id = "systems"
type = "inventory"
item = "system"
text = "Which systems?"
min_rows = 2
fields = [{ id = "name", type = "text", text = "System", required = true }]
"""


def test_rows_below_the_minimum_are_saved_at_once_and_listed_as_open(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (root / "questionnaires" / "two.toml").write_text(MIN_ROWS, encoding="utf-8")
    args = ["--client", "Acme", "--questionnaire", "two-systems", "--interviewee", "Ana"]
    args += ["--engagement", "", "--facilitator", ""]
    first_row = [pick(0), typed("Shop")]
    assert run_ask(root, *args, keys=[*first_row, pick(3), "n"]) == 0  # Done, not completed
    assert values(root) == {"systems": [{"name": "Shop"}]}
    out = capsys.readouterr().out
    assert "Add at least 2 system rows (now 1)." in out
    assert "Required, still open: Which systems?" in out

    session_id = on_disk(root)["id"]
    keys = [pick(0), typed("CRM"), pick(3), "y"]
    assert run_ask(root, "--resume", session_id, keys=keys) == 0
    assert values(root) == {"systems": [{"name": "Shop"}, {"name": "CRM"}]}
    assert on_disk(root)["status"] == "completed"
    assert "Required, still open" not in capsys.readouterr().out


def test_back_in_a_row_leaves_the_row_and_saves_nothing_of_it(root: Path) -> None:
    to_systems = [ENTER, "n", pick(2), typed("2030-01-01"), typed("Ops")]
    typed_back = [ADD, typed(":back")]  # as the row's first field: not a system named ":back"
    colon_in_choices = [ADD, typed("Shop"), ":", typed("back")]  # `:` in the kind's list
    keys = [*to_systems, *typed_back, *colon_in_choices, ADD, typed("CRM"), pick(0), pick(0)]
    keys += [ENTER, ENTER, ":stop\r"]
    assert run_ask(root, *NEW, keys=keys) == 0
    assert values(root)["systems"] == [{"name": "CRM", "kind": "crm", "transport": "api"}]


def test_rows_below_the_minimum_are_counted_in_french(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    french = MIN_ROWS.replace('language = "en"', 'language = "fr"').replace(
        'item = "system"', 'item = "système"'
    )
    (root / "questionnaires" / "two.toml").write_text(french, encoding="utf-8")
    args = ["--client", "Acme", "--questionnaire", "two-systems", "--interviewee", "Ana"]
    args += ["--engagement", "", "--facilitator", ""]
    assert run_ask(root, *args, keys=[pick(0), typed("Shop"), pick(3), "n"]) == 0
    assert values(root) == {"systems": [{"name": "Shop"}]}
    assert "Ajoutez au moins 2 lignes système (actuellement 1)." in capsys.readouterr().out
