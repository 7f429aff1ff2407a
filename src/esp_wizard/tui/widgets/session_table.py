"""The home table of sessions, fitted to the terminal's width.

Below 100 columns the engagement column goes (the filter still finds it) and long cells
end in "…", so 80×24 shows every session on one line without sideways scrolling.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.widgets import DataTable

from esp_wizard import i18n
from esp_wizard.i18n import N_
from esp_wizard.safetext import for_terminal
from esp_wizard.tui.format import day_and_time, day_month, local, people, status_text

if TYPE_CHECKING:
    from esp_wizard.tui.sessions import SessionRow

WIDE = 100
Cell = Callable[["SessionRow", dt.tzinfo | None], str]


def _questionnaire(row: SessionRow, _tz: dt.tzinfo | None) -> str:
    ref = row.session.questionnaire
    return f"{ref.id} ({ref.language})"


def _questionnaire_id(row: SessionRow, _tz: dt.tzinfo | None) -> str:
    return row.session.questionnaire.id


def _changed(row: SessionRow, tz: dt.tzinfo | None) -> str:
    return day_and_time(row.session.updated, tz)


def _changed_short(row: SessionRow, tz: dt.tzinfo | None) -> str:
    """ "2 Dec" / "2 déc.": day and month cannot be taken one for the other."""
    return day_month(local(row.session.updated, tz))


# (title, cell, width; None: what is left over)
Column = tuple[str, Cell, int | None]
WIDE_COLUMNS: list[Column] = [
    (N_("Client"), lambda r, _: r.session.client, 16),
    (N_("Engagement"), lambda r, _: r.session.engagement, 18),
    (N_("Interviewees"), lambda r, _: people(r.session), None),
    (N_("Questionnaire"), _questionnaire, 20),
    (N_("Status"), lambda r, _: status_text(r.session), 11),
    (N_("Progress"), lambda r, _: r.progress, 8),
    (N_("Last change"), _changed, 16),
]
NARROW_COLUMNS: list[Column] = [
    (N_("Client"), lambda r, _: r.session.client, 12),
    (N_("Interviewees"), lambda r, _: people(r.session), None),
    (N_("Questionnaire"), _questionnaire_id, 13),
    (N_("Status"), lambda r, _: status_text(r.session), 11),
    (N_("Done"), lambda r, _: r.progress, 8),
    (N_("Changed"), _changed_short, 8),
]


class SessionTable(DataTable):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter",
            "select_cursor",
            N_("Resume"),
            id="home.resume",
            tooltip=N_("Reopen this interview where it was left"),
        ),
    ]

    def show(self, rows: list[SessionRow], width: int, tz: dt.tzinfo | None) -> None:
        """Refill for `width` columns, keeping the cursor's row number."""
        columns = WIDE_COLUMNS if width >= WIDE else NARROW_COLUMNS
        values = [
            [for_terminal(cell(row, tz), lines=False) for _, cell, _ in columns] for row in rows
        ]
        columns, values = _fitting(columns, values, width)
        widths = _widths(columns, values, width)
        cursor = self.cursor_row
        self.clear(columns=True)
        for (title, _, _), size in zip(columns, widths, strict=True):
            self.add_column(i18n._(title), width=size, key=title)
        for row, cells in zip(rows, values, strict=True):
            self.add_row(*map(_clip, cells, widths), key=str(row.path))
        if rows:
            self.move_cursor(row=min(max(cursor, 0), len(rows) - 1))


# Given up in this order when the interviewees would get fewer than MIN_FLEXIBLE columns
# (a 60-column terminal, or French headers): the questionnaire is in the session's own
# header, the date in its file; who was interviewed and where it stands are what home is for.
GIVE_WAY = (N_("Questionnaire"), N_("Changed"))
MIN_FLEXIBLE = 12


def _fitting(
    columns: list[Column], values: list[list[str]], width: int
) -> tuple[list[Column], list[list[str]]]:
    """The columns that fit `width` with the interviewees still readable, in order."""
    for title in GIVE_WAY:
        widths = _widths(columns, values, width)
        flexible = next(i for i, (_, _, cap) in enumerate(columns) if cap is None)
        if _room(columns, widths, flexible, width) >= MIN_FLEXIBLE:
            break
        drop = [i for i, (name, _, _) in enumerate(columns) if name == title]
        if drop:
            columns = [c for i, c in enumerate(columns) if i != drop[0]]
            values = [[v for i, v in enumerate(row) if i != drop[0]] for row in values]
    return columns, values


def _room(columns: list[Column], widths: list[int], flexible: int, width: int) -> int:
    others = sum(w for i, w in enumerate(widths) if i != flexible)
    return width - others - 2 * len(columns) - 4  # cell padding, margins, scrollbar


def _widths(columns: list[Column], values: list[list[str]], width: int) -> list[int]:
    """Each column as wide as its longest cell, capped; the flexible one takes what is left."""
    natural = [
        max([len(i18n._(title)), *(len(row[i]) for row in values)])
        for i, (title, _, _) in enumerate(columns)
    ]
    widths = [min(n, cap) if cap else n for n, (_, _, cap) in zip(natural, columns, strict=True)]
    flexible = next(i for i, (_, _, cap) in enumerate(columns) if cap is None)
    room = _room(columns, widths, flexible, width)
    widths[flexible] = max(MIN_FLEXIBLE, min(widths[flexible], room))
    return widths


def _clip(value: str, width: int) -> Text:
    text = Text(value, no_wrap=True)
    if len(value) > width:
        text.truncate(width - 1)
        text.append("…")
    return text
