"""The checker: each load-time error with its message, and what it accepts."""

from __future__ import annotations

import re

import pytest

from esp_wizard import i18n
from esp_wizard.questionnaire.expression import ExpressionError, NameType, Scope, check, parse

SOURCES = ("api", "sftp", "csv_upload", "ask_it", "other")
SYSTEM_FIELDS = {
    "name": NameType("string", label="text question name"),
    "kind": NameType("string", options=("crm", "cdp", "ecommerce", "other")),
    "owner": NameType("string"),
    "must_move": NameType("bool"),
    "users": NameType("number"),
}
NAMES = {
    "uses_lists": NameType("bool", label="yes_no question uses_lists"),
    "list_source": NameType("string", options=SOURCES, label="choice question list_source"),
    "list_prep_hours": NameType("number", label="number question list_prep_hours"),
    "notes": NameType("string", label="text question notes"),
    "go_live": NameType("date", label="date question go_live"),
    "channels": NameType(
        "list", options=("email", "sms", "push", "other"), label="multi_choice question channels"
    ),
    "sorted_channels": NameType("list", options=frozenset({"sms", "email"})),
    "systems": NameType("inventory", fields=SYSTEM_FIELDS, label="inventory question systems"),
}
SCOPE = Scope(names=NAMES, later=frozenset({"stability", "integrations"}))
ROW = Scope(names=NAMES, item_fields=SYSTEM_FIELDS)


@pytest.mark.parametrize(
    "source",
    [
        "uses_lists",
        "not uses_lists",
        "true",
        "uses_lists == true",
        "uses_lists != false and not uses_lists",
        'list_source in ["csv_upload", "ask_it"]',
        'list_source not in ["api"]',
        'list_source == "csv_upload" or list_prep_hours >= 4',
        'list_source == "other"',
        'list_source != "sftp"',
        '"csv_upload" == list_source',
        "list_source == none",
        "none != list_source",
        "channels == none",
        "systems != none",
        "go_live == none",
        "list_prep_hours > 0",
        "list_prep_hours <= 2.5",
        "4 < list_prep_hours",
        "list_prep_hours == -1",
        "list_prep_hours in [1, 2, 3]",
        "list_prep_hours in []",
        '"sms" in channels or "push" in channels',
        '"other" not in channels',
        '"sms" in sorted_channels',
        "count(channels) >= 2",
        "count(systems) >= 3",
        "3 <= count(systems)",
        "answered(list_source)",
        "answered(systems) and unknown(go_live)",
        "not unknown(list_prep_hours)",
        'notes == "anything at all"',
        'notes in ["a", "b"]',
        "notes != list_source",
        'go_live < "2025-06-30"',
        'go_live >= "2024-02-29"',
        'go_live in ["2025-01-01"]',
        '"crm" in systems.kind',
        '"crm" not in systems.kind',
        "true in systems.must_move",
        "100 in systems.users",
        '"Salesforce" in systems.name',
        "list_source in [list_source, notes]",
        "(list_prep_hours > 2) == uses_lists",
        "(uses_lists or answered(notes)) and (list_prep_hours < 10)",
    ],
)
def test_accepted(source: str) -> None:
    check(parse(source), SCOPE)


@pytest.mark.parametrize(
    "source",
    [
        "not answered(item.owner)",
        'item.kind == "crm"',
        'item.kind in ["crm", "cdp"]',
        "item.must_move",
        "not item.must_move and item.users > 10",
        "item.owner == none",
        'answered(item.name) and "crm" in systems.kind',
    ],
)
def test_accepted_under_for_each(source: str) -> None:
    check(parse(source), ROW)


