"""Reading TOML files that people write (questionnaires, sessions): one-line problems.

Both kinds of file share what can go wrong before their own checks start (missing,
unreadable, not UTF-8, TOML syntax) and how a pydantic error reads for a person.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from esp_wizard.errors import FileProblems, Problem

_TOML_POSITION = re.compile(r"^(.*) \(at line (\d+), column (\d+)\)$")
_EXPECTED = {
    "string": "text",
    "int": "a whole number",
    "float": "a number",
    "bool": "true or false",
    "date": "a date",
    "datetime": "a date and time (UTC)",
    "list": "a list",
    "dict": "a table",
    "model": "a table",
}


def read_toml(path: Path, shown: str) -> tuple[str, dict[str, Any]]:
    """The file's text and data; FileProblems naming `shown` (and the line) otherwise."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise _problem(shown, None, "file not found") from None
    except OSError as error:
        raise _problem(shown, None, f"cannot be read ({error.strerror or error})") from None
    try:
        text = raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        raise _problem(shown, None, f"not UTF-8 text ({error.reason})") from None
    return text, parse_toml(text, shown)


def parse_toml(text: str, shown: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        match = _TOML_POSITION.match(str(error))
        if match:
            what, line, column = match.group(1), int(match.group(2)), match.group(3)
            raise _problem(shown, line, f"TOML syntax (column {column}): {lower(what)}") from None
        raise _problem(shown, None, f"TOML syntax: {lower(str(error))}") from None


def _problem(shown: str, line: int | None, message: str) -> FileProblems:
    return FileProblems(shown, [Problem(shown, line, "", message)])


def describe(error: Any, allowed_keys: list[str]) -> str:
    """A pydantic error (one item of `errors()`) as a person reads it."""
    kind, value, ctx = error["type"], error.get("input"), error.get("ctx") or {}
    if kind == "missing":
        return "missing (required)"
    if kind == "extra_forbidden":
        hint = f" (allowed: {', '.join(allowed_keys)})" if allowed_keys else ""
        return f"unknown key{hint}"
    if kind in ("literal_error", "enum"):
        return f"{show(value)} is not one of {listed(str(ctx.get('expected', '')))}"
    if kind in ("greater_than_equal", "greater_than"):
        return f"must be at least {ctx.get('ge', ctx.get('gt'))}, got {show(value)}"
    if kind in ("less_than_equal", "less_than"):
        return f"must be at most {ctx.get('le', ctx.get('lt'))}, got {show(value)}"
    if kind == "finite_number":
        return f"must be a finite number, got {show(value)}"
    if kind == "value_error":
        return lower(str(error["msg"]).removeprefix("Value error, "))
    head = kind.split("_")[0]
    if (kind.endswith("_type") or kind.endswith("_parsing")) and head in _EXPECTED:
        return f"expected {_EXPECTED[head]}, got {show(value)}"
    return f"{lower(str(error['msg']))}, got {show(value)}"


def listed(expected: str) -> str:
    """pydantic's `'a', 'b' or 'c'` as `a, b, c`."""
    return ", ".join(v.strip("' ") for v in re.split(r",| or ", expected) if v.strip("' "))


def show(value: Any) -> str:
    """A value as it would be written in the file, cut short."""
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return "true" if value else "false"
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 60 else text[:57] + "…"


def lower(text: str) -> str:
    return text[:1].lower() + text[1:]
