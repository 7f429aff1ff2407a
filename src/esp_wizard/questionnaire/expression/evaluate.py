"""Evaluation of a checked expression against a session's answers; never raises.

`none` (unanswered, skipped, don't know, not applicable) follows the spec literally: a
comparison with none is false, except `== none` (true iff none) and `!= none` (true iff
not none). `in` and `not in` are comparisons too, so both are false when either side is
none: `list_source not in ["api"]` is false while list_source is unanswered, which keeps
rules from firing on answers nobody gave. `x not in [a, b]` reads as `x != a and x != b`,
so it is false when a or b is none. A yes/no standing alone counts none as false, so
`not uses_lists` is true while it is unanswered.

Values that a well-checked expression cannot meet (a session holding odd data) make the
comparison false rather than raise: a workshop must never stop on a condition.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Protocol, TypeGuard

from esp_wizard.questionnaire.expression.ast import (
    ESTIMATE_HIGH,
    ESTIMATE_LOW,
    TODAY,
    BoolOp,
    Call,
    Compare,
    DateCall,
    Expr,
    Field,
    ListLiteral,
    Literal,
    Name,
    Not,
)
from esp_wizard.questionnaire.months import add_months, months_between


class Env(Protocol):
    """What an expression sees of a session.

    `value(name)` is None when unanswered, skipped, don't know or not applicable; otherwise
    a bool, int/float, str, datetime.date, a list of strings (multi_choice) or a list of row
    dicts (inventory). `item` is the current row under for_each, else None.

    An Env may also carry `today` (a date; none when absent) and `estimate` (the timeline
    estimate as (low, high) months; none when absent, e.g. for questions and drivers).
    They are read with getattr so that older Envs keep working: `today` is none for them.
    """

    @property
    def item(self) -> Mapping[str, object] | None: ...

    def value(self, name: str) -> object | None: ...

    def is_answered(self, name: str) -> bool: ...

    def is_unknown(self, name: str) -> bool: ...

    def count(self, name: str) -> int: ...


@dataclass
class MappingEnv:
    """An Env over plain data, for tests and simple callers: `answers` by question id
    (empty values count as unanswered), `unknown` the ids recorded as don't know."""

    answers: Mapping[str, object] = field(default_factory=dict)
    unknown: Collection[str] = frozenset()
    item: Mapping[str, object] | None = None
    today: dt.date | None = None
    estimate: tuple[int, int] | None = None

    def value(self, name: str) -> object | None:
        if name in self.unknown:
            return None
        value = self.answers.get(name)
        return None if _is_empty(value) else value

    def is_answered(self, name: str) -> bool:
        return self.value(name) is not None

    def is_unknown(self, name: str) -> bool:
        return name in self.unknown

    def count(self, name: str) -> int:
        value = self.value(name)
        return len(value) if isinstance(value, list | tuple) else 0


def evaluate(expr: Expr, env: Env) -> bool:
    """Is the condition true for these answers? Always a bool.

    Dispatched on the node's exact type (no subclasses exist), not by `match` over class
    patterns: a report evaluates every section's, question's, driver's and rule's condition
    for each of a thousand sessions, and matching class patterns costs more per node."""
    if type(expr) is Compare:
        return _compare(expr, env)
    if type(expr) is BoolOp:
        if expr.op == "and":
            return all(evaluate(operand, env) for operand in expr.operands)
        return any(evaluate(operand, env) for operand in expr.operands)
    if type(expr) is Not:
        return not evaluate(expr.operand, env)
    return _value(expr, env) is True


def _value(expr: Expr, env: Env) -> object | None:
    if type(expr) is Name:
        name = expr.name
        if name == TODAY:
            return getattr(env, "today", None)
        if name in (ESTIMATE_LOW, ESTIMATE_HIGH):
            span = getattr(env, "estimate", None)
            return None if span is None else span[0 if name == ESTIMATE_LOW else 1]
        return env.value(name)
    if type(expr) is Literal:
        return expr.value
    if type(expr) is ListLiteral:
        return [item.value if type(item) is Literal else _value(item, env) for item in expr.items]
    if type(expr) is Field:
        return _field(expr, env)
    if type(expr) is Call:
        return _call(expr, env)
    if type(expr) is DateCall:
        return _date_call(expr, env)
    return evaluate(expr, env)  # a parenthesised condition used as a value


