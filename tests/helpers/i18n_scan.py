"""What the two static nets over the source (test_i18n_unmarked.py for the faces,
test_i18n_core_unmarked.py for the core) agree a message is: one reading of the AST, so a
way of writing English that one net learns to see, the other sees too."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
SRC = ROOT / "src" / "esp_wizard"


def called(node: ast.Call) -> str:
    """The name a call is made by: `f(...)` -> "f", `obj.method(...)` -> "method"."""
    func = node.func
    return func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")


def literal_text(node: ast.AST | None) -> str | None:
    """The text of `node` when it is written out in the code (a literal, an f-string, a
    concatenation, a %-format, a choice of two, `.format()` on one of them), with `{}` for
    each value put in; None when it is marked (`_()`, `N_()`, `ngettext()`) or computed."""
    match node:
        case ast.Call(func=ast.Attribute(attr="format", value=value)):
            return literal_text(value)
        case ast.Constant(value=str() as text):
            return text
        case ast.JoinedStr(values=values):
            return "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in values)
        case ast.BinOp(op=ast.Add() | ast.Mod(), left=left, right=right):
            parts = [literal_text(left), literal_text(right)]
            return "".join(p for p in parts if p) or None
        case ast.IfExp(body=body, orelse=orelse):
            parts = [literal_text(body), literal_text(orelse)]
            return " | ".join(p for p in parts if p) or None
    return None
