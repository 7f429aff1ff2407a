"""Markdown escaping: people's words must not become Markdown (or HTML) structure.

Every ASCII punctuation mark CommonMark and GitHub give a meaning to inside a line is
backslash-escaped (`\\<` is a literal `<`, never a tag), line starts that would open a
heading, list, quote or code block are neutralised, and table cells keep to one line.
"""

from __future__ import annotations

import re

_INLINE = re.compile(r"([\\`*_\[\]<>|~&$#])")
_LINE_START = re.compile(r"^([#+=>-]|\d+(?=[.)]))")
_BLANK_RUN = re.compile(r"\n\s*\n+")


def inline(text: str) -> str:
    """One line (a table cell, a heading, a list item's lead): whitespace collapsed."""
    return _INLINE.sub(r"\\\1", " ".join(str(text).split()))


def _line(text: str) -> str:
    escaped = _INLINE.sub(r"\\\1", text.strip())
    match = _LINE_START.match(escaped)
    if match is None:
        return escaped
    if match.group(1).isdigit():
        cut = match.end()
        return escaped[:cut] + "\\" + escaped[cut:]
    return "\\" + escaped


def block(text: str, indent: str = "") -> str:
    """A paragraph keeping its lines (hard breaks), safe at any list depth via `indent`."""
    lines = [_line(line) for line in _BLANK_RUN.sub("\n", str(text).strip()).splitlines()]
    lines = [line for line in lines if line]
    return ("\\\n" + indent).join(lines)


def quote(text: str, indent: str = "") -> str:
    """A blockquote of the interviewee's words, line by line."""
    lines = [_line(line) for line in str(text).strip().splitlines()]
    return "\n".join(f"{indent}> {line}" if line else f"{indent}>" for line in lines)


def table(header: list[str], rows: list[list[str]]) -> str:
    """A GitHub table; cells are escaped here, so pass raw text."""
    out = ["| " + " | ".join(inline(h) for h in header) + " |"]
    out.append("|" + "|".join(" --- " for _ in header) + "|")
    out += ["| " + " | ".join(inline(c) or " " for c in row) + " |" for row in rows]
    return "\n".join(out)