ERRORS = [
    # names
    ("list_sorce == none", "unknown question 'list_sorce' (did you mean 'list_source'?)", 1),
    ("count(system) >= 3", "unknown question 'system' (did you mean 'systems'?)", 7),
    ("zzz", "unknown question 'zzz'", 1),
    ("stability >= 3", "'stability' comes after this question; a condition can only", 1),
    ("answered(integrations)", "'integrations' comes after this question", 10),
    # item and fields
    ("answered(item.owner)", "'item.' is only allowed in a rule with for_each", 10),
    ('item.kind == "crm"', "'item.' is only allowed in a rule with for_each", 1),
    ("item", "'item.' is only allowed in a rule with for_each", 1),
    ('"crm" in systems.knd', "'systems' has no field 'knd' (name, kind, owner, must_move,", 18),
    ("list_source.kind == none", "'list_source' is a choice, not an inventory: only an", 1),
    ("uses_lists.x", "'uses_lists' is a yes/no question, not an inventory", 1),
    # kinds
    ('list_prep_hours == "high"', 'cannot compare list_prep_hours (a number) with "high"', 17),
    ("uses_lists == 1", "cannot compare uses_lists (a yes/no question) with 1 (a number)", 12),
    ("list_source == 3", "cannot compare list_source (a choice) with 3 (a number)", 13),
    ("go_live == 2025", "cannot compare go_live (a date) with 2025 (a number)", 9),
    ("notes == list_prep_hours", "cannot compare notes (a text) with list_prep_hours", 7),
    ("answered(notes) == 1", "cannot compare answered(notes) (a condition) with 1", 17),
    ('list_prep_hours in ["a"]', 'cannot compare list_prep_hours (a number) with "a"', 21),
    ('list_prep_hours in [1, "a"]', 'with "a" (a string)', 24),
    ("3 in channels", "cannot look for 3 (a number) in channels (strings)", 3),
    ('"x" in systems.users', 'cannot look for "x" (a string) in systems.users (numbers)', 5),
    # in / not in
    (
        '"sms" in list_prep_hours',
        "'in' needs a list on the right (a list [...], a multi_choice or an inventory's "
        "field), and list_prep_hours is a number",
        10,
    ),
    ('"x" not in notes', "'not in' needs a list on the right", 12),
    ('"x" in none', "'in' needs a list on the right", 8),
    (
        '"crm" in systems',
        "'in' needs a list on the right; name a field of it, e.g. systems.name",
        10,
    ),
    ('none in ["a"]', "'in' cannot test none; use == none", 1),
    ('channels in ["sms"]', "'in' looks for one value, and channels is a multi_choice", 1),
    ("systems in [1]", "'in' looks for one value, and systems is an inventory", 1),
    ('list_source in [["a"]]', 'a list holds single values, not ["a"] (a list)', 17),
    ("list_source in [none]", "a list holds single values, not none", 17),
    ("list_source in [channels]", "a list holds single values, not channels", 17),
    # options
    (
        'list_source in ["csv_uplod", "ask_it"]',
        "'csv_uplod' is not an option of list_source (api, sftp, csv_upload, ask_it, other)",
        17,
    ),
    ('list_source == "API"', "'API' is not an option of list_source", 16),
    ('"fax" != list_source', "'fax' is not an option of list_source", 1),
    ('list_source not in ["x"]', "'x' is not an option of list_source", 21),
    ('"smss" in channels', "'smss' is not an option of channels (email, sms, push, other)", 1),
    ('"fax" in sorted_channels', "is not an option of sorted_channels (email, sms)", 1),
    ('"erp" in systems.kind', "'erp' is not an option of systems.kind (crm, cdp,", 1),
    # multi_choice and inventory with ==
    ('channels == "sms"', 'channels is a multi_choice: to test one value, write "sms" in', 10),
    ('channels != "sms"', 'write "sms" not in channels', 10),
    ("channels == list_source", "write list_source in channels", 10),
    ("systems == 3", "systems is an inventory: compare count(systems) or one of its", 9),
    (
        'systems.kind == "crm"',
        'systems.kind is a list of strings: to test one value, write "crm"',
        14,
    ),
    ('["a"] == list_source', "a list [...] can only come after 'in' or 'not in'", 1),
    # ordering
    (
        "list_prep_hours < none",
        "'<' cannot compare with none; only == none and != none can",
        17,
    ),
    ('list_source > "api"', "'>' compares numbers or dates, and list_source is a choice", 13),
    ("uses_lists >= true", "'>=' compares numbers or dates, and uses_lists is a yes/no", 12),
    (
        "channels > 2",
        "'>' compares numbers or dates, and channels is a multi_choice; "
        "did you mean count(channels)?",
        10,
    ),
    ("systems > 2", "did you mean count(systems)?", 9),
    ('go_live < "2025-13-01"', "'2025-13-01' is not a date; write dates as YYYY-MM-DD", 11),
    ('go_live < "31/01/2025"', "'31/01/2025' is not a date", 11),
    ('go_live in ["2025-1-1"]', "'2025-1-1' is not a date", 13),
    ('"soon" == go_live', "'soon' is not a date", 1),
    ("go_live < notes", "cannot compare go_live (a date) with notes (a text)", 9),
    # not a condition
    ("list_prep_hours", "list_prep_hours is a number: compare it, e.g. list_prep_hours > 0", 1),
    ("list_source", 'list_source is a choice: compare it, e.g. list_source == "api"', 1),
    ("notes", "notes is a text: test it with answered(notes) or compare it", 1),
    ("go_live", 'go_live is a date: compare it, e.g. go_live >= "2025-01-01"', 1),
    ("channels", 'channels is a multi_choice: test a value, e.g. "email" in channels', 1),
    ("systems", "systems is an inventory: count its rows, e.g. count(systems) > 0", 1),
    ("systems.must_move", "systems.must_move is a list of yes/no values: test a value", 9),
    ("count(systems)", "count(systems) is a number: compare it, e.g. count(systems) > 0", 1),
    ("uses_lists and list_prep_hours", "list_prep_hours is a number", 16),
    ("not list_source", "list_source is a choice", 5),
    ("3", "3 alone is not a condition", 1),
    ('"yes"', '"yes" alone is not a condition', 1),
    ("none", "none alone is not a condition", 1),
    ('["a"]', "a list alone is not a condition; use it after 'in'", 1),
    # functions
    (
        "count(list_source) > 1",
        "count() needs a multi_choice or inventory question, and list_source is a choice",
        7,
    ),
    ("count(systems.kind) > 1", "count() needs a multi_choice or inventory question", 15),
    (
        "answered(systems.kind)",
        "answered() takes a question id or item.field, not systems.kind",
        18,
    ),
    ("answered(nope)", "unknown question 'nope'", 10),
]


