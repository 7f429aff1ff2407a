"""What the libraries say in English, said in French inside a French line.

tomli's syntax messages and the system's reasons (errno) come from the catalogue, pydantic's
error types a damaged file gives are described by our own sentences, and the export and
engagement-file errors are whole sentences in the catalogue. What we do not know keeps the
library's own words, so a reason is never lost.
"""

from __future__ import annotations

import datetime as dt
import errno
from pathlib import Path
from typing import Annotated, Any

import pytest
import tomli
from pydantic import Field, TypeAdapter, ValidationError
from tests.test_cli import make_session

from esp_wizard import i18n
from esp_wizard.errors import FileProblems, UserError
from esp_wizard.export import export_format, render_report
from esp_wizard.export import files as export_files
from esp_wizard.export.csv_export import dialect_for
from esp_wizard.findings import compile_workspace, engagement_file
from esp_wizard.reasons import error_text, os_reason, toml_reason
from esp_wizard.tomlfile import describe, parse_toml, read_toml
from esp_wizard.workspace import Workspace

# One snippet for each message tomli can give (its _parser.py, which CPython's tomllib copies).
BROKEN_TOML = [
    "!",
    "a = 1 2",
    "a = 1\na = 2",
    "[a",
    "[[a",
    "a",
    "a.= 1",
    "a = [1, 2\nb = 3",
    "a = {b = 1\nc = 2",
    'a = "\\q"',
    'a = "\\uZZZZ"',
    'a = "\\uD800"',
    'a = "x\nb = 1',
    "a = 2026-02-30",
    'a = "abc',
    "a =",
    "a = '''x",
    "a = 'x\x01'",
    'a = "x\x01"',
    "[a]\n[a]",
    "a = {b = 1}\n[a.c]",
    "a = {b = 1}\na.c = 2",
    "[a.b]\nc = 1\n[a]\nb.d = 1",
    "a = {b = 1, b = 2}",
]


def _tomli_says(text: str) -> str:
    with pytest.raises(tomli.TOMLDecodeError) as caught:
        tomli.loads(text)
    return str(caught.value).rsplit(" (at ", 1)[0]


@pytest.mark.parametrize("text", BROKEN_TOML)
def test_every_tomli_message_reads_in_french_with_its_place(text: str) -> None:
    english = _tomli_says(text)
    with i18n.use("fr"), pytest.raises(FileProblems) as caught:
        parse_toml(text, "s.toml")
    line = str(caught.value)
    assert line.startswith("s.toml:"), line
    assert "syntaxe TOML (" in line
    assert english.casefold() not in line.casefold(), line
    with pytest.raises(FileProblems) as caught:
        parse_toml(text, "s.toml")
    assert "TOML syntax (" in str(caught.value)


def test_a_tomli_message_we_do_not_know_keeps_its_words() -> None:
    with i18n.use("fr"):
        assert toml_reason("Something tomli says one day") == "something tomli says one day"


def test_a_key_declared_twice_is_shown_as_written_in_the_file() -> None:
    with i18n.use("fr"), pytest.raises(FileProblems) as caught:
        parse_toml('[answers."crm-2"]\n[answers."crm-2"]\n', "s.toml")
    assert (
        str(caught.value)
        == "s.toml:2: syntaxe TOML (colonne 17) : answers.crm-2 est déclaré deux fois"
    )


KNOWN_ERRNOS = [
    errno.ENOENT,
    errno.EACCES,
    errno.EPERM,
    errno.ENOSPC,
    errno.EROFS,
    errno.EISDIR,
    errno.ENOTDIR,
    errno.EEXIST,
    errno.ENAMETOOLONG,
    errno.EDQUOT,
    errno.EBUSY,
    errno.EMFILE,
]


@pytest.mark.parametrize("number", KNOWN_ERRNOS)
def test_the_common_system_reasons_are_in_french(number: int) -> None:
    error = OSError(number, "the C library's words")
    with i18n.use("fr"):
        french = os_reason(error)
    english = os_reason(error)
    assert french != english
    assert english != "the C library's words"  # the same words on every system


def test_a_reason_we_do_not_know_keeps_the_systems_words() -> None:
    with i18n.use("fr"):
        assert os_reason(OSError(errno.EXDEV, "Invalid cross-device link")) == (
            "Invalid cross-device link"
        )
        assert os_reason(OSError("no number at all")) == "no number at all"
        assert os_reason(PermissionError(errno.EACCES, "Permission denied")) == (
            "permission refusée"
        )


