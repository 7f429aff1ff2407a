"""The findings register as CSV: one row per finding, for a spreadsheet.

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
    "key",
    "category",
    "title",
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
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def report_csv(report: EngagementReport) -> str:
    """Findings to fix in report order, then strengths; CRLF lines as RFC 4180 says."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for finding in report.findings + report.strengths:
        writer.writerow([_safe(cell) for cell in _row(finding)])
    return BOM + out.getvalue()


def _row(finding: Finding) -> list[str]:
    return [
        finding.key,
        finding.category,
        finding.title,
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
    ]


def _safe(cell: str) -> str:
    return "'" + cell if cell.startswith(_FORMULA_START) else cell
