"""A session file exactly as esp-wizard writes it, read without tomllib; None otherwise.

tomllib is pure Python and general: a report over a thousand session files spent about
half its time in it. But a session file is almost always what `Session.to_toml` wrote
(tomli_w's layout: `key = value` lines, `[table]` and `[[array]]` headers, one-line
basic strings, arrays one item a line, inline tables of plain values). This reads that
layout, and only that, with a few regular expressions: about ten times faster.

It is a narrower door, never a different one. Anything outside the layout (a comment,
other spacing, a literal or multi-line string, a dotted or quoted key, a number in
another form, a header or key met twice, a table an inline table or an array already
holds, CR LF line ends) gives None, and the caller parses the text with tomllib as
before, so a hand-edited or damaged file gets tomllib's data or tomllib's error exactly.
Where it answers, its data equals tomllib's (tests/test_session_savedtoml.py compares
them): the same plain dicts and lists, the same str, int, float, bool, date and UTC
datetime values. What it accepts also keeps tomlfile's limits by construction (integers
of at most 18 digits, finite floats, headers of at most four keys, no array in an array),
so the data needs no walk for them.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from typing import Any

_KEY = r"[A-Za-z0-9_-]+"
# A basic string's characters: anything but a quote, a backslash or a control character
# (tab allowed), or an escape (checked when it is decoded); written as runs of plain
# characters, which Python's re matches many times faster than one alternation a character.
_PLAIN = r'[^"\\\x00-\x08\x0a-\x1f\x7f]*'
_STRING = rf'"({_PLAIN}(?:\\[^\x00-\x1f\x7f]{_PLAIN})*)"'
# Five groups, in this order: a string's body, a bool, a date or UTC time (hours, minutes
# and seconds in tomllib's ranges; microseconds as isoformat writes them, six digits), a
# float as Python's str() writes it, an integer of at most 18 digits.
_SCALAR = (
    rf"{_STRING}"
    r"|(true|false)"
    r"|(\d{4}-\d\d-\d\d(?:T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d{6})?Z)?)"
    r"|(-?(?:0|[1-9]\d*)(?:\.\d+(?:e[+-]\d+)?|e[+-]\d+))"
    r"|(-?(?:0|[1-9]\d{0,17}))"
)
# A key's line: the key (1), a scalar (2-6) or `[]`, `[`, `{}` (7) ending the line, or the
# `{ ` opening an inline table (8).
_KEY_VALUE = re.compile(rf"({_KEY}) = (?:(?:{_SCALAR}|(\[\]|\[|\{{\}}))\Z|(\{{ ))")
# An array's item line: a scalar (1-5) or `{}`, `{ ` (6), the rest checked by the caller.
_ITEM = re.compile(rf"    (?:{_SCALAR}|(\{{\}}|\{{ ))")
_PAIR = re.compile(rf"({_KEY}) = (?:{_SCALAR})")
_HEADER = re.compile(rf"(\[\[?)({_KEY}(?:\.{_KEY}){{0,3}})(\]\]?)\Z")
_ESCAPE = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))")
_SIMPLE_ESCAPES = {"b": "\b", "t": "\t", "n": "\n", "f": "\f", "r": "\r", '"': '"', "\\": "\\"}


class _Other(Exception):
    """The text is not in the layout esp-wizard writes: tomllib reads it."""


def parse_saved(text: str) -> dict[str, Any] | None:
    """The data of a file in esp-wizard's own layout, equal to `tomllib.loads(text)`;
    None when the text is in any other form (valid TOML or not)."""
    if "\r" in text or not text.endswith("\n"):
        return None
    try:
        return _Reader(text.split("\n")).read()
    except (_Other, ValueError, OverflowError):
        return None


def _string(body: str) -> str:
    return _ESCAPE.sub(_escape, body) if "\\" in body else body


def _stamp(text: str) -> dt.date | dt.datetime:
    """`2026-03-02` or `2026-03-02T09:00:00Z` (a UTC datetime, as tomllib gives it);
    ValueError for a day that does not exist, which tomllib refuses too."""
    if len(text) == 10:
        return dt.date.fromisoformat(text)
    return dt.datetime.fromisoformat(text)


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):  # 1e999: tomlfile's limits refuse it
        raise _Other
    return value


# A scalar's value from its text, by the group that matched (counted from the first).
_CONVERT: tuple[Callable[[str], Any], ...] = (
    _string,
    {"true": True, "false": False}.__getitem__,
    _stamp,
    _finite,
    int,
)


class _Reader:
    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.root: dict[str, Any] = {}
        # Tables a header may open or pass through (the root, headers' tables, tables made
        # on the way to one), and the arrays `[[...]]` headers made: an inline table or an
        # array of values is closed in TOML, so meeting one on a header's way is _Other.
        self.tables = {id(self.root)}
        self.headed: set[str] = set()
        self.arrays: set[int] = set()

    def read(self) -> dict[str, Any]:
        table = self.root
        lines = self.lines
        count = len(lines) - 1  # the text ends with "\n": the last piece is ""
        number = 0
        match_line = _KEY_VALUE.match
        convert = _CONVERT
        while number < count:
            line = lines[number]
            number += 1
            if not line:
                continue
            if line[0] == "[":
                table = self._header(line)
                continue
            match = match_line(line)
            if match is None:
                raise _Other
            key = match[1]
            if key in table:
                raise _Other
            kind = match.lastindex
            if kind is None:  # pragma: no cover  (every branch has a group)
                raise _Other
            if kind < 7:
                table[key] = convert[kind - 2](match[kind])
            elif kind == 8:
                table[key] = _inline(line, match.end())
            elif match[7] == "[":
                table[key], number = self._array(number, count)
            else:
                table[key] = [] if match[7] == "[]" else {}
        return self.root

    def _header(self, line: str) -> dict[str, Any]:
        match = _HEADER.match(line)
        if match is None or len(match[1]) != len(match[3]) or match[2] in self.headed:
            raise _Other
        *path, last = match[2].split(".")
        node = self.root
        for key in path:
            node = self._through(node, key)
        table: dict[str, Any] = {}
        self.tables.add(id(table))
        if match[1] == "[":
            if last in node:
                raise _Other
            self.headed.add(match[2])
            node[last] = table
            return table
        array = node.get(last)
        if array is None:
            array = node[last] = []
            self.arrays.add(id(array))
        elif id(array) not in self.arrays:
            raise _Other  # a table, or an array of values (`key = [...]`: closed)
        array.append(table)
        return table

    def _through(self, node: dict[str, Any], key: str) -> dict[str, Any]:
        """The table `key` of `node` on a header's way, made if missing."""
        found = node.get(key)
        if found is None:
            found = node[key] = {}
            self.tables.add(id(found))
        elif id(found) not in self.tables:
            raise _Other  # an array of tables, an inline table or a value
        return found

    def _array(self, number: int, count: int) -> tuple[list[Any], int]:
        """The items of `key = [`, one a line, up to the line `]`."""
        items: list[Any] = []
        lines = self.lines
        while number < count:
            line = lines[number]
            number += 1
            if line == "]":
                return items, number
            match = _ITEM.match(line)
            if match is None:
                raise _Other
            kind = match.lastindex
            if kind is None:  # pragma: no cover
                raise _Other
            end = match.end()
            if kind < 6:
                items.append(_CONVERT[kind - 1](match[kind]))
            elif match[6] == "{}":
                items.append({})
            else:
                table, end = _inline_at(line, end)
                items.append(table)
            if line[end:] != ",":
                raise _Other
        raise _Other


def _inline(line: str, start: int) -> dict[str, Any]:
    table, end = _inline_at(line, start)
    if end != len(line):
        raise _Other
    return table


def _inline_at(line: str, start: int) -> tuple[dict[str, Any], int]:
    """`{ a = 1, b = "x" }` from just after its `{ `: plain values only."""
    table: dict[str, Any] = {}
    position = start
    while True:
        match = _PAIR.match(line, position)
        if match is None or match[1] in table or match.lastindex is None:
            raise _Other
        kind = match.lastindex
        table[match[1]] = _CONVERT[kind - 2](match[kind])
        position = match.end()
        if line.startswith(", ", position):
            position += 2
        elif line.startswith(" }", position):
            return table, position + 2
        else:
            raise _Other


def _escape(match: re.Match[str]) -> str:
    code = match[1] or match[2]
    if code is None:
        try:
            return _SIMPLE_ESCAPES[match[3]]
        except KeyError:
            raise _Other from None
    value = int(code, 16)
    if 0xD800 <= value <= 0xDFFF or value > 0x10FFFF:
        raise _Other  # not a Unicode scalar value: tomllib says so
    return chr(value)
