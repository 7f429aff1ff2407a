"""Reading TOML files that people write (questionnaires, sessions): one-line problems.

Both kinds of file share what can go wrong before their own checks start (missing,
unreadable, not UTF-8, TOML syntax) and how a pydantic error reads for a person.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import re
import stat
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import tomli

from esp_wizard.errors import FileProblems, Problem
from esp_wizard.i18n import N_, _, ngettext
from esp_wizard.reasons import decode_reason, os_reason, toml_reason
from esp_wizard.tomllocate import LineIndex, has_step

if TYPE_CHECKING:  # not imported at run time: a listing reads TOML without pydantic
    from pydantic import ValidationError
    from pydantic_core import ErrorDetails

Loc = tuple[str | int, ...]

_TOML_POSITION = re.compile(r"^(.*) \(at line (\d+), column (\d+)\)$", re.S)
_TOML_AT_END = re.compile(r"^(.*) \(at end of document\)$", re.S)
_EXPECTED = {
    "string": N_("text"),
    "int": N_("a whole number"),
    "float": N_("a number"),
    "bool": N_("true or false"),
    "date": N_("a date"),
    "datetime": N_("a date and time (UTC)"),
    "list": N_("a list"),
    "dict": N_("a table"),
    "model": N_("a table"),
}


MAX_FILE_BYTES = 32 * 1024 * 1024  # a session with a year of notes is well under 1 MB
MAX_DEPTH = 32  # tables and lists inside each other; our formats need 5
MAX_INT = 2**63 - 1  # TOML's integers are 64-bit; beyond, float() and friends may overflow
MIN_INT = -(2**63)


def read_toml(path: Path, shown: str, *, limits: bool = True) -> tuple[str, dict[str, Any]]:
    """The file's text and data; FileProblems naming `shown` (and the line) otherwise.

    The one door every session and questionnaire file comes in by: whatever is wrong with
    it (missing, a folder, a FIFO, unreadable, too big, not UTF-8, bad TOML, nested too
    deep, numbers too large) becomes a one-line problem naming the file, never an
    exception from deeper down. A FIFO or device is refused before it is read, so a
    listing never blocks. `limits=False` leaves the limits to the caller (`limits_problem`).
    """
    raw = _read_regular(path, shown)
    try:
        text = raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        message = _("not UTF-8 text ({reason})").format(reason=decode_reason(error))
        raise _problem(shown, line, message) from None
    return text, parse_toml(text, shown, limits=limits)


def head_bytes(path: Path, size: int) -> bytes:
    """The first `size` bytes of a regular file; b"" for anything else (never blocks)."""
    try:
        return read_regular(path, str(path), limit=size)
    except FileProblems:
        return b""


def read_regular(path: Path, shown: str, *, limit: int = MAX_FILE_BYTES) -> bytes:
    """A regular file's bytes (at most `limit`); FileProblems for anything else."""
    return _read_regular(path, shown, limit)


def _read_regular(path: Path, shown: str, limit: int = MAX_FILE_BYTES) -> bytes:
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise _problem(shown, None, _("file not found")) from None
    except OSError as error:
        raise _problem(shown, None, _unreadable(error)) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise _problem(shown, None, _("is a folder, not a file"))
        if not stat.S_ISREG(info.st_mode):
            raise _problem(shown, None, _("is not a regular file (a FIFO, device or socket)"))
        if info.st_size > MAX_FILE_BYTES and limit == MAX_FILE_BYTES:
            size = f"{info.st_size // (1024 * 1024)} MB"
            message = _("too large to be ours ({size}, at most 32 MB)").format(size=size)
            raise _problem(shown, None, message)
        with os.fdopen(os.dup(fd), "rb") as file:
            # read(n) allocates n bytes before reading: ask for the size the file has
            # (and one more, to see it grow), not for the 32 MB limit every time.
            first = min(limit, info.st_size + 1)
            data = file.read(first)
            if len(data) == first and first < limit:
                data += file.read(limit - first)
            return data
    except OSError as error:
        raise _problem(shown, None, _unreadable(error)) from None
    finally:
        os.close(fd)


def parse_toml(text: str, shown: str, *, limits: bool = True) -> dict[str, Any]:
    """TOML to data, then the limits every file of ours keeps (depth, number sizes); with
    `limits=False` the caller checks them (session/store.py: after its model, which
    confines where a number past them could hide)."""
    line: int | None
    try:
        data = tomli.loads(text)
    except tomli.TOMLDecodeError as error:
        raise _syntax_problem(shown, text, str(error)) from None
    except RecursionError:
        line = _deep_line(text)
        raise _problem(shown, line, _too_deep()) from None
    except (ValueError, MemoryError):  # a number too long for Python to convert
        line = _long_number_line(text)
        raise _problem(shown, line, _("a number too large (at most 2^63-1)")) from None
    if limits and (problem := limits_problem(shown, text, data)) is not None:
        raise problem
    return data


