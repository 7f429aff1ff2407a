"""The home screen's plan line, from the last report, without compiling anything.

Call it from a worker like the compile it replaces: importing `esp_wizard.findings` loads
the models.

The home screen shows one line per engagement (who is left to interview, how many roles
are unheard): compiling the engagement for it would cost the whole report. Every report
compiled by `compile_workspace` leaves that line's data here, with the state of the
workspace it was compiled from (each session file's size, time and inode, and the
engagement file's); `cached_plan` gives it back only while that state is unchanged, so it
is never older than the files. Signed with the report cache's key (factcache.py): a
damaged or foreign file is ignored, and the caller compiles as before.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from esp_wizard import __version__, i18n
from esp_wizard.filecache import cache_dir, file_key, signing_key
from esp_wizard.findings.engagement_file import engagement_path
from esp_wizard.session.summary import session_files
from esp_wizard.workspace import Workspace

if TYPE_CHECKING:
    from esp_wizard.findings.model import EngagementReport


@dataclass(frozen=True)
class PlanGlance:
    """What the home screen's plan line shows of an engagement."""

    to_interview: tuple[tuple[str, str], ...]  # (name, questionnaire id or "")
    roles_missing: tuple[str, ...]


def workspace_state(workspace: Workspace) -> str:
    """A digest of every file a report reads: any change to one changes it."""
    files = [*session_files(workspace.sessions_dir), engagement_path(workspace)]
    state = [[path.name, file_key(path)] for path in files]
    text = json.dumps([__version__, i18n.current(), state])
    return hashlib.sha256(text.encode()).hexdigest()


def _path(workspace: Workspace) -> Path:
    scope = hashlib.sha256(str(workspace.sessions_dir.absolute()).encode()).hexdigest()[:16]
    return cache_dir() / f"plans-{scope}.json"


def _engagement(client: str, engagement: str) -> str:
    return json.dumps(
        [" ".join(client.split()).casefold(), " ".join(engagement.split()).casefold()]
    )


def _read(workspace: Workspace, key: bytes) -> dict[str, Any]:
    try:
        signature, _, body = _path(workspace).read_bytes().partition(b"\n")
    except OSError:
        return {}
    expected = hmac.new(key, body, hashlib.sha256).hexdigest().encode()
    if not hmac.compare_digest(signature, expected):
        return {}
    try:
        stored = json.loads(body)
    except ValueError:
        return {}
    return stored if isinstance(stored, dict) else {}


def cached_plan(workspace: Workspace, client: str, engagement: str) -> PlanGlance | None:
    """The plan line's data as the last report found it, if no file changed since."""
    key = signing_key(cache_dir())
    if key is None:
        return None
    entry: Any = _read(workspace, key).get(_engagement(client, engagement))
    try:
        if entry["state"] != workspace_state(workspace):
            return None
        people = tuple((str(name), str(role)) for name, role in entry["to_interview"])
        return PlanGlance(people, tuple(str(role) for role in entry["roles_missing"]))
    except (KeyError, TypeError, ValueError):
        return None


def glance_of(report: EngagementReport) -> PlanGlance:
    plan = report.playbook.interview_plan if report.playbook else None
    people = tuple((p.name, p.questionnaire) for p in plan.to_interview) if plan else ()
    return PlanGlance(people, report.roles_missing)


def remember_plan(workspace: Workspace, state: str, report: EngagementReport) -> None:
    """Keep `report`'s plan line, compiled from the files as `state` found them."""
    key = signing_key(cache_dir())
    if key is None:
        return
    glance = glance_of(report)
    entries = _read(workspace, key)
    entries[_engagement(report.client, report.engagement)] = {
        "state": state,
        "to_interview": [list(person) for person in glance.to_interview],
        "roles_missing": list(glance.roles_missing),
    }
    body = json.dumps(entries).encode()
    signature = hmac.new(key, body, hashlib.sha256).hexdigest().encode()
    target = _path(workspace)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        temporary.write_bytes(signature + b"\n" + body)
        os.replace(temporary, target)
    except OSError:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
