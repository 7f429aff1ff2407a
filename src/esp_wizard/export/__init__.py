"""Renderers of compiled reports and session summaries, one module per format.

Pure: they take the models of `esp_wizard.findings` and return text (or bytes for DOCX);
they decide nothing. `FORMATS` is the one table of formats: which module renders it, what
it can render, and whether it is client-facing (people attributed as `--attribution` says;
internal keys never shown) or a working file that keeps everything (JSON, CSV).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from esp_wizard import i18n
from esp_wizard.errors import UserError
from esp_wizard.findings.attribution import ATTRIBUTIONS, Attribution, attribute
from esp_wizard.findings.model import EngagementReport, SessionSummary
from esp_wizard.i18n import _


@dataclass(frozen=True)
class ExportFormat:
    name: str
    module: str  # under esp_wizard.export
    report: str  # the function rendering an engagement report
    session: str | None  # the function rendering a session summary, if any
    client_facing: bool  # attributed as asked, no internal keys as visible text
    binary: bool = False


FORMATS: tuple[ExportFormat, ...] = (
    ExportFormat("md", "markdown", "report_markdown", "session_markdown", True),
    ExportFormat("html", "html", "report_html", "session_html", True),
    ExportFormat("json", "json_export", "report_json", "session_json", False),
    ExportFormat("csv", "csv_export", "report_csv", None, False),
    ExportFormat("docx", "docx_export", "report_docx", None, True, binary=True),
)
REPORT_FORMATS = tuple(f.name for f in FORMATS)
SESSION_FORMATS = tuple(f.name for f in FORMATS if f.session)
DEFAULT_ATTRIBUTION: Attribution = "role"


def export_format(name: str, what: str = "report") -> ExportFormat:
    allowed = REPORT_FORMATS if what == "report" else SESSION_FORMATS
    for fmt in FORMATS:
        if fmt.name == name and name in allowed:
            return fmt
    message = (
        _("unknown report format '{name}' (choose one of {formats})")
        if what == "report"
        else _("unknown session summary format '{name}' (choose one of {formats})")
    )
    raise UserError(message.format(name=name, formats=", ".join(allowed)))


def _function(fmt: ExportFormat, name: str) -> Callable[..., str | bytes]:
    module = importlib.import_module(f"esp_wizard.export.{fmt.module}")
    function: Callable[..., str | bytes] = getattr(module, name)
    return function


def report_language(report: EngagementReport, language: str | None = None) -> str:
    """`language` if given, else the one the report was compiled in (its own sentences'),
    else the language most of its sessions were held in."""
    if report.language and not language:
        return report.language
    return i18n.content_language((s.language for s in report.sessions), language)


def render_report_any(
    report: EngagementReport,
    fmt: str,
    attribution: Attribution = DEFAULT_ATTRIBUTION,
    *,
    language: str | None = None,
    csv_dialect: str | None = None,
) -> str | bytes:
    """The engagement report in `fmt` (text, or bytes for a binary format), in `language`
    (by default its sessions'); CSV in `csv_dialect` (by default the language's)."""
    with i18n.use(report_language(report, language)):
        return _render(report, fmt, attribution, csv_dialect)


def _render(
    report: EngagementReport, fmt: str, attribution: Attribution, csv_dialect: str | None
) -> str | bytes:
    chosen = export_format(fmt)
    if attribution not in ATTRIBUTIONS:
        message = _("unknown attribution '{attribution}' (choose one of {attributions})")
        raise UserError(
            message.format(attribution=attribution, attributions=", ".join(ATTRIBUTIONS))
        )
    shown = attribute(report, attribution) if chosen.client_facing else report
    if chosen.name == "csv":
        return _function(chosen, chosen.report)(shown, dialect=csv_dialect)
    return _function(chosen, chosen.report)(shown)


def render_report(
    report: EngagementReport,
    fmt: str,
    attribution: Attribution = DEFAULT_ATTRIBUTION,
    *,
    language: str | None = None,
    csv_dialect: str | None = None,
) -> str:
    """The engagement report in a text format (md, html, json, csv)."""
    rendered = render_report_any(
        report, fmt, attribution, language=language, csv_dialect=csv_dialect
    )
    if isinstance(rendered, bytes):
        message = _("the {fmt} format is a file, not text: write it to a file with -o")
        raise UserError(message.format(fmt=fmt))
    return rendered


def render_session(summary: SessionSummary, fmt: str, language: str | None = None) -> str:
    """A session's summary in `fmt` (md, html, json), people named: it is the working copy;
    in `language`, by default the session's own."""
    chosen = export_format(fmt, "session")
    assert chosen.session is not None
    with i18n.use(i18n.content_language([summary.session.language], language)):
        rendered = _function(chosen, chosen.session)(summary)
    assert isinstance(rendered, str)
    return rendered


__all__ = [
    "DEFAULT_ATTRIBUTION",
    "FORMATS",
    "REPORT_FORMATS",
    "SESSION_FORMATS",
    "ExportFormat",
    "render_report",
    "render_report_any",
    "render_session",
    "report_language",
]
