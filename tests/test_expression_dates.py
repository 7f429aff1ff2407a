"""Date arithmetic, `today` and the timeline estimate in conditions: parse, check, evaluate."""

from __future__ import annotations

import datetime as dt

import pytest

from esp_wizard.questionnaire.expression import (
    ExpressionError,
    MappingEnv,
    NameType,
    Scope,
    check,
    evaluate,
    names,
    parse,
    to_source,
)
from esp_wizard.questionnaire.months import add_months, months_between

NAMES = {
    "contract_end": NameType("date"),
    "go_live": NameType("date"),
    "notice_months": NameType("number"),
    "approach": NameType("string", options=("lift", "modernize")),
}
RULE = Scope(NAMES, estimate=True)
QUESTION = Scope(NAMES)
TODAY = dt.date(2026, 10, 5)


def ok(source: str, answers: dict, estimate: tuple[int, int] | None = (6, 9)) -> bool:
    expr = parse(source)
    check(expr, RULE)
    return evaluate(expr, MappingEnv(answers, today=TODAY, estimate=estimate))


@pytest.mark.parametrize(
    "source",
    [
        "add_months(contract_end, 3) > today",
        "sub_months(contract_end, notice_months) <= add_months(today, 3)",
        'add_days("2026-01-31", -1) == "2026-01-30"',
        "months_between(today, contract_end) < estimate_high_months",
        "days_between(go_live, contract_end) >= 30",
        "add_months(today, estimate_low_months) > contract_end",
    ],
)
def test_new_forms_round_trip(source: str) -> None:
    expr = parse(source)
    check(expr, RULE)
    assert parse(to_source(expr)) == expr


def test_builtin_names_are_not_evidence() -> None:
    expr = parse("months_between(today, contract_end) < estimate_high_months")
    assert names(expr) == {"contract_end"}


@pytest.mark.parametrize(
    ("source", "message", "column"),
    [
        (
            "add_months(contract_end) > today",
            "add_months() takes two values (date, number), not 1",
            1,
        ),
        ("add_months(contract_end, 1, 2) > today", "takes two values (date, number), not 3", 1),
        ("add_months(contract_end, 3 > today", "missing ')' to close 'add_months('", 28),
    ],
)
def test_parse_errors_are_located(source: str, message: str, column: int) -> None:
    with pytest.raises(ExpressionError) as caught:
        parse(source)
    assert message in str(caught.value)
    assert caught.value.column == column


@pytest.mark.parametrize(
    ("source", "message", "column"),
    [
        (
            'add_months(contract_end, "3") > today',
            'the second value of add_months() must be a number, and "3" is a string',
            26,
        ),
        (
            "months_between(notice_months, today) > 1",
            "the first value of months_between() must be a date, and notice_months is a number",
            16,
        ),
        ('add_days("2026-02-30", 1) > today', "'2026-02-30' is not a date", 10),
        ("add_months(contract_end, 1)", "is a date: compare it", 1),
        ("months_between(today, go_live) > today", "cannot compare", 32),
        ("add_months(none, 1) > today", "cannot take none", 12),
        ("add_months(approach, 1) > today", "approach is a choice", 12),
    ],
)
def test_type_errors_are_located(source: str, message: str, column: int) -> None:
    with pytest.raises(ExpressionError) as caught:
        check(parse(source), RULE)
    assert message in str(caught.value)
    assert caught.value.column == column


@pytest.mark.parametrize("name", ["estimate_low_months", "estimate_high_months"])
def test_the_estimate_is_refused_where_it_cannot_be_known(name: str) -> None:
    expr = parse(f"{name} > 6")
    with pytest.raises(ExpressionError) as caught:
        check(expr, QUESTION)
    assert "known only to finding rules" in str(caught.value)
    check(expr, RULE)


def test_today_is_a_date_everywhere() -> None:
    check(parse('today >= "2026-01-01"'), QUESTION)
    with pytest.raises(ExpressionError, match="cannot compare"):
        check(parse("today > 3"), QUESTION)


def test_evaluation_of_dates() -> None:
    end = dt.date(2027, 5, 31)
    assert ok("add_months(today, estimate_high_months) > contract_end", {"contract_end": end})
    assert not ok("add_months(today, estimate_low_months) > contract_end", {"contract_end": end})
    assert ok("months_between(today, contract_end) == 7", {"contract_end": end})
    assert ok("days_between(today, contract_end) == 238", {"contract_end": end})
    assert ok(
        'sub_months(contract_end, notice_months) == "2027-02-28"',
        {"contract_end": end, "notice_months": 3},
    )
    assert ok('sub_days(today, 5) == "2026-09-30"', {})


