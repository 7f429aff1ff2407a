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

from esp_wizard.i18n import N_, _
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
from esp_wizard.questionnaire.expression.name_type import NameType

_ORDERED = frozenset({"number", "date"})
_ISO_DATE = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"
# What an operand is, as a noun phrase with its article: each message places it whole
# ("{name} is {kind}", "({kind})"), so a translator writes it once with its gender.
_WORDS = {
    "bool": N_("a yes/no question"),
    "number": N_("a number"),
    "date": N_("a date"),
    "list": N_("a multi_choice"),
    "inventory": N_("an inventory"),
}
# The values a list holds, for "cannot look for x (a number) in y (strings)".
_PLURAL = {
    "bool": N_("yes/no values"),
    "number": N_("numbers"),
    "string": N_("strings"),
    "date": N_("dates"),
}
_LIST_OF = {
    "bool": N_("a list of yes/no values"),
    "number": N_("a list of numbers"),
    "string": N_("a list of strings"),
    "date": N_("a list of dates"),
}


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
                message = _("a list alone is not a condition; use it after 'in', e.g. x in [...]")
                raise ExpressionError(message, expr.column)
            case Literal(value=bool()):
                pass
            case Literal():
                message = _("{value} alone is not a condition").format(value=to_source(expr))
                raise ExpressionError(message, expr.column)
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
                message = _("a list [...] can only come after 'in' or 'not in'")
                raise ExpressionError(message, side.column)
            if kind.kind in ("list", "inventory"):
                raise ExpressionError(_use_in(kind, other, expr.op), expr.column)
        self.comparable(left, right, expr.column)

    def ordering(self, expr: Compare) -> None:
        op = expr.op
        if _is_none(expr.left) or _is_none(expr.right):
            message = _("'{op}' cannot compare with none; only == none and != none can")
            raise ExpressionError(message.format(op=op), expr.column)
        left, right = self.operand(expr.left), self.operand(expr.right)
        for kind in (left, right):
            if kind.kind in ("list", "inventory"):
                if kind.fields or kind.multi:
                    message = _(
                        "'{op}' compares numbers or dates, and {name} is {kind}; "
                        "did you mean count({name})?"
                    )
                else:
                    message = _("'{op}' compares numbers or dates, and {name} is {kind}")
                message = message.format(op=op, name=kind.text, kind=kind.word)
                raise ExpressionError(message, expr.column)
        self.comparable(left, right, expr.column)
        if left.kind not in _ORDERED and right.kind not in _ORDERED:
            message = _("'{op}' compares numbers or dates, and {name} is {kind}")
            message = message.format(op=op, name=left.text, kind=left.word)
            raise ExpressionError(message, expr.column)

    def membership(self, expr: Compare) -> None:
        op = expr.op
        if _is_none(expr.left):
            message = _("'{op}' cannot test none; use == none").format(op=op)
            raise ExpressionError(message, expr.left.column)
        right = self.operand(expr.right)
        if right.kind != "list":
            if right.fields:
                example = f"{right.text}.{next(iter(right.fields))}"
                message = _("'{op}' needs a list on the right; name a field of it, e.g. {example}")
                message = message.format(op=op, example=example)
            else:
                message = _(
                    "'{op}' needs a list on the right (a list [...], a multi_choice or an "
                    "inventory's field), and {name} is {kind}"
                ).format(op=op, name=right.text, kind=right.word)
            raise ExpressionError(message, expr.right.column)
        left = self.operand(expr.left)
        if left.kind in ("list", "inventory"):
            message = _("'{op}' looks for one value, and {name} is {kind}")
            message = message.format(op=op, name=left.text, kind=left.word)
            raise ExpressionError(message, expr.left.column)
        if isinstance(expr.right, ListLiteral):
            for item, kind in right.items:
                self.comparable(left, kind, item.column)
        elif right.element is not None:
            if left.kind != right.element.kind and not _date_and_text(left, right.element):
                plural = _PLURAL.get(right.element.kind, N_("values"))
                message = _("cannot look for {value} ({kind}) in {name} ({kinds})").format(
                    value=left.text, kind=left.word, name=right.text, kinds=_(plural)
                )
                raise ExpressionError(message, expr.column)
            self.comparable(left, right.element, expr.left.column)

    def comparable(self, left: _Type, right: _Type, column: int) -> None:
        """Two single values may be compared: same kind (or a date and an ISO date string),
        and a string literal set against a choice must be one of its options."""
        if left.kind != right.kind and not _date_and_text(left, right):
            message = _("cannot compare {left} ({left_kind}) with {right} ({right_kind})").format(
                left=left.text, left_kind=left.word, right=right.text, right_kind=right.word
            )
            raise ExpressionError(message, column)
        for kind, other in ((left, right), (right, left)):
            if other.literal and isinstance(other.value, str):
                if kind.kind == "date":
                    _iso_date(other.value, other.column or column)
                elif kind.options is not None and other.value not in kind.options:
                    message = _("'{value}' is not an option of {name} ({options})").format(
                        value=other.value, name=kind.text, options=", ".join(kind.options)
                    )
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
                return _Type("bool", f"({to_source(expr)})", _("a condition"))

    def list_literal(self, expr: ListLiteral, items: tuple[Expr, ...]) -> _Type:
        typed: list[tuple[Expr, _Type]] = []
        for item in items:
            kind = self.operand(item)
            if kind.kind == "none":
                raise ExpressionError(_("a list holds single values, not none"), item.column)
            if kind.kind in ("list", "inventory"):
                message = _("a list holds single values, not {value} ({kind})")
                message = message.format(value=kind.text, kind=kind.word)
                raise ExpressionError(message, item.column)
            typed.append((item, kind))
        return _Type("list", to_source(expr), _("a list"), items=tuple(typed))

    def name(self, expr: Name, name: str) -> _Type:
        kind = self.scope.names.get(name)
        if kind is not None:
            return _from_name_type(kind, name, label=kind.label)
        if name == TODAY:
            return _Type("date", name, _("a date"))
        if name in ESTIMATE_NAMES:
            if not self.scope.estimate:
                raise ExpressionError(_estimate_only(name), expr.column)
            return _Type("number", name, _("a number"))
        if name == ITEM:
            if self.scope.item_fields is None:
                raise ExpressionError(_item_only(), expr.column)
            example = f"item.{next(iter(self.scope.item_fields), 'name')}"
            message = _("'item' stands for the row only with a field, e.g. {example}")
            raise ExpressionError(message.format(example=example), expr.column)
        if name in self.scope.later:
            message = _(
                "'{name}' comes after this question; a condition can only name earlier questions"
            )
            raise ExpressionError(message.format(name=name), expr.column)
        close = difflib.get_close_matches(name, list(self.scope.names), n=1)
        if close:
            message = _("unknown question '{name}' (did you mean '{close}'?)")
            raise ExpressionError(message.format(name=name, close=close[0]), expr.column)
        message = _("unknown question '{name}'").format(name=name)
        raise ExpressionError(message, expr.column)

    def field(self, expr: Field) -> _Type:
        if expr.is_item:
            if self.scope.item_fields is None:
                raise ExpressionError(_item_only(), expr.base.column)
            fields: Mapping[str, NameType] = self.scope.item_fields
        else:
            base = self.name(expr.base, expr.base.name)
            if base.fields is None:
                message = _(
                    "'{name}' is {kind}, not an inventory: only an inventory or item has fields"
                ).format(name=base.text, kind=base.word)
                raise ExpressionError(message, expr.base.column)
            fields = base.fields
        kind = fields.get(expr.field)
        if kind is None:
            message = _("'{name}' has no field '{field}' ({fields})").format(
                name=expr.base.name, field=expr.field, fields=", ".join(fields)
            )
            raise ExpressionError(message, expr.column)
        one = _from_name_type(kind, expr.text)
        if expr.is_item:
            return one
        word = _(_LIST_OF[one.kind]) if one.kind in _LIST_OF else _("a list of values")
        return _Type("list", expr.text, word, element=one)

    def call(self, expr: Call) -> _Type:
        arg, func = expr.arg, expr.func
        kind = self.field(arg) if isinstance(arg, Field) else self.name(arg, arg.name)
        text = to_source(expr)
        if func == "count":
            if isinstance(arg, Field) or not (kind.multi or kind.fields is not None):
                message = _(
                    "count() needs a multi_choice or inventory question, and {name} is {kind}"
                ).format(name=kind.text, kind=kind.word)
                raise ExpressionError(message, arg.column)
            return _Type("number", text, _("a number"))
        if isinstance(arg, Field) and not arg.is_item:
            message = _("{function}() takes a question id or item.field, not {text}")
            raise ExpressionError(message.format(function=func, text=arg.text), arg.column)
        if func == "unknown" and isinstance(arg, Field):
            message = _(
                "unknown() takes a question id: a row's field is never recorded as don't know"
            )
            raise ExpressionError(message, arg.column)
        return _Type("bool", text, _("a condition"))

    def date_call(self, expr: DateCall) -> _Type:
        """Each argument of the kind the function takes (a date may be an ISO string)."""
        wanted, result = DATE_FUNCTIONS[expr.func]
        for position, (arg, kind) in enumerate(zip(expr.args, wanted, strict=True), start=1):
            if _is_none(arg):
                message = _("{function}() cannot take none; test the date with answered() instead")
                raise ExpressionError(message.format(function=expr.func), arg.column)
            found = self.operand(arg)
            if found.kind == kind:
                continue
            if kind == "date" and found.kind == "string" and found.literal:
                _iso_date(str(found.value), found.column or arg.column)
                continue
            if position == 1:
                message = _(
                    "the first value of {function}() must be {wanted}, and {text} is {kind}"
                )
            else:
                message = _(
                    "the second value of {function}() must be {wanted}, and {text} is {kind}"
                )
            message = message.format(
                function=expr.func, wanted=_(_WORDS[kind]), text=found.text, kind=found.word
            )
            raise ExpressionError(message, getattr(arg, "column", expr.column))
        return _Type(result, to_source(expr), _(_WORDS[result]))