def _field(expr: Field, env: Env) -> object | None:
    """`item.f`: the row's value; `inv.f`: that field's values over the rows that have one."""
    if expr.is_item:
        row = env.item
        value = row.get(expr.field) if isinstance(row, Mapping) else None
        return None if _is_empty(value) else value
    rows = env.value(expr.base.name)
    if not isinstance(rows, list | tuple):
        return None
    return [
        row[expr.field]
        for row in rows
        if isinstance(row, Mapping) and not _is_empty(row.get(expr.field))
    ]


def _call(expr: Call, env: Env) -> object | None:
    arg = expr.arg
    if isinstance(arg, Field):
        value = _field(arg, env)
        if expr.func == "answered":
            return value is not None and value != []
        if expr.func == "count":
            return len(value) if isinstance(value, list) else 0
        return False  # a row's field is never recorded as don't know
    if expr.func == "answered":
        return env.is_answered(arg.name)
    if expr.func == "unknown":
        return env.is_unknown(arg.name)
    if expr.func == "count":
        return env.count(arg.name)
    return None


def _date_call(expr: DateCall, env: Env) -> object | None:
    """Date arithmetic; none in, none out (an unanswered date never fires a rule)."""
    first, second = (_value(arg, env) for arg in expr.args)
    start = _as_date(first)
    if start is None:
        return None
    if expr.func in ("months_between", "days_between"):
        end = _as_date(second)
        if end is None:
            return None
        if expr.func == "days_between":
            return (end - start).days
        return months_between(start, end)
    number = second if _is_number(second) else None
    if number is None:
        return None
    try:
        count = round(number)
        if expr.func.startswith("sub_"):
            count = -count
        if expr.func.endswith("_days"):
            return start + dt.timedelta(days=count)
        return add_months(start, count)
    except (OverflowError, ValueError):
        return None  # past year 9999: no rule should fire on it


def _is_none(expr: Expr) -> bool:
    return isinstance(expr, Literal) and expr.value is None


def _compare(expr: Compare, env: Env) -> bool:
    op = expr.op
    if op in ("==", "!=") and (_is_none(expr.left) or _is_none(expr.right)):
        other = expr.right if _is_none(expr.left) else expr.left
        missing = _value(other, env) is None
        return missing if op == "==" else not missing
    left_expr, right_expr = expr.left, expr.right  # a literal's value read in place
    left = left_expr.value if type(left_expr) is Literal else _value(left_expr, env)
    right = right_expr.value if type(right_expr) is Literal else _value(right_expr, env)
    if left is None or right is None:
        return False
    if op == "==":
        return _equal(left, right) is True
    if op == "!=":
        return _equal(left, right) is False
    if op in ("in", "not in"):
        if not isinstance(right, list | tuple):
            return False
        if op == "in":
            return any(_equal(left, value) is True for value in right if value is not None)
        return all(value is not None and _equal(left, value) is False for value in right)
    order = _order(left, right)
    if order is None:
        return False
    if op == "<":
        return order < 0
    if op == "<=":
        return order <= 0
    if op == ">":
        return order > 0
    return op == ">=" and order >= 0


def _equal(left: object, right: object) -> bool | None:
    """Equality of two single values of the same kind; None when they cannot be compared."""
    if isinstance(left, bool) or isinstance(right, bool):
        return left == right if isinstance(left, bool) and isinstance(right, bool) else None
    if _is_number(left) and _is_number(right):
        return left == right
    dates = _dates(left, right)
    if dates is not None:
        return dates[0] == dates[1]
    if isinstance(left, str) and isinstance(right, str):
        return left == right
    return None


def _order(left: object, right: object) -> int | None:
    """-1, 0 or 1 for two numbers or two dates (ISO strings count as dates); else None."""
    if _is_number(left) and _is_number(right):
        return (left > right) - (left < right)
    pair = _dates(left, right, strings=True)
    if pair is None:
        return None
    a, b = pair
    return (a > b) - (a < b)


def _is_number(value: object) -> TypeGuard[int | float]:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _dates(left: object, right: object, strings: bool = False) -> tuple[dt.date, dt.date] | None:
    """Both as dates when one is a date (or, with `strings`, both are ISO date strings)."""
    if not strings and not (isinstance(left, dt.date) or isinstance(right, dt.date)):
        return None
    a, b = _as_date(left), _as_date(right)
    return (a, b) if a is not None and b is not None else None


def _as_date(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and len(value) == 10:
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def _is_empty(value: object) -> bool:
    return value is None or value == "" or (isinstance(value, list | tuple) and not value)
