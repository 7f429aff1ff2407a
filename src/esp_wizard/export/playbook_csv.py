"""The send-at-parity checklist as its own CSV, for the client's testers.

Same conventions as the findings register (`csv_export`): UTF-8 with a byte-order mark,
CRLF lines, and a cell that a spreadsheet would run as a formula made plain text.
"""

from __future__ import annotations

import csv
import io

from esp_wizard.findings.model import EngagementReport

BOM = "\ufeff"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # as in csv_export

PARITY_COLUMNS = (
    "kind",
    "automation",
    "baseline",
    "yearly_volume",
    "kpis",
    "owner",
    "depends_on",
    "parity_test",
    "sessions",
    "passed",
    "tested_by",
    "date",
)


def parity_csv(report: EngagementReport) -> str:
    """One line per automation; the last three columns are for the testers to fill in."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(PARITY_COLUMNS)
    lines = report.playbook.parity.lines if report.playbook else ()
    for line in lines:
        volume = "" if line.yearly_volume is None else str(line.yearly_volume)
        cells = [
            line.kind,
            line.name,
            line.baseline,
            volume,
            "; ".join(report.playbook.parity.kpis) if report.playbook else "",
            line.owner,
            "; ".join(line.dependencies),
            line.test,
            "; ".join(line.sources),
            "",
            "",
            "",
        ]
        writer.writerow([_safe(c) for c in cells])
    return BOM + out.getvalue()


def _safe(cell: str) -> str:
    return "'" + cell if cell.startswith(_FORMULA_START) else cell
