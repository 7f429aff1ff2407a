"""inventory: a table of rows; a adds, Enter or e edits, d deletes, each row a small form.

Rows live in the widget, so a set of rows the engine refuses (two rows for the same system,
too many rows) stays on screen with the engine's message until it is put right.
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Static

from esp_wizard.i18n import N_, _
from esp_wizard.questionnaire import model as m
from esp_wizard.questionnaire.kinds import display, is_empty
from esp_wizard.session.model import Answer
from esp_wizard.tui.safe import safe
from esp_wizard.tui.widgets.answer import AnswerWidget, answers

Row = dict[str, Any]
# A cell longer than this is cut (…): one long value never pushes the other columns off an
# 80-column screen; the highlighted row is shown in full, wrapped, under the table.
MAX_CELL = 22
ROOM = 50  # the table's width at 80 columns, beside the section list


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

    question: m.InventoryQuestion

    def __init__(self, question: m.Question, answer: Answer | None, language: str) -> None:
        super().__init__(question, answer, language)
        self.rows: list[Row] = []
        self._cap = MAX_CELL

    def compose(self) -> ComposeResult:
        yield RowTable(cursor_type="row", zebra_stripes=True, id="rows")
        yield Static("", id="row-detail")
        yield Static("", id="rows-hint", classes="hint")

    def setup(self) -> None:
        table = self.table
        table.clear(columns=True)
        fields = self.question.fields
        self._cap = max(8, min(MAX_CELL, ROOM // len(fields) - 2))
        table.add_columns(*(safe(_cut(field.text, self._cap), lines=False) for field in fields))

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
        table = self.table
        table.clear()
        for row in self.rows:
            table.add_row(
                *(
                    safe(_cut(self._cell(f, row.get(f.id)), self._cap), lines=False)
                    for f in self.question.fields
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
        if not any(len(value) > self._cap for _, value in cells):
            detail.display = False
            return
        detail.update(safe(" · ".join(f"{name}: {value}" for name, value in cells if value)))
        detail.display = True

    def _cell(self, field: m.InventoryField, value: Any) -> str:
        """A cell as the engine shows it (labels, yes/no, the decimal comma in French)."""
        if is_empty(value):
            return ""
        return display(field, value, language=self.language, terse=True)


def _cut(text: str, cap: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= cap else text[: cap - 1] + "…"
