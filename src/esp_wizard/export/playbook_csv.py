"""The send-at-parity checklist as its own CSV, for the client's testers.

Same conventions as the findings register (`csv_export`): UTF-8 with a byte-order mark,
CRLF lines, a cell that a spreadsheet would run as a formula made plain text, the header
in the report's language and the separator of its spreadsheets (`;` in French).
"""

from __future__ import annotations

import csv
import io

from esp_wizard import i18n
from esp_wizard.export import playbook_text as pt
from esp_wizard.export.csv_export import dialect_for
from esp_wizard.findings.model import EngagementReport
from esp_wizard.i18n import N_, _

BOM = "\ufeff"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # as in csv_export

PARITY_COLUMNS = (
    N_("kind"),
    N_("automation"),
    N_("baseline"),
    N_("yearly_volume"),
    N_("kpis"),
    N_("owner"),
    N_("depends_on"),
    N_("parity_test"),
    N_("sessions"),
    N_("passed"),
    N_("tested_by"),
    N_("date"),
)


def parity_csv(
    report: EngagementReport, dialect: str | None = None, language: str | None = None
) -> str:
    """One line per automation; the last three columns are for the testers to fill in.
    In the report's language (or `language`), cells separated as its spreadsheets expect
    (or as `dialect` says), like the findings register."""
    from esp_wizard.export import report_language

    with i18n.use(report_language(report, language)):
        return _parity_csv(report, dialect)


def _parity_csv(report: EngagementReport, dialect: str | None) -> str:
    separator, _decimal = dialect_for(dialect)  # volumes are whole numbers
    out = io.StringIO()
    writer = csv.writer(out, delimiter=separator, lineterminator="\r\n")
    writer.writerow([_(column) for column in PARITY_COLUMNS])
    lines = report.playbook.parity.lines if report.playbook else ()
    for line in lines:
        volume = "" if line.yearly_volume is None else str(line.yearly_volume)
        cells = [
            pt.kind(line.kind),
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
