"""The checker: catches at load time what would otherwise silently never fire in a workshop.

`check(expr, scope)` raises ExpressionError for unknown or later names, missing fields,
`item.` outside for_each, kind mismatches (a number compared with a string, `in` on a
non-list), option typos (`"csv_uplod"`), and anything that is not a yes/no condition.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field

from esp_wizard.questionnaire.expression.ast import (
    DATE_FUNCTIONS,
    ESTIMATE_NAMES,
    ITEM,
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
    to_source,
)
from esp_wizard.questionnaire.expression.errors import ExpressionError

KINDS = frozenset({"bool", "number", "string", "date", "list", "inventory"})
_ORDERED = frozenset({"number", "date"})
_ISO_DATE = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"
_PLURAL = {"bool": "yes/no values", "number": "numbers", "string": "strings", "date": "dates"}


@dataclass(frozen=True)
class NameType:
    """How an expression sees one question (or one inventory field).

    `options` are the values a choice ("string") or multi_choice ("list") may take, "other"
    included when the question allows it; a sequence keeps its order in messages, a set is
    listed sorted. `fields` describe an inventory's row. `label` (e.g. "choice question
    list_source") names the question in messages.
    """

    kind: str
    options: Collection[str] | None = None
    fields: Mapping[str, NameType] | None = None
    label: str = ""

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown kind {self.kind!r} (one of {', '.join(sorted(KINDS))})")


@dataclass(frozen=True)
class Scope:
    """What a condition may name: `names` (earlier questions, or all for rules and drivers),
    `later` (questions that exist but come after it), `item_fields` (the row's fields under
    for_each, None elsewhere). `today` is always known; `estimate` says whether the timeline
    estimate is (only for finding rules, which are evaluated after the drivers)."""

    names: Mapping[str, NameType]
    later: Collection[str] = frozenset()
    item_fields: Mapping[str, NameType] | None = None
    estimate: bool = False


@dataclass(frozen=True)
class _Type:
    """An operand's kind plus what messages and option checks need."""

    kind: str  # a NameType kind, or "none"
    text: str  # the operand as written
    word: str  # "a number", "a choice", ... for messages
    options: tuple[str, ...] | None = None
    element: _Type | None = None  # for a list: one value of it
    fields: Mapping[str, NameType] | None = None  # for an inventory
    literal: bool = False  # a literal string or number: option and date checks apply
    value: object = None  # the literal's value
    multi: bool = False  # a multi_choice question
    items: tuple[tuple[Expr, _Type], ...] = field(default=())  # a list literal's items
    column: int = 0  # a literal's column: option and date errors point at it


def check(expr: Expr, scope: Scope) -> None:
    """Raise ExpressionError unless `expr` is a well-typed condition over `scope`."""
    _Checker(scope).condition(expr)


