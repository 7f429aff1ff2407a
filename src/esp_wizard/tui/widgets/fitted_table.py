"""A table whose columns share the width it is given, however wide the terminal.

A DataTable sizes each column to its longest cell, so one long title or value pushes the
other columns off an 80-column screen. Here the columns are re-fitted whenever the table
is resized: each column gets its natural width if everything fits, otherwise the room is
shared fairly (short columns keep their width, long ones are cut with "…"), and columns
that would fall under their floor are dropped in their rank order. What a cell loses is
for a detail pane beside the table to show in full (on `DataTable.RowHighlighted`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.text import Text
from textual import events
from textual.widgets import DataTable

from esp_wizard.tui.safe import safe

UNSIZED = 10_000


@dataclass(frozen=True)
class Column:
    """One column: its header, the narrowest it may be, and when it is given up.

    `drop` 0 is never dropped; among the others the highest is dropped first while the
    table is too narrow for every column's `floor`, or for the `want` of the column that
    matters most (a title). `cap` bounds a column that has no use for more room (a number,
    a label) so the long ones get it.
    """

    label: str
    floor: int = 6
    drop: int = 0
    cap: int = 0
    want: int = 0


def share(natural: Sequence[int], room: int) -> list[int]:
    """Widths for columns wanting `natural` cells within `room` cells (max-min fair):
    columns narrower than an equal share keep their width, the rest split what is left."""
    if sum(natural) <= room:
        return list(natural)
    widths = [0] * len(natural)
    left = max(room, 0)
    pending = sorted(range(len(natural)), key=lambda i: natural[i])
    while pending:
        fair = left // len(pending)
        first = pending[0]
        if natural[first] <= fair:
            widths[first] = natural[first]
            left -= natural[first]
            pending.pop(0)
            continue
        extra = left - fair * len(pending)
        for rank, index in enumerate(pending):
            widths[index] = fair + (1 if rank < extra else 0)
        break
    return widths


def fit(columns: Sequence[Column], natural: Sequence[int], room: int, padding: int) -> list[int]:
    """Each column's width, 0 for a column dropped; `room` counts the padding too."""
    wanted = [min(n, c.cap) if c.cap else n for c, n in zip(columns, natural, strict=True)]
    kept = list(range(len(columns)))
    droppable = sorted((i for i in kept if columns[i].drop), key=lambda i: -columns[i].drop)
    while True:
        widths = share([wanted[i] for i in kept], room - padding * len(kept))
        short = any(
            w < min(wanted[i], max(columns[i].floor, columns[i].want))
            for i, w in zip(kept, widths, strict=True)
        )
        if not short or not droppable:
            break
        kept.remove(droppable.pop(0))
    result = [0] * len(columns)
    for index, width in zip(kept, widths, strict=True):
        result[index] = max(width, 1)
    return result


def cut(text: Text, width: int) -> Text:
    """`text` in at most `width` cells, ending in "…" when it was longer."""
    if text.cell_len <= width:
        return text
    short = text.copy()
    short.truncate(width, overflow="ellipsis")
    return short


class FittedTable(DataTable):
    """A row-cursor DataTable fed with whole rows; it lays them out to its own width."""

    DEFAULT_CSS = """
    FittedTable { scrollbar-gutter: stable; overflow-x: hidden; }
    """

    def __init__(self, columns: Sequence[Column], **options: object) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **options)  # type: ignore[arg-type]
        self.spec = list(columns)
        self.headers = [safe(column.label, lines=False) for column in columns]
        self.rows_data: list[tuple[str, list[Text]]] = []
        self._room = 0

    def set_rows(self, rows: Sequence[tuple[str, Sequence[str | Text]]]) -> None:
        """Replace every row: (key, one cell per column), cells made terminal-safe here."""
        self.rows_data = [(key, [safe(cell, lines=False) for cell in cells]) for key, cells in rows]
        self._lay_out(force=True)

    @property
    def highlighted_key(self) -> str | None:
        if not self.rows_data or not 0 <= self.cursor_row < len(self.rows_data):
            return None
        return self.rows_data[self.cursor_row][0]

    def _on_resize(self, event: events.Resize) -> None:
        super()._on_resize(event)
        self._lay_out()

    def _widths(self) -> list[int]:
        natural = [header.cell_len for header in self.headers]
        for _, cells in self.rows_data:
            natural = [max(n, cell.cell_len) for n, cell in zip(natural, cells, strict=True)]
        return fit(self.spec, natural, self._room, 2 * self.cell_padding)

    def _lay_out(self, force: bool = False) -> None:
        # Not yet shown (a hidden tab): rows at their natural width until the first resize.
        room = self.scrollable_content_region.width or UNSIZED
        if room == self._room and not force:
            return
        self._room = room
        widths = self._widths()
        cursor = self.cursor_row
        self.clear(columns=True)
        shown = [(i, w) for i, w in enumerate(widths) if w]
        for index, width in shown:
            self.add_column(cut(self.headers[index], width), width=width)
        for key, cells in self.rows_data:
            self.add_row(*(cut(cells[i], w) for i, w in shown), key=key)
        if self.rows_data:
            self.move_cursor(row=min(max(cursor, 0), len(self.rows_data) - 1), animate=False)
