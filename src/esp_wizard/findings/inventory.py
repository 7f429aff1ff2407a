"""The merged inventory: every inventory question's rows across sessions, one row per thing.

Rows merge by their first field, compared case- and space-insensitively (`row_key`), so
"Salesforce" from IT and "salesforce " from email-ops are one system. Every source is
kept: a cell lists each distinct value given, and each row names the sessions it came from.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from esp_wizard.findings.collect import InventoryFacts, RowFacts, SessionFacts
from esp_wizard.findings.model import InventoryRow, InventoryTable, MoveDecision, RowSource


@dataclass
class _Table:
    first: InventoryFacts
    columns: dict[str, str] = field(default_factory=dict)
    has_must_move: bool = False
    rows: dict[str, list[tuple[RowFacts, RowSource]]] = field(default_factory=dict)


def merge_inventory(facts: Sequence[SessionFacts]) -> tuple[InventoryTable, ...]:
    tables: dict[str, _Table] = {}
    for fact in facts:
        for inventory in fact.inventories:
            table = tables.setdefault(inventory.question_id, _Table(inventory))
            for field_id, label in inventory.columns:
                table.columns.setdefault(field_id, label)
            table.has_must_move = table.has_must_move or inventory.has_must_move
            for row in inventory.rows:
                source = RowSource(fact.ref, row.cells, row.raw)
                table.rows.setdefault(row.key, []).append((row, source))
    return tuple(_table(question_id, table) for question_id, table in tables.items())


def _table(question_id: str, table: _Table) -> InventoryTable:
    rows = [_row(key, given, list(table.columns)) for key, given in table.rows.items()]
    return InventoryTable(
        question_id=question_id,
        title=table.first.title,
        item=table.first.item,
        columns=tuple(table.columns.items()),
        rows=tuple(sorted(rows, key=lambda r: (r.key, r.name))),
        has_must_move=table.has_must_move,
    )


def _row(key: str, given: list[tuple[RowFacts, RowSource]], columns: list[str]) -> InventoryRow:
    cells = {
        column: tuple(dict.fromkeys(r.cells[column] for r, _ in given if column in r.cells))
        for column in columns
    }
    return InventoryRow(
        key=key,
        name=given[0][0].name,
        cells=cells,
        must_move=move_decision([r.must_move for r, _ in given]),
        sources=tuple(source for _, source in given),
    )


def move_decision(answers: Sequence[bool | None]) -> MoveDecision:
    """yes or no when every source that answered agrees; disputed when they differ."""
    given = {a for a in answers if a is not None}
    if not given:
        return "unknown"
    if len(given) > 1:
        return "disputed"
    return "yes" if given.pop() else "no"
