"""Files that cannot be read or written, told in French from the command line.

The line keeps its data (file, line, column, key) and exit code 2; what the libraries
explain in English (tomli's syntax message, the system's reason) is in French too. Each
mistake is also made in English, whose line reads as it always did.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from tests.test_cli import make_session

from esp_wizard.cli import main

DATA = Path(__file__).parent / "data"


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    (tmp_path / "sessions").mkdir()
    make_session(tmp_path)
    return tmp_path


def errors(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.err + captured.out


def test_a_session_with_an_unclosed_list_names_line_and_column_in_french(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = workspace / "sessions" / "syntax.toml"
    text = 'id = "brokenid"\nroles = ["a", "b"\nclient = "Acme"\n'
    broken.write_text(text, encoding="utf-8")
    args = ("--workspace", str(workspace), "export", str(broken))
    code, french = errors(capsys, "--lang", "fr", *args)
    assert code == 2
    assert f"{broken}:3: syntaxe TOML (colonne 1) : liste non fermée (il manque « ] »)" in french
    assert "unclosed" not in french.casefold()
    code, english = errors(capsys, *args)
    assert code == 2
    assert f"{broken}:3: TOML syntax (column 1): unclosed array" in english
    assert broken.read_text(encoding="utf-8") == text


def test_a_list_left_open_at_the_end_of_the_file(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = workspace / "sessions" / "syntax.toml"
    broken.write_text('id = "brokenid"\nclient = "Acme"\nroles = ["a", "b"\n', encoding="utf-8")
    args = ("--workspace", str(workspace), "export", str(broken))
    code, french = errors(capsys, "--lang", "fr", *args)
    assert code == 2
    assert f"{broken}:3: syntaxe TOML (à la fin du fichier) : liste non fermée" in french
    code, english = errors(capsys, *args)
    assert f"{broken}:3: TOML syntax (at the end of the file): unclosed array" in english


def test_a_session_missing_its_equals_sign(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = workspace / "sessions" / "noequals.toml"
    broken.write_text('id = "brokenid"\nclient "Acme"\n', encoding="utf-8")
    code, french = errors(
        capsys, "--lang", "fr", "--workspace", str(workspace), "export", str(broken)
    )
    assert code == 2
    assert f"{broken}:2: syntaxe TOML (colonne 8) : « = » attendu après la clé (clé = valeur)" in (
        french
    )
    code, english = errors(capsys, "--workspace", str(workspace), "export", str(broken))
    assert f"{broken}:2: TOML syntax (column 8): expected '=' after a key in a key/value pair" in (
        english
    )


def test_a_questionnaire_with_a_bad_value_names_line_and_column_in_french(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (DATA / "complete.toml").read_text(encoding="utf-8")
    path = tmp_path / "bad.toml"
    path.write_text(text.replace("minutes = 30\n", "minutes = thirty\n"), encoding="utf-8")
    line = text.splitlines().index("minutes = 30") + 1
    code, french = errors(capsys, "--lang", "fr", "questionnaires", "check", str(path))
    assert code == 2
    assert f"{path}:{line}: syntaxe TOML (colonne 11) : valeur non valide" in french
    assert "invalid" not in french
    code, english = errors(capsys, "--lang", "en", "questionnaires", "check", str(path))
    assert f"{path}:{line}: TOML syntax (column 11): invalid value" in english


def test_a_session_whose_number_is_not_whole_in_french(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    session = next((workspace / "sessions").glob("*.toml"))
    text = session.read_text(encoding="utf-8").replace("format = 1\n", "format = 1.5\n", 1)
    session.write_text(text, encoding="utf-8")
    code, french = errors(
        capsys, "--lang", "fr", "--workspace", str(workspace), "export", str(session)
    )
    assert code == 2
    assert f"{session}:1: format: valeur attendue : un nombre entier (reçu : 1.5)" in french
    code, english = errors(capsys, "--workspace", str(workspace), "export", str(session))
    assert f"{session}:1: format: expected a whole number, got 1.5" in english


def test_a_report_into_a_path_through_a_file_says_why_in_french(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (workspace / "notes.txt").write_text("kept\n", encoding="utf-8")
    target = workspace / "notes.txt" / "report.md"
    args = ("--workspace", str(workspace), "report", "-o", str(target))
    code, french = errors(capsys, "--lang", "fr", *args)
    assert code == 2
    assert f"impossible d'écrire {target} : une partie du chemin n'est pas un dossier" in french
    code, english = errors(capsys, *args)
    assert code == 2
    assert f"cannot write {target}: Not a directory" in english
    assert (workspace / "notes.txt").read_text(encoding="utf-8") == "kept\n"


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into a read-only folder")
def test_a_report_into_a_read_only_folder_says_why_in_french(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    locked = workspace / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        args = ("--workspace", str(workspace), "report", "-o", str(locked / "report.md"))
        code, french = errors(capsys, "--lang", "fr", *args)
        assert code == 2
        assert f"impossible d'écrire {locked / 'report.md'} : permission refusée" in french
        code, english = errors(capsys, *args)
        assert f"could not write {locked / 'report.md'}: Permission denied" in english
        assert list(locked.iterdir()) == []
    finally:
        locked.chmod(0o700)


def test_an_existing_output_file_is_kept_in_french(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = workspace / "report.md"
    target.write_text("mine\n", encoding="utf-8")
    args = ("--workspace", str(workspace), "report", "-o", str(target))
    code, french = errors(capsys, "--lang", "fr", *args)
    assert code == 2
    assert f"{target} existe déjà ; ajoutez --force pour le remplacer" in french
    code, english = errors(capsys, *args)
    assert f"{target} already exists; add --force to replace it" in english
    code, french = errors(
        capsys, "--lang", "fr", "--workspace", str(workspace), "report", "-o", str(workspace)
    )
    assert code == 2
    assert f"{workspace} ne sera pas écrit : c'est un dossier ; indiquez un fichier" in french
    assert target.read_text(encoding="utf-8") == "mine\n"


@pytest.mark.parametrize(
    ("content", "line", "french", "english"),
    [
        (
            '[[engagements]]\nclient = "Acme Retail"\ncolour = "blue"\n',
            3,
            "engagements › #1 › colour: clé inconnue (clés permises : client, engagement, "
            "executive_note)",
            "engagements › #1 › colour: unknown key (allowed: client, engagement, executive_note)",
        ),
        (
            '[[engagements]]\nclient = "Acme Retail"\nexecutive_note = 3\n',
            3,
            "engagements › #1 › executive_note: valeur attendue : du texte (reçu : 3)",
            "engagements › #1 › executive_note: expected text, got 3",
        ),
        (
            'engagements = "Acme"\n',
            1,
            "engagements: doit être un tableau de tables ([[engagements]])",
            "engagements: must be an array of tables ([[engagements]])",
        ),
    ],
)
def test_a_damaged_engagement_file_names_line_and_key_in_french(
    workspace: Path,
    capsys: pytest.CaptureFixture[str],
    content: str,
    line: int,
    french: str,
    english: str,
) -> None:
    path = workspace / "engagement.toml"
    path.write_text(content, encoding="utf-8")
    code, said = errors(capsys, "--lang", "fr", "--workspace", str(workspace), "report")
    assert code == 2
    assert f"{path}:{line}: {french}" in said
    code, said = errors(capsys, "--workspace", str(workspace), "report")
    assert code == 2
    assert f"{path}:{line}: {english}" in said
    assert path.read_text(encoding="utf-8") == content


def test_an_exported_summary_says_what_was_written_in_french(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    session = next((workspace / "sessions").glob("*.toml"))
    session_id = session.stem.rsplit("-", 1)[-1]
    target = workspace / "summary.md"
    args = ("--workspace", str(workspace), "export", str(session), "-o", str(target))
    code, french = errors(capsys, "--lang", "fr", *args)
    assert code == 0
    assert french.endswith(f"(session {session_id}, 2 sur 8 répondues)\n")
    target.unlink()
    code, english = errors(capsys, *args)
    assert code == 0
    assert english.endswith(f"(session {session_id}, 2 of 8 answered)\n")
