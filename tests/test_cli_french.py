"""The command line in French: the core's errors, argparse's own and the listings' words.

Each mistake is made twice, with `--lang fr` (or a French LANG) and in English: the French
line keeps its data (file, line, key, value) and the exit code, the English line is as it
always was.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from tests.test_cli import make_session

from esp_wizard.cli import main

DATA = Path(__file__).parent / "data"


def run(*args: str, lang: str = "C") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LANG": lang, "LC_ALL": "", "LC_MESSAGES": ""}
    env.pop("ESP_WIZARD_DEBUG", None)
    return subprocess.run(
        [sys.executable, "-m", "esp_wizard", *args], capture_output=True, text=True, env=env
    )


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    (tmp_path / "sessions").mkdir()
    make_session(tmp_path)
    return tmp_path


def test_a_session_id_that_matches_nothing(workspace: Path) -> None:
    french = run("--lang", "fr", "--workspace", str(workspace), "export", "zzzz")
    assert french.returncode == 2
    assert french.stderr == (
        "esp-wizard : aucune session ne correspond à « zzzz » (esp-wizard sessions les liste)\n"
    )
    english = run("--workspace", str(workspace), "export", "zzzz")
    assert english.returncode == 2
    assert english.stderr == (
        "esp-wizard: no session matches 'zzzz' (esp-wizard sessions lists them)\n"
    )


def test_the_locale_alone_speaks_french(workspace: Path) -> None:
    result = run("--workspace", str(workspace), "export", "zzzz", lang="fr_FR.UTF-8")
    assert result.returncode == 2
    assert "aucune session ne correspond à « zzzz »" in result.stderr


def test_a_damaged_session_file_is_named_with_its_line(workspace: Path) -> None:
    broken = workspace / "sessions" / "broken.toml"
    text = 'id = "brokenid"\nclient = 3\n'
    broken.write_text(text, encoding="utf-8")
    french = run("--lang", "fr", "--workspace", str(workspace), "export", str(broken))
    assert french.returncode == 2, french.stderr
    assert f"{broken}:2: client: valeur attendue : du texte (reçu : 3)" in french.stderr
    english = run("--workspace", str(workspace), "export", str(broken))
    assert english.returncode == 2
    assert f"{broken}:2: client: expected text, got 3" in english.stderr
    assert broken.read_text(encoding="utf-8") == text


def test_a_session_file_with_bad_toml_is_named_in_french(workspace: Path) -> None:
    broken = workspace / "sessions" / "syntax.toml"
    broken.write_text('id = "x"\nclient = \n', encoding="utf-8")
    french = run("--lang", "fr", "--workspace", str(workspace), "export", str(broken))
    assert french.returncode == 2
    assert f"{broken}:2: syntaxe TOML (colonne " in french.stderr


def _bad_questionnaire(tmp_path: Path) -> Path:
    text = (DATA / "complete.toml").read_text(encoding="utf-8")
    path = tmp_path / "bad.toml"
    path.write_text(text.replace("minutes = 30\n", "minutes = 30\ncolour = 1\n"), encoding="utf-8")
    return path


def test_a_bad_questionnaire_names_file_line_and_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _bad_questionnaire(tmp_path)
    assert main(["--lang", "fr", "questionnaires", "check", str(path)]) == 2
    french = capsys.readouterr().out
    assert french.startswith(f"{path}:10: colour: clé inconnue (clés permises : format, id, ")
    assert main(["--lang", "en", "questionnaires", "check", str(path)]) == 2
    english = capsys.readouterr().out
    assert english.startswith(f"{path}:10: colour: unknown key (allowed: format, id, ")


def test_a_missing_questionnaire_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "fr", "questionnaires", "check", "nowhere.toml"]) == 2
    assert capsys.readouterr().out == "nowhere.toml: fichier introuvable\n"


def test_an_unknown_command_is_refused_in_french() -> None:
    french = run("--lang", "fr", "nosuch")
    assert french.returncode == 2
    assert french.stderr.splitlines()[-1] == (
        "esp-wizard : erreur : argument COMMAND : choix non valable : 'nosuch' "
        "(choisissez parmi 'questionnaires', 'sessions', 'ask', 'report', 'export', 'new', "
        "'resume', 'tui')"
    )
    assert french.stderr.startswith("utilisation : esp-wizard")
    english = run("nosuch")
    assert english.returncode == 2
    assert english.stderr.splitlines()[-1].startswith(
        "esp-wizard: error: argument COMMAND: invalid choice: 'nosuch' (choose from "
    )


def test_a_missing_argument_and_an_extra_one(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as missing:
        main(["--lang", "fr", "export"])
    assert missing.value.code == 2
    last = capsys.readouterr().err.splitlines()[-1]
    assert last == "esp-wizard export : erreur : les arguments suivants sont obligatoires : SESSION"
    with pytest.raises(SystemExit) as extra:
        main(["--lang", "fr", "sessions", "--bogus"])
    assert extra.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1] == (
        "esp-wizard : erreur : arguments non reconnus : --bogus"
    )
    with pytest.raises(SystemExit):
        main(["--lang", "fr", "sessions", "--client"])
    assert capsys.readouterr().err.splitlines()[-1] == (
        "esp-wizard sessions : erreur : argument --client : un argument attendu"
    )
    with pytest.raises(SystemExit):
        main(["--lang", "en", "export"])
    assert capsys.readouterr().err.splitlines()[-1] == (
        "esp-wizard export: error: the following arguments are required: SESSION"
    )


def test_the_sessions_listing_says_its_status_in_french(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--lang", "fr", "--workspace", str(workspace), "sessions"]) == 0
    row = capsys.readouterr().out.splitlines()[1].split("\t")
    assert row[5:7] == ["en cours", "2/8"]
    assert main(["--lang", "en", "--workspace", str(workspace), "sessions"]) == 0
    row = capsys.readouterr().out.splitlines()[1].split("\t")
    assert row[5:7] == ["in progress", "2/8"]


def test_a_missing_workspace_in_french(tmp_path: Path) -> None:
    result = run("--lang", "fr", "--workspace", str(tmp_path / "nowhere"), "sessions")
    assert result.returncode == 2
    assert result.stderr.startswith(
        f"esp-wizard : dossier de travail introuvable : {tmp_path / 'nowhere'} (indiquez"
    )


def test_an_answer_that_no_longer_fits_its_question(workspace: Path) -> None:
    path = next((workspace / "sessions").glob("*.toml"))
    path.write_text(
        path.read_text(encoding="utf-8").replace("value = true", 'value = "maybe"'),
        encoding="utf-8",
    )
    french = run("--lang", "fr", "--workspace", str(workspace), "export", path.stem)
    assert french.returncode == 2, french.stderr
    assert (
        f"{path}:27: answers › uses_lists › value: question yes_no : valeur attendue : "
        "true ou false (reçu : 'maybe')"
    ) in french.stderr
    english = run("--workspace", str(workspace), "export", path.stem)
    assert (
        f"{path}:27: answers › uses_lists › value: yes_no question: expected true or false, "
        "got 'maybe'"
    ) in english.stderr


def test_a_questionnaire_cross_check_in_french(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (DATA / "complete.toml").read_text(encoding="utf-8")
    path = tmp_path / "twice.toml"
    path.write_text(text.replace('id = "uses_lists"', 'id = "story"'), encoding="utf-8")
    assert main(["--lang", "fr", "questionnaires", "check", str(path)]) == 2
    out = capsys.readouterr().out
    assert out.startswith(f"{path}:28: ")
    assert "id: « story » est déjà l'identifiant d'une question précédente" in out


@pytest.mark.parametrize(
    ("name", "french"),
    [
        ("min-greater-than-max", "min (200) est supérieur à max (168)"),
        ("duplicate-option", "« email » figure deux fois"),
        ("for-each-not-inventory", "« channels » n'est pas une question inventory (systems)"),
    ],
)
def test_a_question_type_problem_in_french(
    name: str, french: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = DATA / "broken" / f"{name}.toml"
    english = path.read_text(encoding="utf-8").splitlines()[0].removeprefix("# expect: ")
    where = english.replace("{file}", str(path)).rpartition(": ")[0]
    assert main(["--lang", "fr", "questionnaires", "check", str(path)]) == 2
    assert f"{where}: {french}" in capsys.readouterr().out


def test_a_condition_mistake_in_french(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = (DATA / "complete.toml").read_text(encoding="utf-8")
    path = tmp_path / "when.toml"
    condition = """when = 'list_source in ["csv_upload", "ask_it"]'"""
    assert condition in text
    path.write_text(text.replace(condition, "when = '(uses_lists'"), encoding="utf-8")
    assert main(["--lang", "fr", "questionnaires", "check", str(path)]) == 2
    french = capsys.readouterr().out
    assert french.startswith(f"{path}:57: ")
    assert french.rstrip().endswith("il manque « ) » pour fermer la « ( » de la colonne 1")
    assert main(["--lang", "en", "questionnaires", "check", str(path)]) == 2
    assert capsys.readouterr().out.rstrip().endswith("missing ')' to close the '(' at column 1")


def test_escapes_keep_their_backslashes_in_french() -> None:
    from esp_wizard import i18n
    from esp_wizard.questionnaire.expression import ExpressionError, parse

    with i18n.use("fr"), pytest.raises(ExpressionError) as error:
        parse("story == 'a\\q'")
    assert str(error.value) == (
        "échappement inconnu '\\q' dans une chaîne (utilisez \\\\, \\', \\\" ou \\n)"
    )


@pytest.mark.parametrize(
    ("condition", "french", "english"),
    [
        (
            "uses_lists > 2",
            "impossible de comparer uses_lists (une question oui/non) à 2 (un nombre)",
            "cannot compare uses_lists (a yes/no question) with 2 (a number)",
        ),
        (
            'list_source == "csv_uplod"',
            "« csv_uplod » n'est pas une option de list_source (api, sftp, csv_upload, ask_it, "
            "other)",
            "'csv_uplod' is not an option of list_source (api, sftp, csv_upload, ask_it, other)",
        ),
    ],
)
def test_a_condition_type_error_in_french(
    condition: str, french: str, english: str, tmp_path: Path
) -> None:
    """A `when` of the wrong kind: the French line keeps file, line and field."""
    text = (DATA / "complete.toml").read_text(encoding="utf-8")
    path = tmp_path / "kinds.toml"
    original = """when = 'list_source in ["csv_upload", "ask_it"]'"""
    path.write_text(text.replace(original, f"when = '{condition}'"), encoding="utf-8")
    where = f"{path}:57: sections › lists › question list_prep_hours › when: "
    in_french = run("--lang", "fr", "questionnaires", "check", str(path))
    assert in_french.returncode == 2
    assert in_french.stdout == where + french + "\n"
    in_english = run("questionnaires", "check", str(path))
    assert in_english.returncode == 2
    assert in_english.stdout == where + english + "\n"
