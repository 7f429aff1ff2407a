"""The syntax tree of an expression: small frozen dataclasses, parsed once at load.

`column` (1-based) is where an error about the node points: the start of a literal, name,
list, call or `not`, the operator of a comparison or of `and`/`or`, and the field name of a
`Field` (its base has its own column). It is left out of equality, so two trees built from
differently spaced text compare equal.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from dataclasses import field as dc_field
from decimal import Decimal
from typing import Literal as Choice
from typing import TypeAlias

Value: TypeAlias = str | int | float | bool | None
CompareOp: TypeAlias = Choice["==", "!=", "<", "<=", ">", ">=", "in", "not in"]
FUNCTIONS = ("answered", "unknown", "count")
# Date arithmetic: (name, argument kinds, result kind). Two arguments each, checked at load.
DATE_FUNCTIONS: dict[str, tuple[tuple[str, str], str]] = {
    "add_months": (("date", "number"), "date"),
    "sub_months": (("date", "number"), "date"),
    "add_days": (("date", "number"), "date"),
    "sub_days": (("date", "number"), "date"),
    "months_between": (("date", "date"), "number"),
    "days_between": (("date", "date"), "number"),
}
ITEM = "item"  # `item.field`: the current row under for_each
TODAY = "today"  # the date the answers are judged on (the session's or the report's date)
# The timeline estimate in months, known only to finding rules (evaluated after drivers).
ESTIMATE_LOW = "estimate_low_months"
ESTIMATE_HIGH = "estimate_high_months"
ESTIMATE_NAMES = (ESTIMATE_LOW, ESTIMATE_HIGH)
BUILTIN_NAMES = (TODAY, *ESTIMATE_NAMES)


@dataclass(frozen=True)
class Literal:
    value: Value  # a string, int, float, bool or None (`none`)
    column: int = dc_field(default=0, compare=False)


@dataclass(frozen=True)
class ListLiteral:
    items: tuple[Expr, ...]
    column: int = dc_field(default=0, compare=False)


@dataclass(frozen=True)
class Name:
    name: str  # a question id (or `item`, only as the base of a Field)
    column: int = dc_field(default=0, compare=False)


@dataclass(frozen=True)
class Field:
    base: Name  # an inventory question, or `item` for the row under for_each
    field: str
    column: int = dc_field(default=0, compare=False)

    @property
    def is_item(self) -> bool:
        return self.base.name == ITEM

    @property
    def text(self) -> str:
        return f"{self.base.name}.{self.field}"


@dataclass(frozen=True)
class Call:
    func: str  # one of FUNCTIONS
    arg: Name | Field
    column: int = dc_field(default=0, compare=False)


@dataclass(frozen=True)
class DateCall:
    """`add_months(contract_end, 3)`, `months_between(today, go_live)`: see DATE_FUNCTIONS."""

    func: str
    args: tuple[Expr, ...]
    column: int = dc_field(default=0, compare=False)


@dataclass(frozen=True)
class Not:
    operand: Expr
    column: int = dc_field(default=0, compare=False)


@dataclass(frozen=True)
class BoolOp:
    """`and` / `or` over two or more operands: flat, so long chains never recurse deeply."""

    op: Choice["and", "or"]
    operands: tuple[Expr, ...]
    column: int = dc_field(default=0, compare=False)


@dataclass(frozen=True)
class Compare:
    op: CompareOp
    left: Expr
    right: Expr
    column: int = dc_field(default=0, compare=False)


Expr: TypeAlias = Literal | ListLiteral | Name | Field | Call | DateCall | Not | BoolOp | Compare

_ESCAPE = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n"})


def to_source(expr: Expr) -> str:
    """Write a tree back as text that parses to an equal tree (fully parenthesised)."""
    match expr:
        case Literal(value=None):
            return "none"
        case Literal(value=bool() as flag):
            return "true" if flag else "false"
        case Literal(value=str() as text):
            return f'"{text.translate(_ESCAPE)}"'
        case Literal(value=float() as number):
            text = format(Decimal(repr(number)), "f")
            return text if "." in text else f"{text}.0"
        case Literal(value=value):
            return str(value)
        case ListLiteral(items=items):
            return "[" + ", ".join(_wrapped(item) for item in items) + "]"
        case Name(name=name):
            return name
        case Field():
            return expr.text
        case Call(func=func, arg=arg):
            return f"{func}({to_source(arg)})"
        case DateCall(func=func, args=args):
            return f"{func}(" + ", ".join(_wrapped(a) for a in args) + ")"
        case Not(operand=operand):
            return f"not {_wrapped(operand)}"
        case BoolOp(op=op, operands=operands):
            return f" {op} ".join(_wrapped(o) for o in operands)
        case Compare(op=op, left=left, right=right):
            return f"{_wrapped(left)} {op} {_wrapped(right)}"
    raise TypeError(f"not an expression: {expr!r}")


def _wrapped(expr: Expr) -> str:
    text = to_source(expr)
    return f"({text})" if isinstance(expr, Not | BoolOp | Compare) else text


def walk(expr: Expr) -> Iterator[Expr]:
    """Every node of a tree, parents first (iterative: any depth is fine)."""
    stack: list[Expr] = [expr]
    while stack:
        node = stack.pop()
        yield node
        match node:
            case ListLiteral(items=children) | BoolOp(operands=children) | DateCall(args=children):
                stack.extend(reversed(children))
            case Not(operand=child):
                stack.append(child)
            case Compare(left=left, right=right):
                stack.extend((right, left))
            case Call(arg=child):
                stack.append(child)
            case Field(base=child) if not node.is_item:
                stack.append(child)


def names(expr: Expr) -> set[str]:
    """The question ids an expression names (`systems.kind` names systems; `item.x` none;
    `today` and the estimate are not questions): the evidence behind a finding."""
    return {
        node.name
        for node in walk(expr)
        if isinstance(node, Name) and node.name not in BUILTIN_NAMES
    }


def builtins_used(expr: Expr) -> set[str]:
    """The built-in names (`today`, the estimate) an expression uses."""
    return {n.name for n in walk(expr) if isinstance(n, Name) and n.name in BUILTIN_NAMES}


def item_fields(expr: Expr) -> set[str]:
    """The fields of the row under for_each that an expression names (`item.owner` -> owner)."""
    return {node.field for node in walk(expr) if isinstance(node, Field) and node.is_item}
