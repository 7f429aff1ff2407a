"""`esp-wizard report` and `esp-wizard export` as a consultant meets them."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from esp_wizard.cli import main
from findings.fixture import at, build_fixture_engagement, fixture_questionnaire, write_session


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    build_fixture_engagement(tmp_path)
    return tmp_path


def add_other_engagement(root: Path) -> None:
    from esp_wizard.workspace import Workspace

    write_session(
        Workspace(root),
        fixture_questionnaire("ops"),
        session_id="glob0001",
        started=at(6, 9),
        people=[("Kim", "executive")],
        answers={"list_source": "api"},
        client="Globex",
        engagement="Pilot",
    )


def test_report_with_one_engagement_needs_no_option(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--workspace", str(workspace), "report"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Discovery report: Acme Retail — ESP move 2027")  # plain in a pipe


def test_report_with_several_engagements_lists_them_and_exits_2(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add_other_engagement(workspace)
    assert main(["--workspace", str(workspace), "report"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "2 engagements" in err
    assert "--client 'Acme Retail' --engagement 'ESP move 2027' (4 sessions)" in err
    assert "--client Globex --engagement Pilot (1 session)" in err


def test_report_options_pick_one_of_several(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add_other_engagement(workspace)
    assert (
        main(["--workspace", str(workspace), "report", "--client", "globex", "--format", "json"])
        == 0
    )
    data = json.loads(capsys.readouterr().out)
    assert (data["client"], [s["id"] for s in data["sessions"]]) == ("Globex", ["glob0001"])


def test_report_writes_html_and_csv_files(
    workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "out" / "report.html"
    assert main(["--workspace", str(workspace), "report", "--format", "html", "-o", str(page)]) == 0
    assert f"wrote {page}" in capsys.readouterr().out
    assert page.read_text("utf-8").startswith("<!doctype html>")
    register = tmp_path / "register.csv"
    assert main(["--workspace", str(workspace), "report", "-o", str(register)]) == 0  # from .csv
    rows = list(csv.reader(register.read_text("utf-8-sig").splitlines()))
    assert rows[0][:2] == ["rank", "key"] and rows[1][1] == "manual-list-upload"


def test_report_in_an_empty_workspace_says_what_to_do(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--workspace", str(tmp_path), "report"]) == 2
    assert "esp-wizard new" in capsys.readouterr().err


def test_report_rejects_an_unknown_format(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--workspace", str(workspace), "report", "--format", "pdf"])
    assert exit_.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_export_prints_a_session_summary_by_id_prefix(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--workspace", str(workspace), "export", "ops1", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["session"]["id"] == "ops1aaaa"


def test_export_writes_a_file_whose_format_follows_its_name(
    workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "ana.html"
    assert main(["--workspace", str(workspace), "export", "ops1aaaa", "-o", str(target)]) == 0
    assert "Session summary" in target.read_text("utf-8")
    assert "8 of 8 answered" in capsys.readouterr().out


def test_export_of_an_unknown_session_exits_2(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--workspace", str(workspace), "export", "nope"]) == 2
    assert "no session matches 'nope'" in capsys.readouterr().err


def test_export_has_no_csv(workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--workspace", str(workspace), "export", "ops1", "--format", "csv"])
    assert exit_.value.code == 2


def test_report_in_a_terminal_is_rendered_markdown(
    workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    from rich.console import Console

    from esp_wizard.commands import common

    screen = io.StringIO()
    terminal = Console(file=screen, force_terminal=True, width=120, color_system=None)
    monkeypatch.setattr(common, "console", lambda stderr=False: terminal)
    assert main(["--workspace", str(workspace), "report"]) == 0
    shown = screen.getvalue()
    assert "Discovery report: Acme Retail" in shown
    assert "## 1. Summary" not in shown and "| --- |" not in shown  # rendered, not source
    assert "Subscriber lists reach the ESP by hand" in shown


def test_report_attributes_by_role_unless_asked(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--workspace", str(workspace), "report", "--format", "md"]) == 0
    by_role = capsys.readouterr().out
    args = ["--workspace", str(workspace), "report", "--format", "md", "--attribution", "named"]
    assert main(args) == 0
    named = capsys.readouterr().out
    assert "Ana Souza" in named and "Ana Souza" not in by_role


def test_report_writes_a_docx_file_and_refuses_the_terminal(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from esp_wizard.export.docx_export import outline

    target = workspace / "report.docx"
    assert main(["--workspace", str(workspace), "report", "-o", str(target)]) == 0
    assert "[Heading1] 1. Executive summary" in outline(target.read_bytes())
    assert main(["--workspace", str(workspace), "report", "--format", "docx"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "-o report.docx" in err
