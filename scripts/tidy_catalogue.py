"""Tidy the French catalogue after a merge: one blank line between entries, later
duplicates (same msgctxt + msgid) dropped, each entry kept as written.

.gitattributes merges the .po with git's union driver, so two branches that both append
messages merge without conflicts; but the union can glue the last entry of one side to the
first of the other (no blank line between: gettext then reads one of them wrongly) and
keeps twice a message both sides added. Run after merging, then compile:

    python scripts/tidy_catalogue.py && python scripts/compile_catalogues.py
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

LOCALE = Path(__file__).resolve().parents[1] / "src/esp_wizard/locale"
KEYWORD = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+(.*)")


def entries(lines: list[str]) -> list[list[str]]:
    """The catalogue's entries: a blank line ends one, and so does a comment, msgctxt or
    msgid that follows a msgstr (where a union merge glued two entries together)."""
    found: list[list[str]] = []
    current: list[str] = []
    after_msgstr = False
    for line in lines:
        stripped = line.strip()
        starts = stripped.startswith(("#", "msgctxt", "msgid "))
        if not stripped or (starts and after_msgstr):
            if current:
                found.append(current)
            current, after_msgstr = [], False
            if not stripped:
                continue
        current.append(line)
        match = KEYWORD.match(stripped)
        if match:
            after_msgstr = match.group(1).startswith("msgstr")
    if current:
        found.append(current)
    return found


def key(entry: list[str]) -> tuple[tuple[str, str], ...]:
    """msgctxt and msgid with their continuation lines: what makes two entries the same."""
    parts: list[tuple[str, str]] = []
    keyword = ""
    for line in entry:
        stripped = line.strip()
        match = KEYWORD.match(stripped)
        if match:
            keyword, value = match.groups()
        elif stripped.startswith('"'):
            value = stripped
        else:
            continue
        if keyword in ("msgctxt", "msgid"):
            parts.append((keyword, value))
    return tuple(parts)


def tidy(path: Path) -> tuple[int, int]:
    kept: list[str] = []
    seen: set[tuple[tuple[str, str], ...]] = set()
    dropped = 0
    for entry in entries(path.read_text(encoding="utf-8").splitlines()):
        identity = key(entry)
        if identity and identity in seen:
            dropped += 1
            continue
        seen.add(identity)
        kept.append("\n".join(entry))
    path.write_text("\n\n".join(kept) + "\n", encoding="utf-8")
    return len(kept), dropped


def main() -> None:
    paths = [Path(a) for a in sys.argv[1:]] or sorted(LOCALE.glob("*/LC_MESSAGES/*.po"))
    for path in paths:
        kept, dropped = tidy(path)
        print(f"{path.name}: {kept} entries kept, {dropped} duplicates dropped")


if __name__ == "__main__":
    main()
