"""Renderers of compiled reports and session summaries: Markdown, HTML, JSON, CSV.

Pure: they take the models of `esp_wizard.findings` and return text; they decide nothing.
`render_report` and `render_session` pick a renderer by format name; `files.py` writes.
"""

from __future__ import annotations

from collections.abc import Callable

from esp_wizard.errors import UserError
from esp_wizard.findings.model import EngagementReport, SessionSummary

REPORT_FORMATS = ("md", "html", "json", "csv")
SESSION_FORMATS = ("md", "html", "json")


def render_report(report: EngagementReport, fmt: str) -> str:
    """The engagement report in `fmt` (md, html, json, csv)."""
    return _renderer(fmt, REPORT_FORMATS, "report")(report)


def render_session(summary: SessionSummary, fmt: str) -> str:
    """A session's summary in `fmt` (md, html, json)."""
    return _renderer(fmt, SESSION_FORMATS, "session")(summary)


def _renderer(fmt: str, allowed: tuple[str, ...], what: str) -> Callable[..., str]:
    if fmt not in allowed:
        raise UserError(f"unknown format '{fmt}' for a {what} (choose one of {', '.join(allowed)})")
    if fmt == "md":
        from esp_wizard.export import markdown

        return markdown.report_markdown if what == "report" else markdown.session_markdown
    if fmt == "html":
        from esp_wizard.export import html

        return html.report_html if what == "report" else html.session_html
    if fmt == "json":
        from esp_wizard.export import json_export

        return json_export.report_json if what == "report" else json_export.session_json
    from esp_wizard.export import csv_export

    return csv_export.report_csv


__all__ = ["REPORT_FORMATS", "SESSION_FORMATS", "render_report", "render_session"]
