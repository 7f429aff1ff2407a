"""A questionnaire's prose (its description, a section's intro, a question's help) as a face
shows it: paragraphs that wrap to the screen, not to the author's editor.

Authors write long texts as TOML multi-line strings and break their lines where their
editor's margin was (the bundled questionnaires at about 90 columns). Shown as written, a
paragraph on an 80-column screen comes out ragged: a full line, then a word or two, then a
full line. A blank line still separates paragraphs, and a line that starts a list item
(`- `, `* `, `• `, `1. `, `1) `) still starts on a line of its own where a list can begin: at
the start of a paragraph, after a line ending with a colon, or after another item (else the
author's break merely fell before a dash or a number inside a sentence). Indentation goes.
"""

from __future__ import annotations

import re

_LIST_ITEM = re.compile(r"(?:[-*•]|\d+[.)])\s")


def reflow(text: str) -> str:
    """`text` with the line breaks inside its paragraphs made spaces (see the module)."""
    paragraphs: list[list[str]] = [[]]
    in_list = False  # the line before started a list item, or this paragraph's list goes on
    for raw in text.strip().splitlines():
        line = raw.strip()
        if not line:
            if paragraphs[-1]:
                paragraphs.append([])
            in_list = False
            continue
        current = paragraphs[-1]
        item = bool(_LIST_ITEM.match(line)) and (
            not current or in_list or current[-1].endswith(":")
        )
        if current and not item:
            current[-1] = f"{current[-1]} {line}"
        else:
            current.append(line)
            in_list = item
    return "\n\n".join("\n".join(lines) for lines in paragraphs if lines)
