"""The report cache (factcache.py) and the streamed compile: the same report as compiling
every session afresh, whatever state the cache is in."""

from __future__ import annotations

import io
import pickle
import shutil
from pathlib import Path
from typing import Any

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


def cached(workspace: Workspace) -> Path:
    return FactCache(workspace.sessions_dir).path


def all_cached(workspace: Workspace) -> bool:
    cache = FactCache(workspace.sessions_dir)
    paths = workspace.sessions_dir.glob("*.toml")
    found = all(cache.get(p, _key(p)) is not None for p in paths)
    cache.close()
    return found


def test_the_report_from_the_cache_is_the_report_compiled_afresh(workspace: Workspace) -> None:
    expected = afresh(workspace)
    assert compile_workspace(workspace) == expected  # nothing cached yet
    assert all_cached(workspace)
    stamp = cached(workspace).stat().st_mtime_ns
    assert compile_workspace(workspace) == expected  # every session from the cache
    assert cached(workspace).stat().st_mtime_ns == stamp  # nothing redone, nothing rewritten


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
def test_a_damaged_cache_is_ignored_and_rebuilt(workspace: Workspace, damage) -> None:
    expected = compile_workspace(workspace)
    path = cached(workspace)
    path.write_bytes(damage(path.read_bytes()))
    assert not all_cached(workspace)
    assert compile_workspace(workspace) == expected == afresh(workspace)
    assert all_cached(workspace)


def test_a_cache_copied_to_another_workspace_is_not_believed(
    workspace: Workspace, tmp_path: Path
) -> None:
    """Signed by us, but about other files: the same sessions, changed, in another folder."""
    compile_workspace(workspace)
    other = Workspace(tmp_path / "other")
    shutil.copytree(workspace.sessions_dir, other.sessions_dir)
    path = next(p for p in other.sessions_dir.glob("*.toml") if "Mary in IT" not in p.read_text())
    path.write_text(path.read_text().replace('note = "', 'note = "Mary in IT. ', 1))
    shutil.copyfile(cached(workspace), cached(other))
    assert not all_cached(other)
    assert compile_workspace(other) == afresh(other) != compile_workspace(workspace)


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
    stream = io.BytesIO(cached(workspace).read_bytes())
    stream.readline()
    index = pickle.load(stream)  # the real index: every entry valid, so its facts are read
    assert index[3]
    for body in (
        pickle.dumps(index) + pickle.dumps([Touch()] * len(index[3])),  # in the facts
        pickle.dumps([*index[:3], {"x": Touch()}]),  # in the index
    ):
        signature = hmac.new(key, body, hashlib.sha256).hexdigest().encode()
        cached(workspace).write_bytes(signature + b"\n" + body)
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


def test_the_collector_is_off_while_a_report_compiles_and_as_it_was_after(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Judging the files makes no reference cycle, so the cyclic collector's passes are
    skipped while a report compiles (streaming._collector_held); it is on again after, or
    still off if it was off (a TUI command holds it at start-up)."""
    import gc

    from esp_wizard.findings import streaming

    seen: list[bool] = []
    real = streaming.compile_facts

    def noting(*args: Any, **kwargs: Any) -> EngagementReport:
        seen.append(gc.isenabled())
        return real(*args, **kwargs)

    monkeypatch.setattr(streaming, "compile_facts", noting)
    assert gc.isenabled()
    gc.collect()
    report = compile_workspace(workspace)
    assert seen == [False] and gc.isenabled()
    assert gc.collect() == 0  # and it would have found nothing
    assert report == afresh(workspace)
    gc.disable()
    try:
        assert compile_workspace(workspace) == report
        assert seen == [False, False] and not gc.isenabled()
    finally:
        gc.enable()