def test_a_refused_write_says_why_in_french(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refused(path: Path, data: bytes) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    monkeypatch.setattr(export_files, "atomic_create_bytes", refused)
    target = tmp_path / "report.md"
    with i18n.use("fr"), pytest.raises(UserError) as caught:
        export_files.write_output(target, "# Rapport", None)
    assert str(caught.value) == f"impossible d'écrire {target} : permission refusée"
    with pytest.raises(UserError) as caught:
        export_files.write_output(target, "# Report", None)
    assert str(caught.value) == f"could not write {target}: Permission denied"
    assert not target.exists()


def test_an_export_into_a_folder_that_cannot_be_made_says_why_in_french(tmp_path: Path) -> None:
    (tmp_path / "exports").write_text("a file, not a folder\n", encoding="utf-8")
    folder = tmp_path / "exports" / "reports"
    with i18n.use("fr"), pytest.raises(UserError) as caught:
        export_files.write_new_export(folder, "report.md", "# Rapport")
    assert str(caught.value) == (
        f"impossible d'écrire dans {folder} : une partie du chemin n'est pas un dossier"
    )


def test_a_note_that_cannot_be_saved_says_why_in_french(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(path: Path, data: bytes) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(engagement_file, "atomic_write_bytes", disk_full)
    with i18n.use("fr"), pytest.raises(UserError) as caught:
        engagement_file.save_executive_note(Workspace(tmp_path), "Acme", "Move", "Go.")
    assert str(caught.value) == (
        f"impossible d'enregistrer la note de synthèse dans {tmp_path / 'engagement.toml'} : "
        "plus de place sur le disque"
    )


def test_export_choices_are_refused_in_french(tmp_path: Path) -> None:
    (tmp_path / "sessions").mkdir()
    make_session(tmp_path)
    report = compile_workspace(Workspace(tmp_path))
    cases = [
        (
            lambda: export_format("pdf"),
            "format de rapport inconnu « pdf » (choisissez parmi : md, html, json, csv, docx)",
            "unknown report format 'pdf' (choose one of md, html, json, csv, docx)",
        ),
        (
            lambda: export_format("csv", "session"),
            "format de résumé de session inconnu « csv » (choisissez parmi : md, html, json)",
            "unknown session summary format 'csv' (choose one of md, html, json)",
        ),
        (
            lambda: dialect_for("tab"),
            "dialecte CSV inconnu « tab » (choisissez parmi : comma, semicolon)",
            "unknown CSV dialect 'tab' (choose one of comma, semicolon)",
        ),
        (
            lambda: render_report(report, "md", "everyone", language="fr"),  # type: ignore[arg-type]
            "attribution inconnue « everyone » (choisissez parmi : named, role, anonymous)",
            None,
        ),
        (
            lambda: render_report(report, "docx", language="fr"),
            "le format docx est un fichier, pas du texte : écrivez-le dans un fichier avec -o",
            None,
        ),
    ]
    for call, french, english in cases:
        with i18n.use("fr"), pytest.raises(UserError) as caught:
            call()
        assert str(caught.value) == french
        if english:
            with pytest.raises(UserError) as caught:
                call()
            assert str(caught.value) == english
    with pytest.raises(UserError) as caught:
        render_report(report, "docx", language="en")
    assert str(caught.value) == "the docx format is a file, not text: write it to a file with -o"


def _pydantic_error(kind: Any, value: Any) -> Any:
    with pytest.raises(ValidationError) as caught:
        TypeAdapter(kind).validate_python(value)
    return caught.value.errors()[0]


@pytest.mark.parametrize(
    ("kind", "value", "french", "english"),
    [
        (int, 1.5, "valeur attendue : un nombre entier (reçu : 1.5)", "expected a whole number"),
        (
            dt.date,
            dt.datetime(2026, 3, 2, 10, 30),
            "valeur attendue : une date sans heure (reçu : 2026-03-02 10:30:00)",
            "expected a date without a time",
        ),
        (dt.date, "March", "valeur attendue : une date (reçu : 'March')", "expected a date"),
        (
            Annotated[str, Field(pattern=r"^[a-z]+$")],
            "Ab1",
            "'Ab1' n'a pas la forme attendue",
            "'Ab1' does not have the expected form",
        ),
        (
            Annotated[list[int], Field(min_length=2)],
            [1],
            "doit contenir au moins 2 éléments (reçu : 1)",
            "must hold at least 2 items, got 1",
        ),
        (
            Annotated[list[int], Field(max_length=1)],
            [1, 2, 3],
            "doit contenir au plus 1 élément (reçu : 3)",
            "must hold at most 1 item, got 3",
        ),
        (Annotated[list[int], Field(min_length=1)], [], "ne doit pas être vide", "must not be"),
        (
            Annotated[str, Field(max_length=3)],
            "abcd",
            "doit compter au plus 3 caractères",
            "must be at most 3 characters long",
        ),
        (
            Annotated[str, Field(min_length=2)],
            "a",
            "doit compter au moins 2 caractères",
            "must be at least 2 characters long",
        ),
        (bool, "perhaps", "valeur attendue : true ou false (reçu : 'perhaps')", "expected true"),
        (dict[str, int], [1], "valeur attendue : une table (reçu : une liste)", "expected a table"),
    ],
)
def test_pydantic_errors_of_a_damaged_file_read_in_french(
    kind: Any, value: Any, french: str, english: str
) -> None:
    error = _pydantic_error(kind, value)
    with i18n.use("fr"):
        assert describe(error, []) == french
    assert describe(error, []).startswith(english)


def test_a_file_saved_as_latin1_names_its_line_and_byte_in_french(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    path.write_bytes('id = "x"\nclient = "Société"\n'.encode("latin-1"))
    with i18n.use("fr"), pytest.raises(FileProblems) as caught:
        read_toml(path, "s.toml")
    assert str(caught.value) == (
        "s.toml:2: pas du texte UTF-8 (l'octet 0xE9 n'est pas suivi des octets qu'attend l'UTF-8)"
    )
    with pytest.raises(FileProblems) as caught:
        read_toml(path, "s.toml")
    assert str(caught.value) == (
        "s.toml:2: not UTF-8 text (byte 0xE9 is not followed by the bytes UTF-8 expects)"
    )


def test_a_system_error_ends_a_line_as_its_file_and_its_reason() -> None:
    error = PermissionError(errno.EACCES, "Permission denied", "workshop/sessions")
    with i18n.use("fr"):
        assert error_text(error) == "workshop/sessions : permission refusée"
        assert error_text(OSError(errno.ENOSPC, "No space left on device")) == (
            "plus de place sur le disque"
        )
        assert error_text(UserError("déjà en français")) == "déjà en français"
    assert error_text(error) == "workshop/sessions: Permission denied"
