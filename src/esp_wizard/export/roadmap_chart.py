"""Roadmap geometry for the HTML report: phases as bars on a calendar, dates as markers.

Numbers only (rounded, so the SVG is byte-stable); the template draws them. Each phase is a
solid bar to its end with the estimate's shortest duration, then a lighter bar to its end
with the longest. Freezes are shaded bands; the notice deadline, contract end and target
go-live are vertical lines labelled below the bars, on staggered lines so labels never overlap.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from esp_wizard import i18n
from esp_wizard.findings.model import Roadmap

WIDTH = 760
LABEL = 92
RIGHT = 16
AXIS = 26
ROW = 30
BAR = 18
MARK_LINE = 15
NOTE_WIDTH = 64  # "N must-fix" at 10px
CHAR_WIDTH = 6.6  # a bold 12px label's average character width
MARK_COLOURS = {"notice": "#a61e4d", "contract": "#c92a2a", "go-live": "#2b5bd7"}


@dataclass(frozen=True)
class PhaseBar:
    label: str
    y: float
    x: float
    solid: float
    light: float
    blocking: int
    note_x: float  # where "N must-fix" is written
    note_inside: bool  # on the solid bar (white) when there is no room after the bar


@dataclass(frozen=True)
class Tick:
    x: float
    label: str


@dataclass(frozen=True)
class Marker:
    label: str
    x: float
    y_label: float
    colour: str
    anchor: str


@dataclass(frozen=True)
class Band:
    x: float
    width: float
    label: str


@dataclass(frozen=True)
class RoadmapChart:
    width: int
    height: int
    top: int
    bottom: float
    label_width: int
    bars: tuple[PhaseBar, ...]
    ticks: tuple[Tick, ...]
    markers: tuple[Marker, ...]
    bands: tuple[Band, ...]
    bar_height: int = BAR


def roadmap_chart(plan: Roadmap, phase_labels: Mapping[str, str]) -> RoadmapChart | None:
    start, end = plan.start, plan.end
    if start is None or end is None or end <= start:
        return None
    span = (end - start).days
    area = WIDTH - LABEL - RIGHT

    def x_of(day: dt.date) -> float:
        return round(LABEL + area * (day - start).days / span, 1)

    bars = tuple(
        _bar(phase_labels.get(p.phase, p.phase), row, x_of(p.start), x_of(p.end),
             x_of(p.latest_end), len(p.blocking))
        for row, p in enumerate(plan.phases)
    )  # fmt: skip
    bottom = AXIS + ROW * len(plan.phases)
    bands = tuple(
        Band(x_of(m.day), round(x_of(m.until or m.day) - x_of(m.day), 1), m.label)
        for m in plan.milestones
        if m.kind == "freeze"
    )
    first = bottom + (26 if bands else 14)
    marks = [m for m in plan.milestones if m.kind != "freeze"]
    markers = tuple(
        _marker(
            f"{m.label} {i18n.abbreviated_date(m.day)}",
            x_of(m.day),
            first + MARK_LINE * n,
            MARK_COLOURS.get(m.kind, "#343a40"),
        )
        for n, m in enumerate(marks)
    )
    height = int(first + MARK_LINE * len(markers) + 6)
    return RoadmapChart(
        WIDTH, height, AXIS, bottom, LABEL, bars, _ticks(start, end, x_of), markers, bands
    )


def _bar(label: str, row: int, x: float, end: float, latest: float, blocking: int) -> PhaseBar:
    room_after = WIDTH - RIGHT - latest >= NOTE_WIDTH
    return PhaseBar(
        label=label,
        y=AXIS + row * ROW + (ROW - BAR) / 2,
        x=x,
        solid=round(end - x, 1),
        light=round(latest - end, 1),
        blocking=blocking,
        note_x=round(latest + 4 if room_after else x + 4, 1),
        note_inside=not room_after,
    )


def _marker(label: str, x: float, y: float, colour: str) -> Marker:
    """Labels run leftwards from their line, each on its own line below the previous one,
    so no later marker's line crosses an earlier label; rightwards when there is no room."""
    fits_left = x - CHAR_WIDTH * len(label) >= 0
    return Marker(label, x, y, colour, "end" if fits_left else "start")


def _ticks(start: dt.date, end: dt.date, x_of: Callable[[dt.date], float]) -> tuple[Tick, ...]:
    """The first of every quarter's month (Jan, Apr, Jul, Oct) between start and end."""
    ticks = []
    year, month = start.year, start.month
    while dt.date(year, month, 1) <= end:
        day = dt.date(year, month, 1)
        if day >= start and month in (1, 4, 7, 10) and x_of(day) <= WIDTH - RIGHT - 24:
            label = i18n.abbreviated_date(day, day=False)
            ticks.append(Tick(x_of(day), label))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return tuple(ticks)
