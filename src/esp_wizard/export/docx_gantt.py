"""The roadmap as a calendar in Word: one column per month, one row per phase and per date
that constrains the plan.

The HTML report draws the roadmap as an SVG; Word cannot show an SVG without a raster copy
and nothing offline makes one, so the DOCX draws the same calendar as a table a consultant
can still edit. Each cell is shaded and carries a glyph as well, so the plan reads in a
black-and-white print and through a screen reader: ● the phase with the estimate's shortest
duration, ○ up to its longest, ◆ a contract date or the go-live, ▒ a freeze.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from xml.sax.saxutils import escape

from esp_wizard import i18n
from esp_wizard.findings.model import Milestone, Roadmap, RoadmapPhase
from esp_wizard.i18n import _

LABEL_WIDTH = 2200  # twips: the phase and date names
TEXT_WIDTH = 9638  # 170 mm between the margins, as the rest of the document
MAX_COLUMNS = 24  # beyond two years a column is a quarter, then a half-year
PLANNED, RANGE, DATE, FREEZE = "●", "○", "◆", "▒"
FILLS = {PLANNED: "1F4E79", RANGE: "BDD7EE", DATE: "C00000", FREEZE: "D9D9D9"}
INK = {PLANNED: "FFFFFF", RANGE: "1F4E79", DATE: "FFFFFF", FREEZE: "404040"}


def legend() -> str:
    return _(
        "● the phase with the estimate's shortest duration · ○ up to its longest · "
        "◆ a contract date or the go-live · ▒ a freeze"
    )


def columns(start: dt.date, end: dt.date) -> list[tuple[dt.date, dt.date]]:
    """[first day, day after the last) of each column from `start`'s month to `end`'s."""
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    step = next(s for s in (1, 3, 6, 12) if months / s <= MAX_COLUMNS or s == 12)
    first = dt.date(start.year, start.month - (start.month - 1) % step, 1)
    spans = []
    while first <= end:
        index = first.year * 12 + first.month - 1 + step
        after = dt.date(index // 12, index % 12 + 1, 1)
        spans.append((first, after))
        first = after
    return spans


def gantt_table(plan: Roadmap, phase_label: Callable[[str], str]) -> str:
    """The calendar as WordprocessingML (a <w:tbl>), or "" when the plan has no dates."""
    if plan.start is None or plan.end is None:
        return ""
    spans = columns(plan.start, plan.end)
    width = max(1, (TEXT_WIDTH - LABEL_WIDTH) // len(spans))
    rows = [_header(spans, width)]
    rows += [_row(phase_label(p.phase), _phase_marks(p, spans), width) for p in plan.phases]
    rows += [_row(m.label, _date_marks(m, spans), width) for m in plan.milestones]
    grid = f'<w:gridCol w:w="{LABEL_WIDTH}"/>' + f'<w:gridCol w:w="{width}"/>' * len(spans)
    props = (
        '<w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblLayout w:type="fixed"/>'
        '<w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/>'
        "</w:tblCellMar></w:tblPr>"
    )
    return f"<w:tbl>{props}<w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"


def _phase_marks(phase: RoadmapPhase, spans: Sequence[tuple[dt.date, dt.date]]) -> list[str]:
    marks = []
    for first, after in spans:
        if first < phase.end and after > phase.start:
            marks.append(PLANNED)
        elif first <= phase.latest_end and after > phase.end:
            marks.append(RANGE)
        else:
            marks.append("")
    return marks


def _date_marks(milestone: Milestone, spans: Sequence[tuple[dt.date, dt.date]]) -> list[str]:
    last = milestone.until or milestone.day
    glyph = FREEZE if milestone.until else DATE
    return [glyph if first <= last and after > milestone.day else "" for first, after in spans]


def _header(spans: Sequence[tuple[dt.date, dt.date]], width: int) -> str:
    """Month (or quarter) names, with the year under January and under the first column."""
    cells = [_cell(_("Phase / date"), LABEL_WIDTH, bold=True)]
    for index, (first, _after) in enumerate(spans):
        name = i18n.abbreviated_date(first, day=False)  # "Oct 2026" / "oct. 2026"
        label = name if index == 0 or first.month == 1 else name.rsplit(" ", 1)[0]
        cells.append(_cell(label, width, bold=True, size=12))
    return '<w:tr><w:trPr><w:tblHeader w:val="true"/></w:trPr>' + "".join(cells) + "</w:tr>"


def _row(label: str, marks: Sequence[str], width: int) -> str:
    cells = [_cell(label, LABEL_WIDTH)] + [_cell(mark, width, fill=mark) for mark in marks]
    return "<w:tr><w:trPr><w:cantSplit/></w:trPr>" + "".join(cells) + "</w:tr>"


def _cell(text: str, width: int, bold: bool = False, fill: str = "", size: int = 14) -> str:
    shade = f'<w:shd w:val="clear" w:color="auto" w:fill="{FILLS[fill]}"/>' if fill else ""
    colour = f'<w:color w:val="{INK[fill]}"/>' if fill else ""
    marks = ("<w:b/>" if bold else "") + colour + f'<w:sz w:val="{size}"/>'
    run = f'<w:r><w:rPr>{marks}</w:rPr><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'
    centre = '<w:pPr><w:jc w:val="center"/></w:pPr>' if fill else ""
    return (
        f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{shade}</w:tcPr>'
        f"<w:p>{centre}{run if text else ''}</w:p></w:tc>"
    )
