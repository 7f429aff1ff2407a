"""After a union merge of the .po, scripts/tidy_catalogue.py separates glued entries and
keeps one copy of a message both branches added, so no French string goes missing."""

from __future__ import annotations

import runpy
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SCRIPT = runpy.run_path(str(REPO / "scripts/tidy_catalogue.py"))
tidy, entries, key = SCRIPT["tidy"], SCRIPT["entries"], SCRIPT["key"]

GLUED = """msgid ""
msgstr ""
"Language: fr\\n"

msgid "Back"
msgstr "Retour"
msgid "Close"
msgstr "Fermer"

msgid "Back"
msgstr "Retour"

msgid "{count} must-fix"
msgid_plural "{count} must-fix"
msgstr[0] "{count} impératif"
msgstr[1] "{count} impératifs"
#: a comment glued on
msgid "Help"
msgstr "Aide"
"""


def test_glued_entries_are_separated_and_duplicates_dropped(tmp_path: Path) -> None:
    po = tmp_path / "x.po"
    po.write_text(GLUED, encoding="utf-8")
    kept, dropped = tidy(po)
    assert (kept, dropped) == (5, 1)
    text = po.read_text(encoding="utf-8")
    assert 'msgstr "Retour"\n\nmsgid "Close"' in text
    assert 'msgstr[1] "{count} impératifs"\n\n#: a comment glued on\nmsgid "Help"' in text
    assert text.count('msgid "Back"') == 1
    assert text.startswith('msgid ""\nmsgstr ""\n"Language: fr\\n"\n\n')


def test_the_shipped_catalogue_holds_each_message_once() -> None:
    po = REPO / "src/esp_wizard/locale/fr/LC_MESSAGES/esp_wizard.po"
    keys = [key(entry) for entry in entries(po.read_text(encoding="utf-8").splitlines())]
    keys = [k for k in keys if k]
    assert len(keys) == len(set(keys)), "a message is in the catalogue twice: tidy it"


def test_each_shipped_message_has_one_translation() -> None:
    """A union merge of two branches that both changed one translation keeps both msgstr
    lines; gettext then silently picks one. Which one is right is a person's choice."""
    po = REPO / "src/esp_wizard/locale/fr/LC_MESSAGES/esp_wizard.po"
    doubled = []
    for entry in entries(po.read_text(encoding="utf-8").splitlines()):
        keywords = [line.split()[0] for line in entry if line.startswith("msgstr")]
        if len(keywords) != len(set(keywords)):
            doubled.append(dict(key(entry)).get("msgid", "?"))
    assert not doubled, f"entries with two translations (keep one): {doubled}"
