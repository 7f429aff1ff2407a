"""The message catalogue is complete both ways and its compiled form is up to date.

Every message the code marks (`_()`, `ngettext()`, `N_()` in Python, `_()` in the HTML
templates) has a French entry, and every French entry is still used: a string added in
English only, or left behind after a change, fails here with its text.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from esp_wizard import i18n

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src" / "esp_wizard"
FRENCH_PO = SRC / "locale" / "fr" / "LC_MESSAGES" / "esp_wizard.po"
METHODS = [("**.py", "python"), ("**/templates/**.j2", "jinja2.ext:babel_extract")]
PLACEHOLDER = re.compile(r"\{[a-z_]*\}")

sys.path.insert(0, str(ROOT / "scripts"))
import compile_catalogues  # noqa: E402


def marked() -> dict[str, str]:
    """msgid -> where it is first marked in the code."""
    found: dict[str, str] = {}
    for filename, lineno, message, _comments, _context in extract_from_dir(SRC, METHODS):
        msgid = message[0] if isinstance(message, tuple) else message
        if msgid:
            found.setdefault(msgid, f"{filename}:{lineno}")
    return found


def french() -> dict[str, object]:
    with FRENCH_PO.open("rb") as handle:
        catalogue = read_po(handle, locale="fr")
    return {m.id if isinstance(m.id, str) else m.id[0]: m for m in catalogue if m.id}


def test_every_marked_message_has_a_french_translation() -> None:
    entries = french()
    missing = [
        f"{where}: {msgid!r}"
        for msgid, where in marked().items()
        if msgid not in entries or not entries[msgid].string or entries[msgid].fuzzy  # type: ignore[attr-defined]
    ]
    assert not missing, "no French for:\n" + "\n".join(missing)


def test_every_french_entry_is_still_used() -> None:
    unused = sorted(set(french()) - set(marked()))
    assert not unused, "French entries no code marks any more:\n" + "\n".join(unused)


def test_plural_messages_have_plural_entries() -> None:
    """`ngettext()` finds only a plural entry (and `_()` only a singular one): the other kind
    leaves the screen in English ("9 must-fix" once did in French)."""
    entries = french()
    wrong = [
        f"{filename}:{lineno}: {message!r}"
        for filename, lineno, message, _comments, _context in extract_from_dir(SRC, METHODS)
        if (msgid := message[0] if isinstance(message, tuple) else message) in entries
        and isinstance(message, tuple) != isinstance(entries[msgid].id, tuple)  # type: ignore[attr-defined]
    ]
    assert not wrong, "singular and plural mixed up:\n" + "\n".join(wrong)


def test_translations_keep_their_placeholders() -> None:
    wrong = []
    for msgid, entry in french().items():
        strings = entry.string if isinstance(entry.string, tuple) else (entry.string,)  # type: ignore[attr-defined]
        for string in strings:
            if sorted(PLACEHOLDER.findall(msgid)) != sorted(PLACEHOLDER.findall(string)):
                wrong.append(f"{msgid!r} -> {string!r}")
    assert not wrong, "placeholders differ:\n" + "\n".join(wrong)


def test_the_compiled_catalogues_are_up_to_date() -> None:
    stale = compile_catalogues.stale()
    assert not stale, f"run `make catalogues`: stale {[str(p) for p in stale]}"


def test_messages_follow_the_language_in_use() -> None:
    with i18n.use("fr_FR.UTF-8"):
        assert i18n._("(y/n) ") == "(o/n) "
        assert i18n.decimal(1234.5) == "1\u202f234,5"
    assert i18n._("(y/n) ") == "(y/n) "
    assert i18n.decimal(1234.5) == "1,234.5"


@pytest.mark.parametrize(
    ("option", "config", "env", "expected"),
    [
        ("fr", "", {"LANG": "en_US.UTF-8"}, "fr"),
        (None, "fr", {"LANG": "en_US.UTF-8"}, "fr"),
        (None, "", {"LANG": "fr_FR.UTF-8"}, "fr"),
        (None, "", {"LC_ALL": "en_GB.UTF-8", "LANG": "fr_FR.UTF-8"}, "en"),
        (None, "", {"LC_MESSAGES": "fr_CA", "LANG": "en_US"}, "fr"),
        (None, "", {"LANG": "de_DE.UTF-8"}, "en"),
        (None, "", {}, "en"),
    ],
)
def test_the_interface_language_comes_from_option_config_then_locale(
    option: str | None, config: str, env: dict[str, str], expected: str
) -> None:
    assert i18n.interface_language(option, config, env) == expected


def test_a_report_speaks_its_sessions_language_unless_told() -> None:
    assert i18n.content_language(["fr", "fr", "en"]) == "fr"
    assert i18n.content_language(["fr", "fr"], option="en") == "en"
    assert i18n.content_language([]) == "en"


def test_french_dates_are_typed_either_way() -> None:
    import datetime as dt

    with i18n.use("fr"):
        assert i18n.parse_date("31/03/2026") == dt.date(2026, 3, 31)
        assert i18n.parse_date("2026-03-31") == dt.date(2026, 3, 31)
        assert i18n.parse_date("31/02/2026") is None
    assert i18n.parse_date("31/03/2026") is None  # English: ISO only, no guessing d/m vs m/d


def test_the_config_names_the_interface_language(tmp_path: Path) -> None:
    from esp_wizard.config import load_config

    (tmp_path / "config.toml").write_text('language = "fr"\n', encoding="utf-8")
    config = load_config(tmp_path / "config.toml")
    assert i18n.interface_language(None, config.language, {"LANG": "en_US.UTF-8"}) == "fr"
