"""What the TUI puts on screen from sessions and questionnaires, made safe for the terminal.

Session text is hostile (issue 16): a client name, a note or a quote may hold Rich/Textual
markup (`[@click=app.quit]`), escape sequences (OSC 52 writes the clipboard, `ESC[2J`
clears the screen) or a right-to-left override. Rich `Text` already keeps markup literal,
but it lets ESC, C1 controls and bidi characters through to the terminal. `safe` is the one
place the TUI turns user text into what a widget shows: a `Text` (never markup) with every
such character escaped as `safetext.for_terminal` does, keeping the styles already applied.

Kept free of Textual's widgets: home and the interview import it for their first frame
(SafeTextArea, which needs TextArea's ~40 ms of imports, is in safe_text_area.py).
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.highlighter import Highlighter
from rich.text import Span, Text

from esp_wizard.safetext import for_editing, for_terminal, is_terminal_safe


def safe(content: str | Text, style: str = "", *, lines: bool = True) -> Text:
    """`content` as a `Text` a terminal cannot act on; markup in a `str` stays literal.

    `lines=False` escapes newlines and tabs too, for a table cell or a one-line label.
    """
    if isinstance(content, str):
        return Text(for_terminal(content, lines=lines), style=style)
    if is_terminal_safe(content.plain) and (lines or "\n" not in content.plain):
        return content
    return _escaped(content, lines=lines)


def _escaped(text: Text, *, lines: bool) -> Text:
    """`text` with its characters escaped piece by piece, so each span keeps its style."""
    cuts = sorted({offset for span in text.spans for offset in (span.start, span.end)})
    result = text.blank_copy()
    for piece in text.divide(cuts):
        plain = for_terminal(piece.plain, lines=lines)
        spans = [Span(0, len(plain), span.style) for span in piece.spans]
        result.append_text(Text(plain, style=piece.style, spans=spans))
    return result


class EditSafe(Highlighter):
    """For text a person edits (an Input): each unsafe character shown as one symbol.

    An editable value cannot grow into `\\x1b` without moving the cursor off what it
    edits, so ESC shows as ␛, other controls as their control pictures, C1 and bidi
    characters as ␚, reversed (`safetext.for_editing`); the value as saved is untouched.
    """

    def highlight(self, text: Text) -> None:
        plain = text.plain
        if is_terminal_safe(plain):
            return
        shown = for_editing(plain)
        text.plain = shown
        for index, (before, after) in enumerate(zip(plain, shown, strict=True)):
            if before != after:
                text.stylize("reverse", index, index + 1)


EDIT_SAFE = EditSafe()


def suggestible(texts: Iterable[str]) -> list[str]:
    """The texts an Input may offer as completions: its faded suggestion is drawn raw, so a
    client name holding a control or bidi character is not offered (it can still be typed)."""
    return [text for text in texts if is_terminal_safe(text)]
