"""Where exports go and how they are written: atomically, so a half-written report never
replaces a good one, under names that sort by date and say what they hold."""

from __future__ import annotations

from pathlib import Path

from esp_wizard.errors import UserError
from esp_wizard.findings.model import EngagementReport, SessionSummary
from esp_wizard.session.atomic import atomic_write_bytes
from esp_wizard.session.store import slugify
from esp_wizard.workspace import Workspace


def report_file_name(report: EngagementReport, fmt: str) -> str:
    """`acme-retail-esp-move-2027-report.html`."""
    parts = [slugify(report.client), slugify(report.engagement), "report"]
    return "-".join(p for p in parts if p) + f".{fmt}"


def session_file_name(summary: SessionSummary, fmt: str) -> str:
    """`2026-03-02-acme-retail-ana-souza-ops1aaaa-summary.md`."""
    session = summary.session
    person = session.interviewees[0].name if session.interviewees else ""
    parts = [
        session.started.date().isoformat(),
        slugify(session.client),
        slugify(person),
        session.id,
        "summary",
    ]
    return "-".join(p for p in parts if p) + f".{fmt}"


def write_text(path: Path, content: str) -> Path:
    """Write UTF-8 atomically; a folder that cannot be written is the user's to fix."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(path, content.encode("utf-8"))
    except OSError as error:
        raise UserError(f"could not write {path}: {error.strerror or error}") from error
    return path


def export_path(workspace: Workspace, name: str) -> Path:
    return workspace.exports_dir / name


def export_report(
    workspace: Workspace, client: str | None, engagement: str | None, fmt: str
) -> Path:
    """Compile and write the engagement report into the workspace's exports/ folder."""
    from esp_wizard.export import render_report
    from esp_wizard.findings import compile_workspace

    report = compile_workspace(workspace, client, engagement)
    path = export_path(workspace, report_file_name(report, fmt))
    return write_text(path, render_report(report, fmt))


def export_session(workspace: Workspace, session_ref: str, fmt: str) -> Path:
    """Summarise one session and write it into the workspace's exports/ folder."""
    from esp_wizard.export import render_session
    from esp_wizard.findings.engagement import open_workspace_session
    from esp_wizard.findings.summary import summarize_session

    opened, _ = open_workspace_session(workspace, session_ref)
    summary = summarize_session(opened)
    path = export_path(workspace, session_file_name(summary, fmt))
    return write_text(path, render_session(summary, fmt))