class _Checker:
    def __init__(self, scope: Scope) -> None:
        self.scope = scope

    # -- conditions ---------------------------------------------------------------------
    def condition(self, expr: Expr) -> None:
        match expr:
            case BoolOp(operands=operands):
                for operand in operands:
                    self.condition(operand)
            case Not(operand=operand):
                self.condition(operand)
            case Compare():
                self.compare(expr)
            case ListLiteral():
                message = "a list alone is not a condition; use it after 'in', e.g. x in [...]"
                raise ExpressionError(message, expr.column)
            case Literal(value=bool()):
                pass
            case Literal():
                raise ExpressionError(f"{to_source(expr)} alone is not a condition", expr.column)
            case _:
                kind = self.operand(expr)
                if kind.kind != "bool":
                    raise ExpressionError(_not_a_condition(kind), expr.column)

    def compare(self, expr: Compare) -> None:
        if expr.op in ("==", "!="):
            self.equality(expr)
        elif expr.op in ("in", "not in"):
            self.membership(expr)
        else:
            self.ordering(expr)

    def equality(self, expr: Compare) -> None:
        if _is_none(expr.left) or _is_none(expr.right):
            for side in (expr.left, expr.right):
                self.operand(side)
            return
        left, right = self.operand(expr.left), self.operand(expr.right)
        for side, kind, other in ((expr.left, left, right), (expr.right, right, left)):
            if isinstance(side, ListLiteral):
                message = "a list [...] can only come after 'in' or 'not in'"
                raise ExpressionError(message, side.column)
            if kind.kind in ("list", "inventory"):
                raise ExpressionError(_use_in(kind, other, expr.op), expr.column)
        self.comparable(left, right, expr.column)

    def ordering(self, expr: Compare) -> None:
        if _is_none(expr.left) or _is_none(expr.right):
            message = f"'{expr.op}' cannot compare with none; only == none and != none can"
            raise ExpressionError(message, expr.column)
        left, right = self.operand(expr.left), self.operand(expr.right)
        for kind in (left, right):
            if kind.kind in ("list", "inventory"):
                hint = f"; did you mean count({kind.text})?" if kind.fields or kind.multi else ""
                message = f"'{expr.op}' compares numbers or dates, and {kind.text} is {kind.word}"
                raise ExpressionError(message + hint, expr.column)
        self.comparable(left, right, expr.column)
        if left.kind not in _ORDERED and right.kind not in _ORDERED:
            message = f"'{expr.op}' compares numbers or dates, and {left.text} is {left.word}"
            raise ExpressionError(message, expr.column)

    def membership(self, expr: Compare) -> None:
        op = expr.op
        if _is_none(expr.left):
            raise ExpressionError(f"'{op}' cannot test none; use == none", expr.left.column)
        right = self.operand(expr.right)
        if right.kind != "list":
            message = (
                f"'{op}' needs a list on the right (a list [...], a multi_choice or an "
                f"inventory's field), and {right.text} is {right.word}"
            )
            if right.fields:
                example = f"{right.text}.{next(iter(right.fields))}"
                message = f"'{op}' needs a list on the right; name a field of it, e.g. {example}"
            raise ExpressionError(message, expr.right.column)
        left = self.operand(expr.left)
        if left.kind in ("list", "inventory"):
            message = f"'{op}' looks for one value, and {left.text} is {left.word}"
            raise ExpressionError(message, expr.left.column)
        if isinstance(expr.right, ListLiteral):
            for item, kind in right.items:
                self.comparable(left, kind, item.column)
        elif right.element is not None:
            if left.kind != right.element.kind and not _date_and_text(left, right.element):
                plural = _PLURAL.get(right.element.kind, "values")
                message = f"cannot look for {left.text} ({left.word}) in {right.text} ({plural})"
                raise ExpressionError(message, expr.column)
            self.comparable(left, right.element, expr.left.column)

    def comparable(self, left: _Type, right: _Type, column: int) -> None:
        """Two single values may be compared: same kind (or a date and an ISO date string),
        and a string literal set against a choice must be one of its options."""
        if left.kind != right.kind and not _date_and_text(left, right):
            message = f"cannot compare {left.text} ({left.word}) with {right.text} ({right.word})"
            raise ExpressionError(message, column)
        for kind, other in ((left, right), (right, left)):
            if other.literal and isinstance(other.value, str):
                if kind.kind == "date":
                    _iso_date(other.value, other.column or column)
                elif kind.options is not None and other.value not in kind.options:
                    listed = ", ".join(kind.options)
                    message = f"'{other.value}' is not an option of {kind.text} ({listed})"
                    raise ExpressionError(message, other.column or column)

    # -- operands -----------------------------------------------------------------------
    def operand(self, expr: Expr) -> _Type:
        match expr:
            case Literal(value=value):
                return _literal(expr, value)
            case ListLiteral(items=items):
                return self.list_literal(expr, items)
            case Name(name=name):
                return self.name(expr, name)
            case Field():
                return self.field(expr)
            case Call():
                return self.call(expr)
            case DateCall():
                return self.date_call(expr)
            case _:  # a parenthesised condition
                self.condition(expr)
                return _Type("bool", f"({to_source(expr)})", "a condition")

    def list_literal(self, expr: ListLiteral, items: tuple[Expr, ...]) -> _Type:
        typed: list[tuple[Expr, _Type]] = []
        for item in items:
            kind = self.operand(item)
            if kind.kind in ("list", "inventory", "none"):
                what = "none" if kind.kind == "none" else f"{kind.text} ({kind.word})"
                raise ExpressionError(f"a list holds single values, not {what}", item.column)
            typed.append((item, kind))
        return _Type("list", to_source(expr), "a list", items=tuple(typed))

    def name(self, expr: Name, name: str) -> _Type:
        kind = self.scope.names.get(name)
        if kind is not None:
            return _from_name_type(kind, name, label=kind.label)
        if name == TODAY:
            return _Type("date", name, "a date")
        if name in ESTIMATE_NAMES:
            if not self.scope.estimate:
                raise ExpressionError(f"'{name}' {_ESTIMATE_ONLY}", expr.column)
            return _Type("number", name, "a number")
        if name == ITEM:
            if self.scope.item_fields is None:
                raise ExpressionError(_ITEM_ONLY, expr.column)
            example = f"item.{next(iter(self.scope.item_fields), 'name')}"
            message = f"'item' stands for the row only with a field, e.g. {example}"
            raise ExpressionError(message, expr.column)
        if name in self.scope.later:
            raise ExpressionError(f"'{name}' {_LATER}", expr.column)
        close = difflib.get_close_matches(name, list(self.scope.names), n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        raise ExpressionError(f"unknown question '{name}'{hint}", expr.column)

    def field(self, expr: Field) -> _Type:
        if expr.is_item:
            if self.scope.item_fields is None:
                raise ExpressionError(_ITEM_ONLY, expr.base.column)
            fields: Mapping[str, NameType] = self.scope.item_fields
        else:
            base = self.name(expr.base, expr.base.name)
            if base.fields is None:
                message = (
                    f"'{base.text}' is {base.word}, not an inventory: only an inventory "
                    "or item has fields"
                )
                raise ExpressionError(message, expr.base.column)
            fields = base.fields
        kind = fields.get(expr.field)
        if kind is None:
            listed = ", ".join(fields)
            message = f"'{expr.base.name}' has no field '{expr.field}' ({listed})"
            raise ExpressionError(message, expr.column)
        one = _from_name_type(kind, expr.text)
        if expr.is_item:
            return one
        plural = _PLURAL.get(one.kind, "values")
        return _Type("list", expr.text, f"a list of {plural}", element=one)

    def call(self, expr: Call) -> _Type:
        arg, func = expr.arg, expr.func
        kind = self.field(arg) if isinstance(arg, Field) else self.name(arg, arg.name)
        text = to_source(expr)
        if func == "count":
            if isinstance(arg, Field) or not (kind.multi or kind.fields is not None):
                message = (
                    f"count() needs a multi_choice or inventory question, "
                    f"and {kind.text} is {kind.word}"
                )
                raise ExpressionError(message, arg.column)
            return _Type("number", text, "a number")
        if isinstance(arg, Field) and not arg.is_item:
            message = f"{func}() takes a question id or item.field, not {arg.text}"
            raise ExpressionError(message, arg.column)
        if func == "unknown" and isinstance(arg, Field):
            message = "unknown() takes a question id: a row's field is never recorded as don't know"
            raise ExpressionError(message, arg.column)
        return _Type("bool", text, "a condition")

    def date_call(self, expr: DateCall) -> _Type:
        """Each argument of the kind the function takes (a date may be an ISO string)."""
        wanted, result = DATE_FUNCTIONS[expr.func]
        for position, (arg, kind) in enumerate(zip(expr.args, wanted, strict=True), start=1):
            if _is_none(arg):
                message = f"{expr.func}() cannot take none; test the date with answered() instead"
                raise ExpressionError(message, arg.column)
            found = self.operand(arg)
            if found.kind == kind:
                continue
            if kind == "date" and found.kind == "string" and found.literal:
                _iso_date(str(found.value), found.column or arg.column)
                continue
            ordinal = "first" if position == 1 else "second"
            message = (
                f"the {ordinal} value of {expr.func}() must be a {kind}, "
                f"and {found.text} is {found.word}"
            )
            raise ExpressionError(message, getattr(arg, "column", expr.column))
        word = "a date" if result == "date" else "a number"
        return _Type(result, to_source(expr), word)


_ITEM_ONLY = "'item.' is only allowed in a rule with for_each"
_ESTIMATE_ONLY = (
    "is the timeline estimate, known only to finding rules (after the drivers); "
    "a driver or a question's or section's condition cannot name it"
)
_LATER = "comes after this question; a condition can only name earlier questions"


def _is_none(expr: Expr) -> bool:
    return isinstance(expr, Literal) and expr.value is None


def _literal(expr: Literal, value: object) -> _Type:
    text, column = to_source(expr), expr.column
    if value is None:
        return _Type("none", text, "none", literal=True, column=column)
    if isinstance(value, bool):
        return _Type("bool", text, "a yes/no value", literal=True, value=value, column=column)
    if isinstance(value, int | float):
        return _Type("number", text, "a number", literal=True, value=value, column=column)
    return _Type("string", text, "a string", literal=True, value=value, column=column)


def _from_name_type(kind: NameType, text: str, label: str = "") -> _Type:
    options = _ordered(kind.options)
    word = _word(kind)
    if kind.kind == "list":
        element = _Type("string", text, "a choice", options=options)
        return _Type("list", text, word, options=options, element=element, multi=True)
    if kind.kind == "inventory":
        return _Type("inventory", text, word, fields=kind.fields or {})
    return _Type(kind.kind, text, word, options=options if kind.kind == "string" else None)


def _word(kind: NameType) -> str:
    if kind.kind == "string":
        return "a text" if kind.options is None else "a choice"
    return {
        "bool": "a yes/no question",
        "number": "a number",
        "date": "a date",
        "list": "a multi_choice",
        "inventory": "an inventory",
    }[kind.kind]


def _ordered(options: Collection[str] | None) -> tuple[str, ...] | None:
    if options is None:
        return None
    if isinstance(options, set | frozenset):
        return tuple(sorted(options))
    return tuple(options)


def _date_and_text(left: _Type, right: _Type) -> bool:
    """A date may be compared with a string literal (checked to be an ISO date)."""
    return {left.kind, right.kind} == {"date", "string"} and (
        (left.kind == "string" and left.literal) or (right.kind == "string" and right.literal)
    )


def _iso_date(text: str, column: int) -> None:
    try:
        if re.fullmatch(_ISO_DATE, text):
            dt.date.fromisoformat(text)
            return
    except ValueError:
        pass
    message = f"'{text}' is not a date; write dates as YYYY-MM-DD, e.g. \"2025-01-31\""
    raise ExpressionError(message, column)


def _example_option(kind: _Type) -> str:
    options = [o for o in kind.options or () if o != "other"] or list(kind.options or ("...",))
    return options[0]


def _use_in(kind: _Type, other: _Type, op: str) -> str:
    """`multi == "x"` is almost always meant as `"x" in multi`: say so."""
    if kind.kind == "inventory":
        return f"{kind.text} is an inventory: compare count({kind.text}) or one of its fields"
    scalar = other.kind not in ("list", "inventory", "none")
    value = other.text if scalar else f'"{_example_option(kind)}"'
    negated = "not in" if op == "!=" else "in"
    return f"{kind.text} is {kind.word}: to test one value, write {value} {negated} {kind.text}"


def _not_a_condition(kind: _Type) -> str:
    """A bare non-yes/no name: say what it is and how to turn it into a condition."""
    name = kind.text
    match kind.kind:
        case "number":
            return f"{name} is a number: compare it, e.g. {name} > 0"
        case "string" if kind.options is not None:
            example = _example_option(kind)
            return f'{name} is a choice: compare it, e.g. {name} == "{example}"'
        case "string":
            return f"{name} is a text: test it with answered({name}) or compare it"
        case "date":
            return f'{name} is a date: compare it, e.g. {name} >= "2025-01-01"'
        case "list" if kind.multi:
            example = _example_option(kind)
            return f'{name} is a multi_choice: test a value, e.g. "{example}" in {name}'
        case "list":
            return f"{name} is {kind.word}: test a value with 'in', e.g. ... in {name}"
        case "inventory":
            return f"{name} is an inventory: count its rows, e.g. count({name}) > 0"
    return f"{name} is not a condition"
