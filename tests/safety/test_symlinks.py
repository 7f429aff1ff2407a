"""Guarantee: a session file that is a symlink is followed: saves update its target and
the link stays a link (`ask --resume`, `resume` and the store alike)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ask.driver import run_ask
from esp_wizard.cli import main
from esp_wizard.session.store import SessionStore
from esp_wizard.workspace import Workspace

DATA = Path(__file__).resolve().parents[1] / "data"
NEW = ["--client", "Acme", "--engagement", "", "--facilitator", "", "--interviewee", "Ana:ops"]


@pytest.fixture
def linked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path, Path]:
    """A workspace whose only session file is a link to a file on a 'shared drive'."""
    from esp_wizard.questionnaire import catalog

    root = tmp_path / "ws"
    (root / "questionnaires").mkdir(parents=True)
    shutil.copy(DATA / "complete.toml", root / "questionnaires" / "complete.toml")
    monkeypatch.setattr(catalog, "bundled_dir", lambda: tmp_path / "no-bundled")
    monkeypatch.chdir(root)
    assert run_ask(root, *NEW, "--questionnaire", "spec-example", keys=[":stop\r"]) in (0, 130)
    made = next((root / "sessions").glob("*.toml"))
    shared = tmp_path / "shared" / made.name
    shared.parent.mkdir()
    shutil.move(made, shared)
    made.symlink_to(shared)
    return root, made, shared


def test_ask_resume_through_a_link_updates_the_target_and_keeps_the_link(
    linked: tuple[Path, Path, Path],
) -> None:
    root, link, target = linked
    session_id = link.stem.rsplit("-", 1)[-1]
    before = target.read_bytes()
    keys = ["Told through the link.\r", "\r", ":stop\r"]
    assert run_ask(root, "--resume", session_id, keys=keys) in (0, 130)
    assert link.is_symlink() and link.resolve() == target.resolve()
    assert target.read_bytes() != before
    assert "Told through the link." in target.read_text(encoding="utf-8")
    assert not list(link.parent.glob("*.lock")) and not list(target.parent.glob("*.lock"))


def test_the_store_writes_the_target_of_a_link(linked: tuple[Path, Path, Path]) -> None:
    root, link, target = linked
    with SessionStore(Workspace(root)) as store:
        session = store.open(link.name)
        assert store.path_of(session) == target.resolve()
        session.client = "Acme via link"
        store.save(session)
    assert link.is_symlink()
    assert 'client = "Acme via link"' in target.read_text(encoding="utf-8")


def test_a_link_and_its_target_in_sessions_are_one_session(
    linked: tuple[Path, Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root, link, target = linked
    shutil.move(target, link.parent / "real.toml")
    link.unlink()
    link.symlink_to(link.parent / "real.toml")
    assert main(["--workspace", str(root), "sessions"]) == 0
    out, err = capsys.readouterr()
    assert len(out.strip().splitlines()) == 2  # the header and one session
    assert "conflict" not in err


def test_a_dangling_link_is_a_one_line_problem(
    linked: tuple[Path, Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root, link, target = linked
    target.unlink()
    assert main(["--workspace", str(root), "sessions"]) == 2
    err = capsys.readouterr().err
    assert f"{link.name}: file not found" in err
    assert link.is_symlink()