def limits_problem(shown: str, text: str, data: dict[str, Any]) -> FileProblems | None:
    """The first value of `data` past our limits (depth, integer size, nan, inf) as a
    located problem, or None."""
    beyond = None if _within_limits(data, 0) else _beyond_limits(data)
    if beyond is None:
        return None
    path, message = beyond
    line = LineIndex(text).line_of(path, data) if path else None
    where = ".".join(str(step) for step in path)
    return FileProblems(shown, [Problem(shown, line, where, message)])


def _syntax_problem(shown: str, text: str, error: str) -> FileProblems:
    """tomli's message as our line: its position as the file's line and column, its
    words in the language in use (reasons.toml_reason)."""
    match = _TOML_POSITION.match(error)
    if match:
        what, line, column = match.group(1), int(match.group(2)), match.group(3)
        message = _("TOML syntax (column {column}): {reason}")
        return _problem(shown, line, message.format(column=column, reason=toml_reason(what)))
    at_end = _TOML_AT_END.match(error)
    if at_end:
        last = max(1, len(text.splitlines()))
        message = _("TOML syntax (at the end of the file): {reason}")
        return _problem(shown, last, message.format(reason=toml_reason(at_end.group(1))))
    return _problem(shown, None, _("TOML syntax: {reason}").format(reason=toml_reason(error)))


def _within_limits(node: dict[str, Any] | list[Any], depth: int) -> bool:
    """True when nothing in `node` is past our limits: the quick pass every file takes
    (a report reads a thousand), without the key paths `_beyond_limits` builds to say
    where. False may be too cautious (`_beyond_limits` then decides), never too lenient."""
    if depth >= MAX_DEPTH and node:
        return False
    values: Iterable[Any] = node.values() if type(node) is dict else node
    for value in values:
        kind = type(value)
        if kind is str or kind is bool:
            continue
        if kind is dict or kind is list:
            if not _within_limits(value, depth + 1):
                return False
        elif kind is int:
            if not MIN_INT <= value <= MAX_INT:
                return False
        elif kind is float and not math.isfinite(value):
            return False
    return True


def _beyond_limits(data: Any) -> tuple[tuple[str | int, ...], str] | None:
    """The first value (its key path) past our limits: depth, integer size, nan/inf."""
    stack: list[tuple[tuple[str | int, ...], Any]] = [((), data)]
    while stack:
        path, node = stack.pop()
        if len(path) > MAX_DEPTH:
            return path, _too_deep()
        if isinstance(node, dict):
            stack.extend(((*path, key), value) for key, value in reversed(node.items()))
        elif isinstance(node, list):
            stack.extend(((*path, i), value) for i, value in reversed(list(enumerate(node))))
        elif (
            isinstance(node, int) and not isinstance(node, bool) and not MIN_INT <= node <= MAX_INT
        ):
            return path, _("a number too large (at most 2^63-1)")
        elif isinstance(node, float) and node != node:
            return path, _("nan is not a number we can use")
        elif isinstance(node, float) and node in (float("inf"), float("-inf")):
            return path, _("inf is not a number we can use")
    return None


def _deep_line(text: str) -> int | None:
    """The line where brackets or braces first nest past the limit."""
    depth = 0
    for number, line in enumerate(text.splitlines(), start=1):
        for char in line:
            depth += 1 if char in "[{" else -1 if char in "]}" else 0
            if depth > MAX_DEPTH:
                return number
    return None


_LONG_NUMBER = re.compile(r"\d{4000,}")


def _long_number_line(text: str) -> int | None:
    match = _LONG_NUMBER.search(text)
    return text.count("\n", 0, match.start()) + 1 if match else None


def _too_deep() -> str:
    return _("nested too deeply (at most {count} levels)").format(count=MAX_DEPTH)


def _unreadable(error: OSError) -> str:
    return _("cannot be read ({reason})").format(reason=os_reason(error))


def _problem(shown: str, line: int | None, message: str) -> FileProblems:
    return FileProblems(shown, [Problem(shown, line, "", message)])


def validation_problems(
    file: str,
    text: str,
    data: Any,
    error: ValidationError,
    where: Callable[[Loc, Any], str],
    message: Callable[[Loc, list[ErrorDetails], Any], str],
    unplaced_line: int | None = None,
) -> list[Problem]:
    """A pydantic error as one located line per bad key of the file, sorted by line.

    The errors at one key (no member of a union took its value) make one problem. Each
    file format says how a key reads (`where`) and what is wrong (`message`, with the
    key's errors); a problem no line holds gets `unplaced_line`.
    """
    index = LineIndex(text)
    grouped: dict[Loc, list[ErrorDetails]] = {}
    for item in error.errors():
        grouped.setdefault(data_loc(tuple(item["loc"]), data, item["type"]), []).append(item)
    problems: dict[str, Problem] = {}
    for loc, items in grouped.items():
        line_loc = loc[:-1] if items[0]["type"] == "missing" else loc
        line = index.line_of(line_loc, data) or unplaced_line
        problem = Problem(file, line, where(loc, data), message(loc, items, data))
        problems.setdefault(str(problem), problem)
    return sorted(problems.values(), key=lambda p: p.line or 0)


