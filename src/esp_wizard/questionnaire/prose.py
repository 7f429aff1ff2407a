"""A questionnaire's prose (its description, a section's intro, a question's help) as a face
shows it: paragraphs that wrap to the screen, not to the author's editor.

Authors write long texts as TOML multi-line strings and break their lines where their
editor's margin was (the bundled questionnaires at about 90 columns). Shown as written, a
paragraph on an 80-column screen comes out ragged: a full line, then a word or two, then a
full line. A blank line still separates paragraphs, and a line that starts a list item
(`- `, `* `, `• `, `1. `, `1) `) still starts on a line of its own.
"""

from __future__ import annotations

import re

_LIST_ITEM = re.compile(r"(?:[-*•]|\d+[.)])\s")


def reflow(text: str) -> str:
    """`text` with the line breaks inside its paragraphs made spaces (see the module)."""
    paragraphs: list[list[str]] = [[]]
    for raw in text.strip().splitlines():
        line = raw.strip()
        if not line:
            if paragraphs[-1]:
                paragraphs.append([])
            continue
        current = paragraphs[-1]
        if current and not _LIST_ITEM.match(line):
            current[-1] = f"{current[-1]} {line}"
        else:
            current.append(line)
    return "\n\n".join("\n".join(lines) for lines in paragraphs if lines)
