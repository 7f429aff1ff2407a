"""Load a questionnaire file: TOML syntax, then structure (pydantic), then cross-checks.

Every problem becomes one line for a person: `file:line: readable › path: what is wrong`.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from esp_wizard.errors import FileProblems, Problem
from esp_wizard.i18n import N_, _
from esp_wizard.questionnaire import model as m
from esp_wizard.questionnaire.kinds import FIELD_TYPES, MODELS, QUESTION_TYPES
from esp_wizard.questionnaire.kinds.base import QUESTION_ID, Option
from esp_wizard.questionnaire.limits import raw_problems
from esp_wizard.tomlfile import (
    Loc,
    describe,
    listed,
    parse_toml,
    read_toml,
    show,
    validation_problems,
)
from esp_wizard.tomllocate import LineIndex


def load_questionnaire(path: str | Path) -> m.Questionnaire:
    """Read and check a questionnaire file; raises FileProblems listing every problem."""
    text, data = read_toml(Path(path), str(path))
    return parse_questionnaire(text, str(path), data)


def parse_questionnaire(
    text: str, file: str = "<questionnaire>", data: dict[str, Any] | None = None
) -> m.Questionnaire:
    """Check a questionnaire's text; `file` is only used in messages; `data` is the text
    already parsed by `read_toml` (each file is parsed once)."""
    from esp_wizard.questionnaire.checks import check_questionnaire

    data = parse_toml(text, file) if data is None else data
    if found := raw_problems(data):  # booleans where numbers go, before pydantic takes them
        index = LineIndex(text)
        raise FileProblems(file, [_located(file, index, data, p) for p in found])
    try:
        questionnaire = m.Questionnaire.model_validate(data)
    except ValidationError as error:
        problems = validation_problems(file, text, data, error, readable_path, _message, 1)
        raise FileProblems(file, problems) from None
    if found := check_questionnaire(questionnaire):  # lines are indexed only for problems
        index = LineIndex(text)
        raise FileProblems(file, _unique([_located(file, index, data, p) for p in found]))
    questionnaire._source = text
    questionnaire._path = file
    questionnaire._hash = content_hash(text)
    return questionnaire


def _located(file: str, index: LineIndex, data: Any, found: tuple[Any, str]) -> Problem:
    path, message = found
    return Problem(file, index.line_of(path, data), readable_path(path, data), message)


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def readable_path(loc: tuple[str | int, ...], data: Any) -> str:
    """`sections.0.questions.3.when` becomes `sections › lists › question list_source › when`."""
    parts: list[str] = []
    parent_key = ""
    node = data
    for step in loc:
        if isinstance(step, int):
            element = node[step] if isinstance(node, list) and 0 <= step < len(node) else None
            name = _element_name(parent_key, element, step)
            if parent_key in _SINGULAR and not name.startswith("#"):
                parts.pop()  # "questions › question list_source" reads as "question list_source"
            parts.append(name)
        else:
            parts.append(step)
            parent_key = step
        node = _child(node, step)
    return " › ".join(parts)


_SINGULAR = {"questions": "question", "fields": "field", "options": "option"}


def _element_name(key: str, element: Any, index: int) -> str:
    if isinstance(element, dict):
        name = element.get("id") if key != "options" else element.get("value")
        if isinstance(name, str) and name:
            return f"{_SINGULAR.get(key, '')} {name}".strip()
    return f"#{index + 1}"


def _child(node: Any, step: str | int) -> Any:
    if isinstance(node, dict) and isinstance(step, str):
        return node.get(step)
    if isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node):
        return node[step]
    return None


def _message(loc: Loc, errors: list[ErrorDetails], data: Any) -> str:
    """The questionnaire's own wording first; the rest as every TOML file of ours reads.
    Of the errors of a value no member of a union took, the widest type's (the last) says it."""
    error = errors[-1]
    kind, value, ctx = error["type"], error.get("input"), error.get("ctx") or {}
    if kind == "union_tag_invalid":
        expected = listed(ctx.get("expected_tags", ""))
        message = _("type: {value} is not one of {expected}")
        return message.format(value=show(ctx.get("tag")), expected=expected)
    if kind == "union_tag_not_found":
        allowed = ", ".join(FIELD_TYPES if "fields" in loc else QUESTION_TYPES)
        return _("type: missing (required; one of {allowed})").format(allowed=allowed)
    if kind in ("greater_than_equal", "less_than_equal") and loc and loc[-1] in _SCORES:
        return _("must be from 1 to 5, got {value}").format(value=show(value))
    if kind == "string_pattern_mismatch":
        name = _pattern_name(ctx.get("pattern", ""))
        return _("{value} is not a valid {name}").format(value=show(value), name=name)
    if kind == "too_short" and isinstance(value, list):
        return _("must not be empty")
    return describe(error, _allowed_keys(loc[:-1], data))


def _pattern_name(pattern: str) -> str:
    names = {
        QUESTION_ID: N_("id: use lowercase letters, digits and _, starting with a letter"),
        m.KEBAB_ID: N_("id: use lowercase letters, digits and -, starting with a letter"),
        m.RULE_ID: N_("id: use lowercase letters, digits, - and _, starting with a letter"),
        m.LANGUAGE_TAG: N_("language tag (e.g. en, fr, pt-BR)"),
        r"^\S+$": N_("value: no spaces"),
    }
    if pattern in names:
        return _(names[pattern])
    return _("value (pattern {pattern})").format(pattern=pattern)


def _allowed_keys(loc: tuple[str | int, ...], data: Any) -> list[str]:
    model = _model_at(loc, data)
    return list(model.model_fields) if model else []


_SCORES = ("severity", "impact", "effort")

_LIST_MODELS: dict[str, type[BaseModel]] = {
    "sections": m.Section,
    "findings": m.FindingRule,
    "drivers": m.Driver,
    "options": Option,
}


def _model_at(loc: tuple[str | int, ...], data: Any) -> type[BaseModel] | None:
    """Which model describes the table at `loc` (for listing its allowed keys)."""
    if not loc:
        return m.Questionnaire
    node = data
    for step in loc:
        node = _child(node, step)
    key = next((s for s in reversed(loc) if isinstance(s, str)), "")
    if key in ("questions", "fields") and isinstance(node, dict):
        return MODELS.get(str(node.get("type")))
    return _LIST_MODELS.get(key)


def _unique(problems: list[Problem]) -> list[Problem]:
    seen: set[str] = set()
    unique = []
    for problem in problems:
        if str(problem) not in seen:
            seen.add(str(problem))
            unique.append(problem)
    return sorted(unique, key=lambda p: p.line or 0)
