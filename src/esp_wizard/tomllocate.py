"""Find the line where a key path stands in a TOML text, for error messages.

tomli keeps no positions, so we index the `[[array]]` / `[table]` headers and search for
the key (or, inside inline arrays, for the element's `id = "…"`/`value = "…"`) in the text.
A best effort that never fails: when nothing better is found it returns the enclosing
table's header line, or None.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

_HEADER = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_.\-\"' ]+?)\s*\]\]?\s*(#.*)?$")
_NAMING_KEYS = ("id", "value", "name")


@dataclass
class _Table:
    path: tuple[str | int, ...]
    start: int  # 0-based line index of the header
    end: int  # exclusive


class LineIndex:
    """Maps key paths of a parsed TOML document to 1-based line numbers of its text."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        self.tables = self._index_tables()

    def _index_tables(self) -> list[_Table]:
        tables: list[_Table] = [_Table((), 0, len(self.lines))]
        counters: dict[tuple[str | int, ...], int] = {}
        current: dict[tuple[str, ...], tuple[str | int, ...]] = {}
        in_multiline = False
        for number, line in enumerate(self.lines):
            if line.count('"""') % 2 == 1 or line.count("'''") % 2 == 1:
                in_multiline = not in_multiline
            if in_multiline:
                continue
            match = _HEADER.match(line)
            if not match:
                continue
            keys = tuple(k.strip().strip("\"'") for k in match.group(2).split("."))
            path = self._resolve(keys, current)
            if match.group(1) == "[[":
                index = counters.get(path, 0)
                counters[path] = index + 1
                path = (*path, index)
                current[keys] = path
            tables[-1].end = number
            tables.append(_Table(path, number, len(self.lines)))
        return tables

    @staticmethod
    def _resolve(
        keys: tuple[str, ...], current: dict[tuple[str, ...], tuple[str | int, ...]]
    ) -> tuple[str | int, ...]:
        """`sections.questions` means the questions of the latest `[[sections]]`."""
        for cut in range(len(keys) - 1, 0, -1):
            parent = current.get(keys[:cut])
            if parent is not None:
                return (*parent, *keys[cut:])
        return keys

    def line_of(self, path: tuple[str | int, ...], data: Any = None) -> int | None:
        """1-based line of `path`, as close as the text allows."""
        table = max(
            (t for t in self.tables if path[: len(t.path)] == t.path),
            key=lambda t: len(t.path),
            default=None,
        )
        if table is None:
            return None
        rest = path[len(table.path) :]
        line = table.start if table.path else None
        start, end = (table.start + 1 if table.path else 0), table.end
        node = _walk(data, table.path)
        for step in rest:
            found = self._find_step(step, node, start, end)
            if found is None:
                break
            line, start = found, found
            node = node[step] if has_step(node, step) else None
        return None if line is None else line + 1

    def _find_step(self, step: str | int, node: Any, start: int, end: int) -> int | None:
        if isinstance(step, str):
            pattern = re.compile(
                rf"^\s*[\"']?{re.escape(step)}[\"']?\s*=|[{{,]\s*{re.escape(step)}\s*="
            )
            return self._search(pattern, start, end)
        element = node[step] if has_step(node, step) else None
        if isinstance(element, dict):
            for key in _NAMING_KEYS:
                value = element.get(key)
                if isinstance(value, str):
                    pattern = re.compile(rf"\b{key}\s*=\s*[\"']{re.escape(value)}[\"']")
                    found = self._search(pattern, start, end)
                    if found is not None:
                        return found
        return None

    def _search(self, pattern: re.Pattern[str], start: int, end: int) -> int | None:
        for number in range(start, min(end, len(self.lines))):
            if pattern.search(self.lines[number]):
                return number
        return None


def has_step(node: Any, step: str | int) -> bool:
    """Whether `step` (a key or list index) exists in `node`."""
    if isinstance(node, dict):
        return step in node
    if isinstance(node, list) and isinstance(step, int):
        return 0 <= step < len(node)
    return False


def _walk(data: Any, path: tuple[str | int, ...]) -> Any:
    node = data
    for step in path:
        if not has_step(node, step):
            return None
        node = node[step]
    return node
