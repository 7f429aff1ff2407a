"""Chart geometry for the HTML report: numbers only, drawn as inline SVG by the template.

Computing positions here keeps the template free of arithmetic and lets tests check the
charts (a bar's length is proportional to its count) without parsing SVG.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

CATEGORY_COLOURS = {
    "strength": "#2f9e44",
    "gap": "#e03131",
    "hack": "#f08c00",
    "manual": "#7048e8",
}
PHASE_COLOUR = "#3b5bdb"
LABEL_WIDTH = 134
BAR_AREA = 120
ROW_HEIGHT = 30
BAR_HEIGHT = 20
MATRIX_CELL = 40
MATRIX_MARGIN = 44


@dataclass(frozen=True)
class Bar:
    label: str
    count: int
    y: int
    length: float
    colour: str


@dataclass(frozen=True)
class BarChart:
    title: str
    bars: tuple[Bar, ...]
    width: int
    height: int
    label_width: int = LABEL_WIDTH
    bar_height: int = BAR_HEIGHT


def bar_chart(
    title: str, counts: Mapping[str, int], labels: Mapping[str, str], colours: Mapping[str, str]
) -> BarChart:
    """One bar per key, longest for the largest count; an empty chart still has its rows."""
    most = max(counts.values(), default=0) or 1
    bars = tuple(
        Bar(
            label=labels.get(key, key),
            count=count,
            y=row * ROW_HEIGHT + (ROW_HEIGHT - BAR_HEIGHT) // 2,
            length=round(BAR_AREA * count / most, 1),
            colour=colours.get(key, PHASE_COLOUR),
        )
        for row, (key, count) in enumerate(counts.items())
    )
    return BarChart(title, bars, LABEL_WIDTH + BAR_AREA + 30, ROW_HEIGHT * max(len(bars), 1))


@dataclass(frozen=True)
class MatrixCell:
    severity: int
    impact: int
    count: int
    x: int
    y: int
    fill: str


@dataclass(frozen=True)
class Matrix:
    cells: tuple[MatrixCell, ...]
    size: int
    cell: int = MATRIX_CELL
    margin: int = MATRIX_MARGIN


def _fill(severity: int, impact: int, count: int) -> str:
    risk = severity * impact
    if risk >= 15 or severity == 5 or impact == 5:
        return "#ffc9c9" if count else "#fff0f0"
    if risk >= 8:
        return "#ffe8a3" if count else "#fff9e6"
    return "#d3f9d8" if count else "#f1fbf2"


def matrix(cells: Mapping[tuple[int, int], int]) -> Matrix:
    """Severity 1-5 across, impact 1-5 up (5 at the top), a count in each occupied cell."""
    laid = tuple(
        MatrixCell(
            severity=severity,
            impact=impact,
            count=cells.get((severity, impact), 0),
            x=MATRIX_MARGIN + (severity - 1) * MATRIX_CELL,
            y=(5 - impact) * MATRIX_CELL,
            fill=_fill(severity, impact, cells.get((severity, impact), 0)),
        )
        for impact in range(5, 0, -1)
        for severity in range(1, 6)
    )
    return Matrix(laid, MATRIX_MARGIN + 5 * MATRIX_CELL + 8)