def _item_only() -> str:
    return _("'item.' is only allowed in a rule with for_each")


def _estimate_only(name: str) -> str:
    return _(
        "'{name}' is the timeline estimate, known only to finding rules (after the drivers); "
        "a driver or a question's or section's condition cannot name it"
    ).format(name=name)


def _is_none(expr: Expr) -> bool:
    return isinstance(expr, Literal) and expr.value is None


def _literal(expr: Literal, value: object) -> _Type:
    text, column = to_source(expr), expr.column
    if value is None:
        return _Type("none", text, "none", literal=True, column=column)
    if isinstance(value, bool):
        return _Type("bool", text, _("a yes/no value"), literal=True, value=value, column=column)
    if isinstance(value, int | float):
        return _Type("number", text, _("a number"), literal=True, value=value, column=column)
    return _Type("string", text, _("a string"), literal=True, value=value, column=column)


def _from_name_type(kind: NameType, text: str, label: str = "") -> _Type:
    options = _ordered(kind.options)
    word = _word(kind)
    if kind.kind == "list":
        element = _Type("string", text, _("a choice"), options=options)
        return _Type("list", text, word, options=options, element=element, multi=True)
    if kind.kind == "inventory":
        return _Type("inventory", text, word, fields=kind.fields or {})
    return _Type(kind.kind, text, word, options=options if kind.kind == "string" else None)


