"""The report cache (factcache.py) and the streamed compile: the same report as compiling
every session afresh, whatever state the cache is in."""

from __future__ import annotations

import pickle
import shutil
from pathlib import Path

import pytest

from esp_wizard.filecache import cache_dir
from esp_wizard.findings import compile_engagement, compile_workspace
from esp_wizard.findings.engagement import load_engagement
from esp_wizard.findings.engagement_file import executive_note
from esp_wizard.findings.factcache import FactCache
from esp_wizard.findings.model import EngagementReport
from esp_wizard.workspace import Workspace

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def workspace(tmp_path: Path) -> Workspace:
    """A copy of the example engagement (its executive's rules read `today` and the
    estimate, so sessions are judged again with the engagement's)."""
    shutil.copytree(REPO / "sessions", tmp_path / "sessions")
    return Workspace(tmp_path)


def afresh(workspace: Workspace) -> EngagementReport:
    """Every session loaded and kept, compiled together: no cache, no streaming."""
    choice, opened, warnings = load_engagement(workspace)
    note = executive_note(workspace, choice.client, choice.engagement)
    return compile_engagement(opened, choice.client, choice.engagement, warnings, note)


def entries(workspace: Workspace) -> list[Path]:
    return sorted(FactCache(workspace.sessions_dir).folder.iterdir())


def test_the_report_from_the_cache_is_the_report_compiled_afresh(workspace: Workspace) -> None:
    expected = afresh(workspace)
    assert compile_workspace(workspace) == expected  # nothing cached yet
    sessions = list(workspace.sessions_dir.glob("*.toml"))
    assert len(entries(workspace)) == len(sessions)
    stamps = [entry.stat().st_mtime_ns for entry in entries(workspace)]
    assert compile_workspace(workspace) == expected  # every session from the cache
    assert [entry.stat().st_mtime_ns for entry in entries(workspace)] == stamps  # none redone


def test_a_changed_session_file_is_read_again(workspace: Workspace) -> None:
    before = compile_workspace(workspace)
    path = next(
        p for p in workspace.sessions_dir.glob("*.toml") if "Mary in IT" not in p.read_text()
    )
    text = path.read_text(encoding="utf-8")
    changed = text.replace('note = "', 'note = "Mary in IT said so. ', 1)
    assert changed != text
    path.write_text(changed, encoding="utf-8")
    after = compile_workspace(workspace)
    assert after == afresh(workspace)
    assert after != before


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],  # cut short
        lambda data: data[:-40] + bytes(b ^ 0xFF for b in data[-40:]),  # bits flipped
        lambda data: b"",  # emptied
        lambda data: b"not a cache entry at all\n{]",
    ],
    ids=["cut", "flipped", "empty", "garbage"],
)
def test_a_damaged_cache_entry_is_ignored_and_rebuilt(workspace: Workspace, damage) -> None:
    expected = compile_workspace(workspace)
    for entry in entries(workspace):
        entry.write_bytes(damage(entry.read_bytes()))
    assert compile_workspace(workspace) == expected == afresh(workspace)
    fresh = FactCache(workspace.sessions_dir)
    assert all(fresh.get(p, _key(p)) is not None for p in workspace.sessions_dir.glob("*.toml"))


def test_an_entry_moved_to_another_session_is_not_believed(workspace: Workspace) -> None:
    expected = compile_workspace(workspace)
    first, second, *_ = entries(workspace)
    shutil.copyfile(first, second)  # signed by us, but about another file
    assert compile_workspace(workspace) == expected


def test_a_forged_entry_runs_nothing_even_signed_with_our_key(
    workspace: Workspace, tmp_path: Path
) -> None:
    """An entry whose payload would call a function when unpickled: refused by class."""
    import hashlib
    import hmac

    expected = compile_workspace(workspace)
    marker = tmp_path / "ran"

    class Touch:
        def __reduce__(self) -> tuple[object, ...]:
            return (Path.touch, (marker,))

    key = (cache_dir() / "report.key").read_bytes()
    for entry in entries(workspace):
        header = entry.read_bytes().split(b"\n")[1]
        body = header + b"\n" + pickle.dumps(Touch())
        signature = hmac.new(key, body, hashlib.sha256).hexdigest().encode()
        entry.write_bytes(signature + b"\n" + body)
    assert compile_workspace(workspace) == expected
    assert not marker.exists()


def _key(path: Path) -> list[int] | None:
    from esp_wizard.filecache import file_key

    return file_key(path)


def test_the_plan_line_comes_from_the_last_report_until_a_file_changes(
    workspace: Workspace,
) -> None:
    from esp_wizard.findings.glance import cached_plan, glance_of

    report = compile_workspace(workspace)
    client, engagement = report.client, report.engagement
    glance = cached_plan(workspace, client.upper(), f"  {engagement} ")
    assert glance == glance_of(report)
    assert glance is not None and glance.roles_missing == report.roles_missing
    assert cached_plan(workspace, client, "Another engagement") is None
    path = next(workspace.sessions_dir.glob("*.toml"))
    path.write_bytes(path.read_bytes() + b"\n")
    assert cached_plan(workspace, client, engagement) is None  # compile again
    assert cached_plan(workspace, client, engagement) is None
    compile_workspace(workspace)
    assert cached_plan(workspace, client, engagement) == glance_of(report)