def data_loc(loc: Loc, data: Any, kind: str) -> Loc:
    """pydantic's loc as a path that exists in the file's data: union members' names
    dropped, cut at the first key the file lacks (kept when that key is the missing one).

    A discriminated union puts the member's tag right after a list index (`questions, 3,
    text, …`); only that step is the tag, so a question of type "text" keeps its `text` key.
    """
    steps: list[str | int] = []
    node = data
    previous: str | int | None = None
    for number, step in enumerate(loc):
        is_tag = isinstance(previous, int) and isinstance(node, dict)
        previous = step
        if is_tag and step == node.get("type"):
            continue
        if not has_step(node, step):
            if kind == "missing" and number == len(loc) - 1:
                steps.append(step)
            break
        steps.append(step)
        node = node[step]
    return tuple(steps)


def describe(error: Any, allowed_keys: list[str]) -> str:
    """A pydantic error (one item of `errors()`) as a person reads it."""
    kind, value, ctx = error["type"], error.get("input"), error.get("ctx") or {}
    if kind == "missing":
        return _("missing (required)")
    if kind == "extra_forbidden":
        if not allowed_keys:
            return _("unknown key")
        return _("unknown key (allowed: {keys})").format(keys=", ".join(allowed_keys))
    got = show(value)
    if kind in ("literal_error", "enum"):
        expected = listed(str(ctx.get("expected", "")))
        return _("{value} is not one of {expected}").format(value=got, expected=expected)
    if kind in ("greater_than_equal", "greater_than"):
        low = ctx.get("ge", ctx.get("gt"))
        return _("must be at least {low}, got {value}").format(low=low, value=got)
    if kind in ("less_than_equal", "less_than"):
        high = ctx.get("le", ctx.get("lt"))
        return _("must be at most {high}, got {value}").format(high=high, value=got)
    if kind == "value_error":
        return lower(str(error["msg"]).removeprefix("Value error, "))
    if kind in _SIZES:
        return _sized(kind, value, ctx)
    if kind.startswith("date_from_datetime") and isinstance(value, dt.datetime):
        return _("expected a date without a time, got {value}").format(value=got)
    if kind in _KINDS:
        return _(_KINDS[kind]).format(value=got)
    head = kind.split("_")[0]
    if (kind.endswith("_type") or kind.endswith("_parsing")) and head in _EXPECTED:
        return _("expected {kind}, got {value}").format(kind=_(_EXPECTED[head]), value=got)
    return _("{reason}, got {value}").format(reason=lower(str(error["msg"])), value=got)


# pydantic's other error types a damaged session or questionnaire file can give, each as one
# of our sentences ({value}: what the file holds).
_KINDS = {
    "finite_number": N_("must be a finite number, got {value}"),
    "int_from_float": N_("expected a whole number, got {value}"),
    "string_pattern_mismatch": N_("{value} does not have the expected form"),
}
_SIZES = ("too_short", "too_long", "string_too_short", "string_too_long")


def _sized(kind: str, value: Any, ctx: dict[str, Any]) -> str:
    """A list or a text too short or too long: the bound, and how long it is in the file."""
    count = int(ctx.get("min_length", ctx.get("max_length", 0)))
    actual = ctx.get("actual_length", len(value) if isinstance(value, list | str) else "?")
    if kind.endswith("too_short") and actual == 0:
        return _("must not be empty")
    if kind == "string_too_short":
        text = ngettext(
            "must be at least {count} character long",
            "must be at least {count} characters long",
            count,
        )
    elif kind == "string_too_long":
        text = ngettext(
            "must be at most {count} character long",
            "must be at most {count} characters long",
            count,
        )
    elif kind == "too_short":
        text = ngettext(
            "must hold at least {count} item, got {actual}",
            "must hold at least {count} items, got {actual}",
            count,
        )
    else:
        text = ngettext(
            "must hold at most {count} item, got {actual}",
            "must hold at most {count} items, got {actual}",
            count,
        )
    return text.format(count=count, actual=actual)


def listed(expected: str) -> str:
    """pydantic's `'a', 'b' or 'c'` as `a, b, c`."""
    return ", ".join(v.strip("' ") for v in re.split(r",| or ", expected) if v.strip("' "))


def show(value: Any) -> str:
    """A value as it would be written in the file, cut short."""
    if isinstance(value, dict):
        return _("a table")
    if isinstance(value, list):
        return _("a list")
    if isinstance(value, bool):
        return "true" if value else "false"
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 60 else text[:57] + "…"


def lower(text: str) -> str:
    return text[:1].lower() + text[1:]
