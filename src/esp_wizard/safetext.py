"""Text from sessions and questionnaires is hostile: make it safe for a terminal or a file.

Session files travel through git and shared drives, so a client name, a note or an
inventory cell may hold escape sequences (clear the screen, write the clipboard with
OSC 52, hide a link with OSC 8) or a right-to-left override that makes a line read
backwards. Every place that prints user text to a terminal goes through `for_terminal`,
which shows such characters escaped (`\\x1b`, `\\u202e`) instead of letting the terminal
act on them: with ESC itself escaped, no sequence can start. Files keep the text as
written but lose C0/C1 control characters (`for_file`), which no reader wants.
"""

from __future__ import annotations

import re

# C0 controls, DEL and C1 controls; bidi embeddings, overrides, isolates and marks.
_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_TERMINAL_UNSAFE = re.compile(f"[\x00-\x1f\x7f-\x9f{_BIDI}]")
_TERMINAL_UNSAFE_KEEP_LINES = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}]")
_FILE_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]|\r(?!\n)")


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def for_terminal(text: str, *, lines: bool = True) -> str:
    """`text` with every control, escape and bidi character shown escaped (`\\x1b`).

    With `lines` (the default) newlines and tabs stay, for multi-line output; without,
    they are escaped too, for a table cell or a one-line message.
    """
    pattern = _TERMINAL_UNSAFE_KEEP_LINES if lines else _TERMINAL_UNSAFE
    return pattern.sub(_escaped, text)


_PICTURES = {code: chr(0x2400 + code) for code in range(0x20)} | {0x7F: "\u2421"}
_SUBSTITUTE = "\u241a"  # ␚: C1 controls and bidi characters have no control picture


def for_editing(text: str) -> str:
    """`text` with each control, escape or bidi character shown as one symbol (ESC as ␛).

    For text being edited: the same length as `text`, so a cursor on the screen still
    points at the character it edits; newlines and tabs stay.
    """
    return _TERMINAL_UNSAFE_KEEP_LINES.sub(
        lambda match: _PICTURES.get(ord(match.group()), _SUBSTITUTE), text
    )


def for_file(text: str) -> str:
    """`text` without C0/C1 control characters, except newline, tab and CRLF line ends."""
    return _FILE_UNSAFE.sub("", text)


def is_terminal_safe(text: str) -> bool:
    """Whether `text` holds nothing a terminal would act on (newlines and tabs aside)."""
    return _TERMINAL_UNSAFE_KEEP_LINES.search(text) is None
