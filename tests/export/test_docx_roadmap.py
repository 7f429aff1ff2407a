"""The DOCX roadmap is a calendar a sponsor reads at a glance: months across, phases and
the dates that constrain the plan down, shaded and marked so it survives a grey print."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest

from esp_wizard import i18n
from esp_wizard.export import render_report_any
from esp_wizard.export.docx_export import outline
from esp_wizard.export.docx_gantt import columns
from esp_wizard.findings import compile_workspace
from esp_wizard.findings.model import EngagementReport
from esp_wizard.workspace import Workspace

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def example() -> EngagementReport:
    return compile_workspace(Workspace(REPO))


def calendar_rows(report: EngagementReport) -> list[list[str]]:
    data = render_report_any(report, "docx")
    assert isinstance(data, bytes)
    lines = outline(data).splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("|= Phase / date"))
    rows = []
    for line in lines[start:]:
        if not line.startswith("|"):
            break
        rows.append([cell.strip() for cell in line.strip("|= ").split(" | ")])
    return rows


def test_the_calendar_runs_from_the_kickoff_month_to_the_last_date(
    example: EngagementReport,
) -> None:
    rows = calendar_rows(example)
    header = rows[0]
    assert header[1] == "Oct 2026" and header[-1] == "Apr"  # kickoff to the estimate's end
    assert header.index("Jan 2027") == 4  # a new year names itself
    by_label = {row[0]: row[1:] for row in rows[1:]}
    assert by_label["Contract ends"].index("◆") == header.index("Jun") - 1  # 30 June 2027
    assert by_label["Target go-live"].index("◆") == header.index("Apr") - 1
    send = by_label["Send"]
    assert "●" in send and send[-1] == "○"  # planned, then the estimate's longest tail
    assert [phase for phase in ("Discovery", "Move", "UAT", "Send") if phase in by_label] == [
        "Discovery",
        "Move",
        "UAT",
        "Send",
    ]


def test_the_marks_are_shaded_cells_as_well_as_glyphs(example: EngagementReport) -> None:
    data = render_report_any(example, "docx")
    assert isinstance(data, bytes)
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    assert 'w:fill="1F4E79"' in xml and 'w:fill="C00000"' in xml


def test_the_calendar_speaks_the_reports_language(example: EngagementReport) -> None:
    with i18n.use("fr"):
        french = compile_workspace(Workspace(REPO), language="fr")
        header = calendar_rows(french)[0]
    assert header[0] == "Phase / date" or header[0].startswith("Phase")
    assert header[1] == "oct. 2026"


def test_a_long_plan_counts_in_quarters_not_in_unreadable_months() -> None:
    spans = columns(dt.date(2026, 2, 10), dt.date(2029, 7, 1))
    assert len(spans) <= 24
    assert spans[0][0] == dt.date(2026, 1, 1)  # the quarter the kickoff falls in
    assert all((b.year * 12 + b.month) - (a.year * 12 + a.month) == 3 for a, b in spans)
    assert spans[-1][0] <= dt.date(2029, 7, 1) < spans[-1][1]