@pytest.mark.parametrize(
    "source",
    [
        "add_months(today, estimate_high_months) > contract_end",
        "months_between(today, contract_end) < 6",
        "months_between(today, contract_end) >= 6",
        "sub_months(contract_end, notice_months) <= today",
        "days_between(contract_end, go_live) != 0",
    ],
)
def test_unanswered_dates_never_fire(source: str) -> None:
    """none in, none out: a rule on a date nobody gave stays silent (both ways round)."""
    assert not ok(source, {"notice_months": 3, "go_live": TODAY})
    assert not ok(source, {"contract_end": None, "notice_months": 3}, estimate=None)


def test_without_an_estimate_rules_naming_it_stay_silent() -> None:
    end = dt.date(2026, 11, 1)
    assert not ok(
        "add_months(today, estimate_high_months) > contract_end",
        {"contract_end": end},
        estimate=None,
    )
    assert ok("estimate_high_months == none", {}, estimate=None)


def test_without_a_clock_today_is_none() -> None:
    expr = parse("today == none")
    check(expr, QUESTION)
    assert evaluate(expr, MappingEnv({}))


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (dt.date(2026, 1, 31), 1, dt.date(2026, 2, 28)),
        (dt.date(2024, 1, 31), 1, dt.date(2024, 2, 29)),
        (dt.date(2026, 11, 15), 3, dt.date(2027, 2, 15)),
        (dt.date(2026, 3, 31), -1, dt.date(2026, 2, 28)),
        (dt.date(2026, 12, 31), 0, dt.date(2026, 12, 31)),
    ],
)
def test_add_months_clamps_to_the_month_end(start: dt.date, months: int, expected: dt.date) -> None:
    assert add_months(start, months) == expected


def test_months_between_counts_whole_months_both_ways() -> None:
    a = dt.date(2026, 1, 31)
    assert months_between(a, dt.date(2026, 2, 27)) == 0
    assert months_between(a, dt.date(2026, 2, 28)) == 1  # add_months(a, 1)
    assert months_between(a, dt.date(2026, 3, 31)) == 2
    assert months_between(dt.date(2026, 3, 31), a) == -2
    for days in range(0, 800, 7):
        b = a + dt.timedelta(days=days)
        assert add_months(a, months_between(a, b)) <= b


def test_far_dates_do_not_raise() -> None:
    assert not ok("add_months(contract_end, 100000) > today", {"contract_end": dt.date(9999, 1, 1)})
    assert not ok(
        "add_days(contract_end, notice_months) > today",
        {"contract_end": dt.date(2026, 1, 1), "notice_months": float("inf")},
    )


QUESTIONNAIRE = """format = 1
id = "t"
version = "1"
language = "en"
title = "T"
minutes = 5

[[sections]]
id = "s"
title = "S"

[[sections.questions]]
id = "contract_end"
type = "date"
text = "End?"

[[findings]]
id = "r"
category = "gap"
when = 'add_months(today, estimate_high_months) > contract_end'
title = "R"
severity = 3
impact = 3
phase = "discovery"
recommendation = "Do it by {estimate_end}."

[[drivers]]
id = "d"
label = "D"
when = '{driver}'
"""


@pytest.mark.parametrize(
    ("driver", "message"),
    [
        ("estimate_low_months > 3", "drivers › d › when: 'estimate_low_months' is the timeline"),
        ("add_months(contract_end) > today", "add_months() takes two values (date, number), not 1"),
        ('days_between(today, "soon") > 3', "'soon' is not a date"),
    ],
)
def test_a_questionnaire_gets_one_located_line(tmp_path, driver: str, message: str) -> None:
    from esp_wizard.errors import FileProblems
    from esp_wizard.questionnaire.loader import load_questionnaire

    path = tmp_path / "t.toml"
    path.write_text(QUESTIONNAIRE.replace("{driver}", driver), encoding="utf-8")
    with pytest.raises(FileProblems) as caught:
        load_questionnaire(path)
    lines = str(caught.value).splitlines()
    line = QUESTIONNAIRE.splitlines().index("when = '{driver}'") + 1
    assert len(lines) == 1 and lines[0].startswith(f"{path}:{line}: ")
    assert message in lines[0]


def test_a_rule_may_name_the_estimate_and_today(tmp_path) -> None:
    from esp_wizard.questionnaire.loader import load_questionnaire

    path = tmp_path / "t.toml"
    path.write_text(QUESTIONNAIRE.replace("{driver}", "today > contract_end"), encoding="utf-8")
    assert load_questionnaire(path).findings[0].condition is not None


def test_a_question_may_not_take_a_built_in_name(tmp_path) -> None:
    from esp_wizard.errors import FileProblems
    from esp_wizard.questionnaire.loader import load_questionnaire

    path = tmp_path / "t.toml"
    text = QUESTIONNAIRE.replace("{driver}", "true").replace('id = "contract_end"', 'id = "today"')
    path.write_text(text.replace("> contract_end", "> today"), encoding="utf-8")
    with pytest.raises(FileProblems, match="'today' is a built-in name of conditions"):
        load_questionnaire(path)
