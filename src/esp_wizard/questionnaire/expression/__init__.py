"""esp-wizard's own small expression language for `when` conditions: parse once at load,
check against the questionnaire, evaluate against a session. Nothing reaches Python's eval.

The parser and the checker are imported at their first use: a resumed interview whose
questionnaire copy was checked earlier holds its conditions parsed, and only evaluates them
(the lexer, parser and checker cost ~10 ms of imports before its first question).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

from esp_wizard.questionnaire.expression.ast import Expr, item_fields, names, to_source
from esp_wizard.questionnaire.expression.errors import ExpressionError
from esp_wizard.questionnaire.expression.evaluate import Env, MappingEnv, evaluate
from esp_wizard.questionnaire.expression.name_type import NameType

if TYPE_CHECKING:
    from esp_wizard.questionnaire.expression.parser import parse
    from esp_wizard.questionnaire.expression.types import Scope, check

_LATER = {"parse": "parser", "Scope": "types", "check": "types"}  # name -> its module


def __getattr__(name: str) -> object:
    """`parse`, `check` and `Scope`, their module imported on first use."""
    if name in _LATER:
        value = getattr(import_module(f"{__name__}.{_LATER[name]}"), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "Env",
    "Expr",
    "ExpressionError",
    "MappingEnv",
    "NameType",
    "Scope",
    "check",
    "evaluate",
    "item_fields",
    "names",
    "parse",
    "to_source",
]
