"""The findings register as CSV: one row per finding, for a spreadsheet.

Rank is the report's number (S1... for strengths), so a row points at its card; cause,
owner, status (open, or keep for a strength) and due date (when its phase needs it closed)
make it a register a team can work from; cells are empty where nothing is known.

UTF-8 with a byte-order mark, so Excel opens accents intact (without it, Excel reads the
file in the machine's legacy code page). A cell that starts with `=`, `+`, `-`, `@`, a tab
or a carriage return gets a leading apostrophe, so a spreadsheet shows it as text instead
of running it as a formula (CSV injection); numbers are never negative, so none is touched.

The dialect follows the report's language, as the spreadsheet of a reader of that language
expects (docs/report.md): `comma` (`,` between cells, `37.5`) in English, `semicolon`
(`;` between cells, `37,5`: French Excel's list separator and decimal mark) in French;
`--csv-dialect` chooses another. The header row is in the report's language.
"""

from __future__ import annotations

import csv
import io

from esp_wizard import i18n
from esp_wizard.errors import UserError
from esp_wizard.export import text as t
from esp_wizard.findings.model import EngagementReport, Finding
from esp_wizard.i18n import N_, _

BOM = "\ufeff"
COLUMNS = (
    N_("rank"),
    N_("key"),
    N_("cause"),
    N_("category"),
    N_("title"),
    N_("detail"),
    N_("severity"),
    N_("impact"),
    N_("effort"),
    N_("priority"),
    N_("must_fix"),
    N_("phase"),
    N_("breadth"),
    N_("roles"),
    N_("sessions"),
    N_("recommendation"),
    N_("owner"),
    N_("status"),
    N_("due_date"),
)
# name -> (cell separator, decimal mark)
DIALECTS = {"comma": (",", "."), "semicolon": (";", ",")}
LANGUAGE_DIALECTS = {"en": "comma", "fr": "semicolon"}


def dialect_for(name: str | None = None) -> tuple[str, str]:
    """The named dialect, else the one of the language in use."""
    chosen = name or LANGUAGE_DIALECTS.get(i18n.current(), "comma")
    if chosen not in DIALECTS:
        message = _("unknown CSV dialect '{dialect}' (choose one of {dialects})")
        raise UserError(message.format(dialect=chosen, dialects=", ".join(DIALECTS)))
    return DIALECTS[chosen]


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def report_csv(report: EngagementReport, dialect: str | None = None) -> str:
    """Findings to fix in report order, then strengths; CRLF lines as RFC 4180 says."""
    separator, decimal_mark = dialect_for(dialect)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=separator, lineterminator="\r\n")
    writer.writerow([_(column) for column in COLUMNS])
    due = due_dates(report)
    ranked = [(str(n), f) for n, f in enumerate(report.findings, start=1)]
    ranked += [(f"S{n}", f) for n, f in enumerate(report.strengths, start=1)]
    for rank, finding in ranked:
        row = _row(rank, finding, due, decimal_mark)
        writer.writerow([_safe(cell) for cell in row])
    return BOM + out.getvalue()


def due_dates(report: EngagementReport) -> dict[str, str]:
    """Phase -> the day its findings must be closed: the end of discovery for discovery's,
    else the day their phase starts on the roadmap (empty without a roadmap); ISO in
    English, day/month/year in French, as each language's spreadsheets read a date."""
    phases = report.roadmap.phases if report.roadmap else ()
    return {p.phase: i18n.short_date(p.end if p.phase == "discovery" else p.start) for p in phases}


def _row(rank: str, finding: Finding, due: dict[str, str], decimal_mark: str) -> list[str]:
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
        t.plain_number(finding.priority).replace(".", decimal_mark),
        t.yes_no(finding.must_fix),
        finding.phase,
        str(finding.breadth),
        "; ".join(finding.roles),
        "; ".join(finding.sessions),
        finding.recommendation,
        finding.owner,
        _("keep") if strength else _("open"),
        "" if strength else due.get(finding.phase, ""),
    ]


def _safe(cell: str) -> str:
    return "'" + cell if cell.startswith(_FORMULA_START) else cell
