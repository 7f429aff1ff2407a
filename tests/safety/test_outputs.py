"""Guarantee: `-o` never replaces anyone's work; the TUI's exports are always new files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from esp_wizard.cli import main
from esp_wizard.export.files import export_report, write_new_export
from esp_wizard.workspace import Workspace
from safety.conftest import session_files


def run(root: Path, *args: str) -> int:
    return main(["--workspace", str(root), *args])


def one_error_line(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1, err
    return err[0]


@pytest.mark.parametrize("command", [["report"], ["export", "nwemlops"]])
def test_a_session_file_as_output_is_refused_even_with_force(
    example: Path, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    target = session_files(example)[0]
    before = target.read_bytes()
    for force in ([], ["--force"]):
        assert run(example, *command, "-o", str(target), *force) == 2
        assert "will not write" in one_error_line(capsys)
    assert target.read_bytes() == before


def test_a_session_copied_elsewhere_is_still_protected(
    example: Path, tmp_path_factory: pytest.TempPathFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    elsewhere = tmp_path_factory.mktemp("elsewhere") / "interview.toml"
    elsewhere.write_bytes(session_files(example)[0].read_bytes())
    assert run(example, "report", "-o", str(elsewhere), "--force", "--format", "md") == 2
    assert "session or questionnaire file" in one_error_line(capsys)


def test_new_files_in_sessions_or_questionnaires_are_refused(
    example: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for folder in ("sessions", "questionnaires", "sessions/.questionnaires"):
        target = example / folder / "report.md"
        assert run(example, "report", "-o", str(target)) == 2
        assert "sessions or questionnaires folder" in one_error_line(capsys)
        assert not target.exists()


def test_an_existing_export_is_kept_unless_force(
    example: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = example / "report.md"
    target.write_text("my edited report\n", encoding="utf-8")
    assert run(example, "report", "-o", str(target)) == 2
    assert "already exists; add --force" in one_error_line(capsys)
    assert target.read_text(encoding="utf-8") == "my edited report\n"
    assert run(example, "report", "-o", str(target), "--force") == 0
    assert target.read_text(encoding="utf-8").startswith("# Discovery report")


def test_symlinks_and_special_files_are_refused(
    example: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    real = example / "real.md"
    real.write_text("keep\n", encoding="utf-8")
    (example / "link.md").symlink_to(real)
    (example / "dangling.md").symlink_to(example / "nowhere.md")
    os.mkfifo(example / "fifo.md")
    (example / "folder.md").mkdir()
    for name in ("link.md", "dangling.md", "fifo.md", "folder.md", os.devnull):
        assert run(example, "report", "-o", str(example / name), "--force") == 2, name
        assert "will not write" in one_error_line(capsys)
    assert real.read_text(encoding="utf-8") == "keep\n"
    assert not (example / "nowhere.md").exists()
    assert (example / "link.md").is_symlink()


def test_dash_writes_to_standard_output(example: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(example, "report", "-o", "-", "--format", "json") == 0
    assert capsys.readouterr().out.lstrip().startswith("{")
    assert not (example / "-").exists()


def test_the_tui_export_never_replaces_an_earlier_export(example: Path) -> None:
    workspace = Workspace(example)
    first = export_report(workspace, None, None, "md")
    first.write_text("annotated by hand\n", encoding="utf-8")
    second = export_report(workspace, None, None, "md")
    assert second != first and second.parent == workspace.exports_dir
    assert first.read_text(encoding="utf-8") == "annotated by hand\n"
    assert second.name.endswith("-report-2.md")


def test_exports_to_files_keep_text_but_lose_control_characters(tmp_path: Path) -> None:
    path = write_new_export(tmp_path, "x.md", "a\x1b]52;c;ZXZpbA==\x07b\r\nc\td\x9bé\n")
    assert path.read_bytes().decode("utf-8") == "a]52;c;ZXZpbA==b\r\nc\tdé\n"
