"""esp-wizard's own small expression language for `when` conditions: parse once at load,
check against the questionnaire, evaluate against a session. Nothing reaches Python's eval."""

from __future__ import annotations

from esp_wizard.questionnaire.expression.ast import Expr, item_fields, names, to_source
from esp_wizard.questionnaire.expression.errors import ExpressionError
from esp_wizard.questionnaire.expression.evaluate import Env, MappingEnv, evaluate
from esp_wizard.questionnaire.expression.parser import parse
from esp_wizard.questionnaire.expression.types import NameType, Scope, check

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