@pytest.mark.parametrize(("source", "message", "column"), ERRORS)
def test_errors(source: str, message: str, column: int) -> None:
    with pytest.raises(ExpressionError) as caught:
        check(parse(source), SCOPE)
    assert message in str(caught.value)
    assert caught.value.column == column


ROW_ERRORS = [
    (
        "answered(item.onwer)",
        "'item' has no field 'onwer' (name, kind, owner, must_move, users)",
        15,
    ),
    (
        'item.kind == "erp"',
        "'erp' is not an option of item.kind (crm, cdp, ecommerce, other)",
        14,
    ),
    ("item.users", "item.users is a number: compare it, e.g. item.users > 0", 6),
    ("item", "'item' stands for the row only with a field, e.g. item.name", 1),
    (
        "unknown(item.owner)",
        "unknown() takes a question id: a row's field is never recorded",
        14,
    ),
    (
        "count(item.users) > 1",
        "count() needs a multi_choice or inventory question, and item.users is a number",
        12,
    ),
    ('item.must_move == "yes"', "cannot compare item.must_move (a yes/no question) with", 16),
]


@pytest.mark.parametrize(("source", "message", "column"), ROW_ERRORS)
def test_errors_under_for_each(source: str, message: str, column: int) -> None:
    with pytest.raises(ExpressionError) as caught:
        check(parse(source), ROW)
    assert message in str(caught.value)
    assert caught.value.column == column


def test_only_earlier_names_are_suggested() -> None:
    with pytest.raises(ExpressionError) as caught:
        check(parse("stabilty > 3"), SCOPE)
    assert str(caught.value) == "unknown question 'stabilty'"


def test_a_question_named_item_is_an_ordinary_name() -> None:
    scope = Scope(names={"item": NameType("bool")})
    check(parse("item"), scope)


def test_name_type_rejects_unknown_kinds() -> None:
    with pytest.raises(ValueError, match="unknown kind 'choice'"):
        NameType("choice")


# Words only the English messages use: a French message holding one was left untranslated.
ENGLISH = re.compile(
    r"\b(is|cannot|compare it|compares|needs|looks for|holds|has no|takes|did you mean|"
    r"comes after|write|test it|count its|stands for|only)\b"
)


def _french(source: str, scope: Scope) -> tuple[str, str, int]:
    """The English and French messages of one mistake, and the French one's column."""
    with pytest.raises(ExpressionError) as english:
        check(parse(source), scope)
    with i18n.use("fr"), pytest.raises(ExpressionError) as french:
        check(parse(source), scope)
    assert french.value.column == english.value.column
    return str(english.value), str(french.value), french.value.column


@pytest.mark.parametrize(
    ("source", "scope"),
    [(source, SCOPE) for source, _m, _c in ERRORS] + [(s, ROW) for s, _m, _c in ROW_ERRORS],
)
def test_every_type_error_reads_in_french(source: str, scope: Scope) -> None:
    english, french, _column = _french(source, scope)
    assert french != english
    assert not ENGLISH.search(french), french


@pytest.mark.parametrize(
    ("source", "french"),
    [
        (
            "uses_lists == 1",
            "impossible de comparer uses_lists (une question oui/non) à 1 (un nombre)",
        ),
        (
            "list_sorce == none",
            "question inconnue « list_sorce » (vouliez-vous dire « list_source » ?)",
        ),
        (
            "channels > 2",
            "« > » compare des nombres ou des dates, et channels est une question multi_choice ; "
            "vouliez-vous dire count(channels) ?",
        ),
        ("3 in channels", "impossible de chercher 3 (un nombre) dans channels (des chaînes)"),
        (
            "systems.must_move",
            "systems.must_move est une liste de valeurs oui/non : testez une valeur avec « in », "
            "par exemple ... in systems.must_move",
        ),
        (
            'go_live < "31/01/2025"',
            "« 31/01/2025 » n'est pas une date ; écrivez les dates sous la "
            'forme AAAA-MM-JJ, par exemple "2025-01-31"',
        ),
        (
            'channels != "sms"',
            'channels est une question multi_choice : pour tester une valeur, écrivez "sms" not in '
            "channels",
        ),
        (
            "stability >= 3",
            "« stability » vient après cette question ; une condition ne peut "
            "nommer que des questions précédentes",
        ),
    ],
)
def test_type_errors_in_french_are_whole_sentences(source: str, french: str) -> None:
    assert _french(source, SCOPE)[1] == french


def test_date_function_and_estimate_errors_in_french() -> None:
    names = {"go_live": NameType("date"), "notice": NameType("number")}
    _en, french, column = _french("months_between(today, notice) > 3", Scope(names))
    assert french == (
        "la deuxième valeur de months_between() doit être une date, et notice est un nombre"
    )
    assert column == 23
    _en, french, _column = _french("estimate_high_months > 6", Scope(names))
    assert french.startswith(
        "« estimate_high_months » est l'estimation de durée, connue des seules"
    )
