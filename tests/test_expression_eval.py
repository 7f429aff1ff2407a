"""Evaluation: every operator and function, each `none` rule, inventories, item, dates."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from esp_wizard.questionnaire.expression import (
    Env,
    MappingEnv,
    evaluate,
    item_fields,
    names,
    parse,
)

ROWS = [
    {"name": "Salesforce", "kind": "crm", "owner": "Ana", "must_move": True, "users": 40},
    {"name": "Shopify", "kind": "ecommerce", "owner": "", "must_move": False, "users": 2.5},
    {"name": "Legacy FTP"},
]
ANSWERS: dict[str, Any] = {
    "uses_lists": True,
    "opted_out": False,
    "list_source": "csv_upload",
    "list_prep_hours": 6,
    "ratio": 0.5,
    "notes": "",  # empty: counts as unanswered
    "go_live": dt.date(2025, 6, 30),
    "channels": ["email", "sms", "other"],
    "no_channels": [],
    "systems": ROWS,
    "no_systems": [],
}
ENV = MappingEnv(ANSWERS, unknown={"budget"})


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # literals and bare yes/no
        ("true", True),
        ("false", False),
        ("uses_lists", True),
        ("opted_out", False),
        ("not uses_lists", False),
        ("not opted_out", True),
        ("missing", False),  # none counts as false when standing alone
        ("not missing", True),
        ("budget", False),  # don't know is none
        # and / or / not
        ("uses_lists and opted_out", False),
        ("uses_lists and not opted_out", True),
        ("opted_out or uses_lists", True),
        ("opted_out or missing", False),
        ("not (opted_out or missing)", True),
        ("opted_out and missing or uses_lists", True),
        ("opted_out and (missing or uses_lists)", False),
        # == and !=
        ('list_source == "csv_upload"', True),
        ('list_source == "api"', False),
        ('list_source != "api"', True),
        ('list_source != "csv_upload"', False),
        ('"csv_upload" == list_source', True),
        ("uses_lists == true", True),
        ("opted_out == true", False),
        ("opted_out != true", True),
        ("list_prep_hours == 6", True),
        ("list_prep_hours == 6.0", True),
        ("ratio == 0.5", True),
        ("list_source == list_source", True),
        # ordering, int and float mixed
        ("list_prep_hours > 4", True),
        ("list_prep_hours >= 6", True),
        ("list_prep_hours > 6", False),
        ("list_prep_hours < 6.5", True),
        ("list_prep_hours <= 5.99", False),
        ("ratio < 1", True),
        ("-1 < ratio", True),
        ("3 >= list_prep_hours", False),
        # dates, compared with dates and with ISO strings
        ('go_live == "2025-06-30"', True),
        ('go_live != "2025-06-30"', False),
        ('go_live < "2025-07-01"', True),
        ('go_live <= "2025-06-30"', True),
        ('go_live > "2025-06-30"', False),
        ('"2024-12-31" < go_live', True),
        ('go_live in ["2025-01-01", "2025-06-30"]', True),
        ('go_live not in ["2025-01-01"]', True),
        # in / not in: list literals
        ('list_source in ["csv_upload", "ask_it"]', True),
        ('list_source in ["api", "sftp"]', False),
        ('list_source not in ["api", "sftp"]', True),
        ('list_source not in ["csv_upload"]', False),
        ("list_prep_hours in [1, 6.0]", True),
        ("list_source in []", False),
        ("list_source not in []", True),
        # in / not in: multi_choice
        ('"sms" in channels', True),
        ('"push" in channels', False),
        ('"other" in channels', True),
        ('"push" not in channels', True),
        ('"sms" not in channels', False),
        ('"sms" in channels or "push" in channels', True),
        # inventory fields: the list of a field's values over the rows that have one
        ('"crm" in systems.kind', True),
        ('"cdp" in systems.kind', False),
        ('"cdp" not in systems.kind', True),
        ('"Legacy FTP" in systems.name', True),
        ('"" in systems.owner', False),  # an empty value is no value
        ("true in systems.must_move", True),
        ("2.5 in systems.users", True),
        ("40.0 in systems.users", True),
        ("systems.kind != none", True),
        # functions
        ("answered(list_source)", True),
        ("answered(missing)", False),
        ("answered(notes)", False),
        ("answered(budget)", False),
        ("answered(no_channels)", False),
        ("answered(systems)", True),
        ("unknown(budget)", True),
        ("unknown(list_source)", False),
        ("unknown(missing)", False),
        ("count(channels) == 3", True),  # "other" counts
        ("count(systems) == 3", True),
        ("count(systems) >= 3", True),
        ("count(no_channels) == 0", True),
        ("count(no_systems) == 0", True),
        ("count(missing) == 0", True),
        ("count(budget) == 0", True),
        # parenthesised conditions as values
        ("(list_prep_hours > 4) == true", True),
        ("(list_prep_hours > 4) == uses_lists", True),
        ("(list_prep_hours > 4) != (ratio > 4)", True),
    ],
)
def test_evaluate(source: str, expected: bool) -> None:
    result = evaluate(parse(source), ENV)
    assert result is expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # == none and != none: the only comparisons with none that can be true
        ("missing == none", True),
        ("none == missing", True),
        ("missing != none", False),
        ("list_source == none", False),
        ("list_source != none", True),
        ("none != list_source", True),
        ("budget == none", True),  # don't know
        ("notes == none", True),  # empty
        ("no_channels == none", True),
        ("channels != none", True),
        ("none == none", True),
        ("none != none", False),
        # every other comparison with none is false, whichever way round
        ('missing == "api"', False),
        ('missing != "api"', False),
        ('"api" != missing', False),
        ("missing == missing", False),
        ("missing != list_source", False),
        ("missing > 1", False),
        ("missing >= 1", False),
        ("missing < 1", False),
        ("missing <= 1", False),
        ("1 < missing", False),
        ('missing in ["api"]', False),
        ('missing not in ["api"]', False),  # `not in` is a comparison too
        ('"sms" in missing', False),
        ('"sms" not in missing', False),
        ('"sms" not in no_channels', False),  # an empty multi_choice is none
        ('"crm" in no_systems.kind', False),
        ('"crm" not in no_systems.kind', False),
        ('"crm" not in missing.kind', False),
        # a none inside a list literal: `x in [a, b]` is `x == a or x == b`
        ("list_source in [missing, list_source]", True),
        ('list_source in [missing, "api"]', False),
        ('list_source not in [missing, "api"]', False),
        # not applies to the comparison's result
        ('not missing == "api"', True),
        ("not missing != none", True),
    ],
)
def test_none_rules(source: str, expected: bool) -> None:
    assert evaluate(parse(source), ENV) is expected


@pytest.mark.parametrize(
    ("source", "row", "expected"),
    [
        ("not answered(item.owner)", ROWS[0], False),
        ("not answered(item.owner)", ROWS[1], True),  # empty string
        ("not answered(item.owner)", ROWS[2], True),  # no such key
        ("answered(item.owner)", None, False),  # no row at all
        ('item.kind == "crm"', ROWS[0], True),
        ('item.kind in ["crm", "cdp"]', ROWS[1], False),
        ('item.kind != "crm"', ROWS[2], False),
        ("item.kind == none", ROWS[2], True),
        ("item.owner == none", ROWS[1], True),
        ("item.must_move", ROWS[0], True),
        ("item.must_move", ROWS[1], False),
        ("not item.must_move", ROWS[2], True),
        ("item.users > 10", ROWS[0], True),
        ("item.users > 10", ROWS[1], False),
        ("item.users > 10", ROWS[2], False),
        ('item.must_move and "crm" in systems.kind', ROWS[0], True),
    ],
)
def test_item_under_for_each(source: str, row: dict[str, Any] | None, expected: bool) -> None:
    env = MappingEnv(ANSWERS, item=row)
    assert evaluate(parse(source), env) is expected


@pytest.mark.parametrize(
    ("answers", "source"),
    [
        # odd data in a session: false, never an exception
        ({"n": "six"}, "n > 4"),
        ({"n": "six"}, "n == 6"),
        ({"n": "six"}, "n != 6"),
        ({"n": True}, "n == 1"),
        ({"n": 1}, "n == true"),
        ({"n": 1}, "n"),
        ({"n": "yes"}, "n"),
        ({"d": "2025-02-30"}, 'd < "2025-03-01"'),
        ({"d": dt.date(2025, 1, 1)}, 'd == "not a date"'),
        ({"d": dt.date(2025, 1, 1)}, "d < 3"),
        ({"d": dt.datetime(2025, 1, 1, 12, 0)}, 'd > "2025-01-01"'),
        ({"m": "sms"}, '"sms" in m'),
        ({"m": {"sms": True}}, '"sms" in m'),
        ({"m": ["sms", 3, None]}, "3.5 in m"),
        ({"m": ["sms", 3]}, '"x" not in m'),
        ({"inv": "rows"}, '"crm" in inv.kind'),
        ({"inv": ["not a row", 7]}, '"crm" in inv.kind'),
        ({"inv": {"kind": "crm"}}, "count(inv) > 0"),
        ({"n": float("nan")}, "n == n"),
        ({"n": float("nan")}, "n < 1"),
        ({"x": [1]}, "x == [1]"),
        ({}, "[1]"),
        ({}, "3"),
    ],
)
def test_odd_data_is_false(answers: dict[str, Any], source: str) -> None:
    assert evaluate(parse(source), MappingEnv(answers)) is False


def test_dates_stored_as_iso_strings_still_order() -> None:
    env = MappingEnv({"d": "2025-01-15"})
    assert evaluate(parse('d < "2025-02-01"'), env) is True
    assert evaluate(parse('d > "2025-02-01"'), env) is False


def test_a_custom_env_satisfies_the_protocol() -> None:
    class Fixed:
        item = None

        def value(self, name: str) -> object | None:
            return {"a": 3}.get(name)

        def is_answered(self, name: str) -> bool:
            return name == "a"

        def is_unknown(self, name: str) -> bool:
            return name == "b"

        def count(self, name: str) -> int:
            return 7

    env: Env = Fixed()
    assert evaluate(parse("a == 3 and unknown(b) and count(c) == 7"), env) is True
    assert evaluate(parse("answered(b)"), env) is False


def test_long_chains_evaluate() -> None:
    source = " or ".join(["opted_out"] * 3000 + ["uses_lists"])
    assert evaluate(parse(source), ENV) is True


@pytest.mark.parametrize(
    ("source", "named", "fields"),
    [
        ("uses_lists", {"uses_lists"}, set()),
        ('list_source == "a" or list_prep_hours >= 4', {"list_source", "list_prep_hours"}, set()),
        ('"crm" in systems.kind', {"systems"}, set()),
        ("count(integrations) >= 3 and not unknown(budget)", {"integrations", "budget"}, set()),
        ("not answered(item.owner)", set(), {"owner"}),
        ('item.kind == "crm" and x in [y, item.name]', {"x", "y"}, {"kind", "name"}),
        ("true", set(), set()),
    ],
)
def test_names_and_item_fields(source: str, named: set[str], fields: set[str]) -> None:
    tree = parse(source)
    assert names(tree) == named
    assert item_fields(tree) == fields
