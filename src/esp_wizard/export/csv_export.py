"""The findings register as CSV: one row per finding, for a spreadsheet.

Rank is the report's number (S1... for strengths), so a row points at its card; cause,
owner, status (open, or keep for a strength) and due date (when its phase needs it closed)
make it a register a team can work from; cells are empty where nothing is known.

UTF-8 with a byte-order mark, so Excel opens accents intact (without it, Excel reads the
file in the machine's legacy code page). A cell that starts with `=`, `+`, `-`, `@`, a tab
or a carriage return gets a leading apostrophe, so a spreadsheet shows it as text instead
of running it as a formula (CSV injection); numbers are never negative, so none is touched.
"""

from __future__ import annotations

import csv
import io

from esp_wizard.export import text as t
from esp_wizard.findings.model import EngagementReport, Finding

BOM = "\ufeff"
COLUMNS = (
    "rank",
    "key",
    "cause",
    "category",
    "title",
    "detail",
    "severity",
    "impact",
    "effort",
    "priority",
    "must_fix",
    "phase",
    "breadth",
    "roles",
    "sessions",
    "recommendation",
    "owner",
    "status",
    "due_date",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def report_csv(report: EngagementReport) -> str:
    """Findings to fix in report order, then strengths; CRLF lines as RFC 4180 says."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    due = due_dates(report)
    ranked = [(str(n), f) for n, f in enumerate(report.findings, start=1)]
    ranked += [(f"S{n}", f) for n, f in enumerate(report.strengths, start=1)]
    for rank, finding in ranked:
        writer.writerow([_safe(cell) for cell in _row(rank, finding, due)])
    return BOM + out.getvalue()


def due_dates(report: EngagementReport) -> dict[str, str]:
    """Phase -> the day its findings must be closed: the end of discovery for discovery's,
    else the day their phase starts on the roadmap (empty without a roadmap)."""
    phases = report.roadmap.phases if report.roadmap else ()
    return {p.phase: (p.end if p.phase == "discovery" else p.start).isoformat() for p in phases}


def _row(rank: str, finding: Finding, due: dict[str, str]) -> list[str]:
    strength = finding.category == "strength"
    return [
        rank,
        finding.key,
        finding.cause,
        finding.category,
        finding.title,
        finding.detail,
        str(finding.severity),
        str(finding.impact),
        str(finding.effort),
        t.number(finding.priority),
        t.yes_no(finding.must_fix),
        finding.phase,
        str(finding.breadth),
        "; ".join(finding.roles),
        "; ".join(finding.sessions),
        finding.recommendation,
        finding.owner,
        "keep" if strength else "open",
        "" if strength else due.get(finding.phase, ""),
    ]


def _safe(cell: str) -> str:
    return "'" + cell if cell.startswith(_FORMULA_START) else cell