def _word(kind: NameType) -> str:
    if kind.kind == "string":
        return _("a text") if kind.options is None else _("a choice")
    return _(_WORDS[kind.kind])


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
    message = _("'{text}' is not a date; write dates as YYYY-MM-DD, e.g. \"2025-01-31\"")
    raise ExpressionError(message.format(text=text), column)


def _example_option(kind: _Type) -> str:
    options = [o for o in kind.options or () if o != "other"] or list(kind.options or ("...",))
    return options[0]


def _use_in(kind: _Type, other: _Type, op: str) -> str:
    """`multi == "x"` is almost always meant as `"x" in multi`: say so."""
    if kind.kind == "inventory":
        message = _("{name} is an inventory: compare count({name}) or one of its fields")
        return message.format(name=kind.text)
    scalar = other.kind not in ("list", "inventory", "none")
    value = other.text if scalar else f'"{_example_option(kind)}"'
    if op == "!=":
        message = _("{name} is {kind}: to test one value, write {value} not in {name}")
    else:
        message = _("{name} is {kind}: to test one value, write {value} in {name}")
    return message.format(name=kind.text, kind=kind.word, value=value)


def _not_a_condition(kind: _Type) -> str:
    """A bare non-yes/no name: say what it is and how to turn it into a condition."""
    name = kind.text
    match kind.kind:
        case "number":
            message = _("{name} is a number: compare it, e.g. {name} > 0")
        case "string" if kind.options is not None:
            message = _('{name} is a choice: compare it, e.g. {name} == "{example}"')
        case "string":
            message = _("{name} is a text: test it with answered({name}) or compare it")
        case "date":
            message = _('{name} is a date: compare it, e.g. {name} >= "2025-01-01"')
        case "list" if kind.multi:
            message = _('{name} is a multi_choice: test a value, e.g. "{example}" in {name}')
        case "list":
            message = _("{name} is {kind}: test a value with 'in', e.g. ... in {name}")
        case "inventory":
            message = _("{name} is an inventory: count its rows, e.g. count({name}) > 0")
        case _:
            message = _("{name} is not a condition")
    example = _example_option(kind) if kind.options is not None else ""
    return message.format(name=name, kind=kind.word, example=example)
