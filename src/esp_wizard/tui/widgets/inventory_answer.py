"""inventory: a table of rows; a adds, Enter or e edits, d deletes, each row a small form.

Rows live in the widget, so a set of rows the engine refuses (two rows for the same system,
too many rows) stays on screen with the engine's message until it is put right.
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Static

from esp_wizard.i18n import N_, _
from esp_wizard.questionnaire.kinds import InventoryField, Question, display, is_empty
from esp_wizard.questionnaire.kinds.inventory import InventoryQuestion
from esp_wizard.session.model import Answer
from esp_wizard.tui.safe import safe
from esp_wizard.tui.widgets.answer import AnswerWidget, answers
from esp_wizard.tui.widgets.fitted_table import share

Row = dict[str, Any]
# A cell longer than its share of the table's width is cut (…): one long value never pushes
# the other columns off screen; the highlighted row is shown in full, wrapped, under the
# table. The share follows the table's width, so a wide terminal shows more of each cell.
MIN_CELL = 8
ROOM = 50  # until the table has a width: what it has at 80 columns, beside the section list


class RowTable(DataTable):
    BINDINGS: ClassVar[list[BindingType]] = [
        # Shown on the line under the table, not in the footer (it has no room at 80 columns).
        Binding("a", "add_row", N_("Add row"), show=False, id="inventory.add"),
        Binding("enter,e", "edit_row", N_("Edit row"), show=False, id="inventory.edit"),
        Binding("d,delete", "delete_row", N_("Delete row"), show=False, id="inventory.delete"),
    ]

    def action_add_row(self) -> None:
        self._owner().add_row()

    def action_edit_row(self) -> None:
        self._owner().edit_row(self.cursor_row)

    def action_delete_row(self) -> None:
        self._owner().delete_row(self.cursor_row)

    def _owner(self) -> InventoryAnswer:
        return self.query_ancestor(InventoryAnswer)


@answers("inventory")
class InventoryAnswer(AnswerWidget):
    DEFAULT_CSS = """
    InventoryAnswer DataTable { height: auto; max-height: 10; }
    InventoryAnswer #row-detail { height: auto; color: $text-muted; padding: 0 1; }
    """

    question: InventoryQuestion

    def __init__(self, question: Question, answer: Answer | None, language: str) -> None:
        super().__init__(question, answer, language)
        self.rows: list[Row] = []
        self._room = ROOM
        self._caps: list[int] = []

    def compose(self) -> ComposeResult:
        yield RowTable(cursor_type="row", zebra_stripes=True, id="rows")
        yield Static("", id="row-detail")
        yield Static("", id="rows-hint", classes="hint")

    def setup(self) -> None:
        self._caps = []  # another question's columns: laid out again on the next refill

    def _fit_columns(self) -> None:
        """Share the table's width between the columns, each by what it holds (a short
        column keeps its width, the long ones split the rest), and set the headers."""
        fields = self.question.fields
        natural = [
            max([len(_one_line(f.text))] + [len(self._cell(f, r.get(f.id))) for r in self.rows])
            for f in fields
        ]
        caps = [max(MIN_CELL, w) for w in share(natural, self._room - 2 * len(fields))]
        if caps == self._caps:
            return
        self._caps = caps
        self.table.clear(columns=True)
        self.table.add_columns(
            *(safe(_cut(f.text, cap), lines=False) for f, cap in zip(fields, caps, strict=True))
        )

    def on_resize(self, event: events.Resize) -> None:
        self.fit_to(event.size.width - 2)  # the table's vertical scrollbar

    def fit_to(self, room: int) -> None:
        """Share `room` (the table's width) between the columns again, if it changed."""
        if room > 0 and room != self._room:
            self._room = room
            self._refill(self.table.cursor_row)

    @property
    def table(self) -> RowTable:
        return self.query_one("#rows", RowTable)

    def value(self) -> list[Row]:
        return [dict(row) for row in self.rows]

    def load(self, answer: Answer | None) -> None:
        value = answer.value if answer is not None else None
        rows = value if isinstance(value, list) else []
        self.rows = [dict(r) for r in rows if isinstance(r, dict)]
        self._refill()

    def focus_answer(self) -> None:
        self.table.focus()

    # -- editing ----------------------------------------------------------------------------
    def add_row(self) -> None:
        self._open_form(None)

    def edit_row(self, index: int) -> None:
        if 0 <= index < len(self.rows):
            self._open_form(index)
        else:
            self.add_row()

    def delete_row(self, index: int) -> None:
        if not 0 <= index < len(self.rows):
            return
        from esp_wizard.tui.screens.confirm import ConfirmModal

        name = self._cell(self.question.fields[0], self.rows[index].get(self.question.key_field))
        ask = ConfirmModal(
            _("Delete this {item}?").format(item=self.question.item), name or _("(unnamed row)")
        )

        def done(yes: bool | None) -> None:
            if yes:
                del self.rows[index]
                self._changed_rows()

        self.app.push_screen(ask, done)

    def _open_form(self, index: int | None) -> None:
        from esp_wizard.tui.screens.inventory_row import InventoryRowModal

        row = self.rows[index] if index is not None else None

        def done(result: Row | None) -> None:
            if result is None:
                return
            if index is None:
                self.rows.append(result)
            else:
                self.rows[index] = result
            self._changed_rows(len(self.rows) - 1 if index is None else index)

        self.app.push_screen(InventoryRowModal(self.question, row, self.language), done)

    def _changed_rows(self, cursor: int | None = None) -> None:
        self._refill(cursor)
        self.pick()
        self.table.focus()

    # -- showing ----------------------------------------------------------------------------
    def _refill(self, cursor: int | None = None) -> None:
        self._fit_columns()
        table = self.table
        table.clear()
        for row in self.rows:
            table.add_row(
                *(
                    safe(_cut(self._cell(f, row.get(f.id)), cap), lines=False)
                    for f, cap in zip(self.question.fields, self._caps, strict=True)
                )
            )
        if cursor is not None and self.rows:
            table.move_cursor(row=min(cursor, len(self.rows) - 1))
        count = len(self.rows)
        item = self.question.item
        hint = (
            _("a add · Enter/e edit · d delete")
            if count
            else _("No {item} yet: press a to add one").format(item=item)
        )
        self.query_one("#rows-hint", Static).update(
            safe(f"{count} × {item}  ·  {hint}", lines=False)
        )
        self._show_detail(table.cursor_row if self.rows else None)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_detail(event.cursor_row)

    def _show_detail(self, index: int | None) -> None:
        """The highlighted row in full, only when a cell of it had to be cut."""
        detail = self.query_one("#row-detail", Static)
        row = self.rows[index] if index is not None and 0 <= index < len(self.rows) else None
        cells = (
            [(f.text, self._cell(f, row.get(f.id))) for f in self.question.fields] if row else []
        )
        if not any(len(_one_line(v)) > cap for (_, v), cap in zip(cells, self._caps, strict=False)):
            detail.display = False
            return
        detail.update(safe(" · ".join(f"{name}: {value}" for name, value in cells if value)))
        detail.display = True

    def _cell(self, field: InventoryField, value: Any) -> str:
        """A cell as the engine shows it (labels, yes/no, the decimal comma in French)."""
        if is_empty(value):
            return ""
        return display(field, value, language=self.language, terse=True)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _cut(text: str, cap: int) -> str:
    text = _one_line(text)
    return text if len(text) <= cap else text[: cap - 1] + "…"
