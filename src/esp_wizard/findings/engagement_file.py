"""The engagement file: what the consultant adds to a report by hand, kept beside the sessions.

`engagement.toml` at the workspace's root holds one table per engagement; today only the
executive note, which the report shows first. Everything else in a report comes from the
sessions. The file is read with tomllib and written with tomli_w, atomically, and only the
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

from esp_wizard.errors import UserError
from esp_wizard.session.atomic import atomic_write_bytes
from esp_wizard.tomlfile import read_toml
from esp_wizard.workspace import Workspace

FILE_NAME = "engagement.toml"
KEYS = ("client", "engagement", "executive_note")


def engagement_path(workspace: Workspace) -> Path:
    return workspace.root / FILE_NAME


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _tables(path: Path) -> list[dict[str, Any]]:
    """Every engagement's table; one clear line naming the file and the field otherwise."""
    if not path.is_file():
        return []
    _, data = read_toml(path, str(path))
    tables = data.get("engagements", [])
    if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
        raise UserError(f"{path}: engagements: must be an array of tables ([[engagements]])")
    for number, table in enumerate(tables, start=1):
        for key, value in table.items():
            if key not in KEYS:
                raise UserError(f"{path}: engagements #{number}: unknown key {key!r}")
            if not isinstance(value, str):
                raise UserError(f"{path}: engagements #{number}: {key}: must be text")
    return tables


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
    atomic_write_bytes(path, tomli_w.dumps({"engagements": kept}).encode("utf-8"))
    return path
