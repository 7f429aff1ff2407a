"""The engagement file: what the consultant adds to a report by hand, kept beside the sessions.

`engagement.toml` at the workspace's root holds one table per engagement; today only the
executive note, which the report shows first. Everything else in a report comes from the
sessions. The file is read with tomli and written with tomli_w, atomically, and only the
engagement being edited changes: other engagements' tables are kept as they were.

    [[engagements]]
    client = "Northwind Outfitters"
    engagement = "ESP migration 2027"
    executive_note = \"\"\"Our recommendation: ...\"\"\"
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import tomli_w

from esp_wizard.errors import FileProblems, Problem, UserError
from esp_wizard.i18n import _
from esp_wizard.reasons import os_reason
from esp_wizard.session.atomic import atomic_write_bytes
from esp_wizard.tomlfile import read_toml, show
from esp_wizard.tomllocate import LineIndex
from esp_wizard.workspace import Workspace

FILE_NAME = "engagement.toml"
KEYS = ("client", "engagement", "executive_note")


def engagement_path(workspace: Workspace) -> Path:
    return workspace.root / FILE_NAME


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _tables(path: Path) -> list[dict[str, Any]]:
    """Every engagement's table; one clear line naming the file, the line and the key
    otherwise (as a session or questionnaire file's problems read)."""
    if not path.is_file():
        return []
    shown = str(path)
    text, data = read_toml(path, shown)
    problem = _problem(data)
    if problem is not None:
        loc, where, message = problem
        line = LineIndex(text).line_of(loc, data)
        raise FileProblems(shown, [Problem(shown, line, where, message)])
    tables: list[dict[str, Any]] = data.get("engagements", [])
    return tables


def _problem(data: dict[str, Any]) -> tuple[tuple[str | int, ...], str, str] | None:
    """The first thing wrong in the file's data: its key path, the path as shown, why."""
    tables = data.get("engagements", [])
    if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
        return ("engagements",), "engagements", _("must be an array of tables ([[engagements]])")
    for index, table in enumerate(tables):
        for key, value in table.items():
            where = f"engagements › #{index + 1} › {key}"
            if key not in KEYS:
                message = _("unknown key (allowed: {keys})").format(keys=", ".join(KEYS))
                return ("engagements", index, key), where, message
            if not isinstance(value, str):
                message = _("expected {kind}, got {value}").format(
                    kind=_("text"), value=show(value)
                )
                return ("engagements", index, key), where, message
    return None


def executive_note(workspace: Workspace, client: str, engagement: str) -> str:
    for table in _tables(engagement_path(workspace)):
        if _same(table.get("client", ""), client) and _same(
            table.get("engagement", ""), engagement
        ):
            return str(table.get("executive_note", ""))
    return ""


def save_executive_note(workspace: Workspace, client: str, engagement: str, note: str) -> Path:
    """Set (or, with an empty note, clear) one engagement's note; other tables are kept."""
    path = engagement_path(workspace)
    tables = _tables(path)
    kept = [
        t
        for t in tables
        if not (_same(t.get("client", ""), client) and _same(t.get("engagement", ""), engagement))
    ]
    if note.strip():
        kept.append({"client": client, "engagement": engagement, "executive_note": note.strip()})
    try:
        atomic_write_bytes(path, tomli_w.dumps({"engagements": kept}).encode("utf-8"))
    except OSError as error:
        message = _("could not save the executive note to {file}: {reason}")
        raise UserError(message.format(file=path, reason=os_reason(error))) from error
    return path
