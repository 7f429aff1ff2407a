"""The acceptance-test checklist: what UAT must test and sign off, from the merged inventory.

The mapping reads an inventory by the fields its rows have, so it works for any
questionnaire that names its fields as the bundled ones do:

- a row with a `trigger` field (a journey or automation) is a **trigger** to fire once;
- a row with a `trigger_system` field (a message another system asks the ESP to send) is an
  **inbound API** call to test end to end;
- rows with a `family` field (templates) give one **template family** line per family,
  naming its templates, so every variant gets rendered;
- a row with a `transport` or `direction` field (an integration or data source) is an
  **inbound API** when data comes into the ESP (`direction` to_esp or both, or no direction:
  a source feeds the ESP) by `api` or `webhook`, and an **integration** otherwise.

Rows that every source marked as not moving (`must_move` no) are left out: nothing of them
is accepted on the new platform. Other inventories (people, markets, domains…) are not
acceptance tests.
"""

from __future__ import annotations

from collections.abc import Sequence

from esp_wizard.findings.model import (
    ChecklistItem,
    ChecklistKind,
    InventoryRow,
    InventoryTable,
    SessionRef,
)
from esp_wizard.i18n import _, ngettext

KINDS: tuple[ChecklistKind, ...] = ("trigger", "template family", "inbound API", "integration")
INBOUND_DIRECTIONS = ("to_esp", "both")
API_TRANSPORTS = ("api", "webhook")


def checklist(tables: Sequence[InventoryTable]) -> tuple[ChecklistItem, ...]:
    items: list[ChecklistItem] = []
    for table in tables:
        fields = {field_id for field_id, _label in table.columns}
        rows = [r for r in table.rows if r.must_move != "no"]
        if "trigger" in fields:
            items += [_trigger(table, r) for r in rows]
        elif "trigger_system" in fields:
            items += [_api_message(table, r) for r in rows]
        elif "family" in fields:
            items += _families(table, rows)
        elif "transport" in fields or "direction" in fields:
            items += [_integration(table, r) for r in rows]
    return tuple(sorted(_once(items), key=lambda i: (KINDS.index(i.kind), i.name.casefold())))


def _once(items: Sequence[ChecklistItem]) -> list[ChecklistItem]:
    """One line per thing to test: the same name in two inventories (a feed that data and IT
    both listed) is one test, worded from the inventory that says the most about it."""
    kept: dict[str, ChecklistItem] = {}
    for item in items:
        name = " ".join(item.name.split()).casefold()
        held = kept.get(name)
        if held is None:
            kept[name] = item
            continue
        best = item if len(item.check) > len(held.check) else held
        sessions = {s.id: s for s in held.sessions + item.sessions}
        kept[name] = ChecklistItem(
            best.kind, best.name, best.check, best.inventory, tuple(sessions.values())
        )
    return list(kept.values())


def _cell(row: InventoryRow, field_id: str, default: str = "") -> str:
    return " / ".join(row.cells.get(field_id, ())) or default


def _sessions(rows: Sequence[InventoryRow]) -> tuple[SessionRef, ...]:
    seen = {s.session.id: s.session for r in rows for s in r.sources}
    return tuple(seen.values())


def _raw(row: InventoryRow, field_id: str) -> set[object]:
    return {s.raw[field_id] for s in row.sources if field_id in s.raw}


def _trigger(table: InventoryTable, row: InventoryRow) -> ChecklistItem:
    trigger = _cell(row, "trigger")
    if trigger:
        check = _(
            "Fires once per event on the new platform, with the same audience, data and "
            "content as today (trigger: {trigger})."
        ).format(trigger=trigger)
    else:
        check = _(
            "Fires once per event on the new platform, with the same audience, data and "
            "content as today."
        )
    return ChecklistItem("trigger", row.name, check, table.question_id, _sessions([row]))


def _api_message(table: InventoryTable, row: InventoryRow) -> ChecklistItem:
    system = _cell(row, "trigger_system", _("the calling system"))
    check = _(
        "Called by {system}: the call reaches the new platform and the message is delivered; "
        "the old platform stays ready as a fallback until sign-off."
    ).format(system=system)
    return ChecklistItem("inbound API", row.name, check, table.question_id, _sessions([row]))


def _families(table: InventoryTable, rows: Sequence[InventoryRow]) -> list[ChecklistItem]:
    families: dict[str, list[InventoryRow]] = {}
    for row in rows:
        for family in row.cells.get("family") or (_("(no family given)"),):
            families.setdefault(family, []).append(row)
    items = []
    for family, members in families.items():
        names = ", ".join(_template(r) for r in members)
        check = _("Every template and variant renders and personalises correctly: {names}.")
        check = check.format(names=names)
        items.append(
            ChecklistItem("template family", family, check, table.question_id, _sessions(members))
        )
    return items


def _template(row: InventoryRow) -> str:
    counts = sorted({str(v) for v in _raw(row, "variants")})
    if not counts:
        return row.name
    variants = ngettext("{counts} variant", "{counts} variants", 1 if counts == ["1"] else 2)
    shown = variants.format(counts=_(" or ").join(counts))
    return f"{row.name} ({shown})"


def _integration(table: InventoryTable, row: InventoryRow) -> ChecklistItem:
    directions = _raw(row, "direction")
    inbound = not directions or bool(directions & set(INBOUND_DIRECTIONS))
    if inbound and _raw(row, "transport") & set(API_TRANSPORTS):
        how = _cell(row, "transport")
        check = _(
            "Sends data into the platform by {how}: calls succeed, data lands in the right "
            "fields, and failures are reported."
        ).format(how=how)
        return ChecklistItem("inbound API", row.name, check, table.question_id, _sessions([row]))
    facts = [_cell(row, f) for f in ("kind", "transport", "direction", "schedule")]
    said = ", ".join(f for f in facts if f)
    moves = _("data moves as today, on schedule, and a failure is noticed.")
    check = _("{facts}: {check}").format(facts=said, check=moves) if said else moves
    return ChecklistItem(
        "integration", row.name, check[0].upper() + check[1:], table.question_id, _sessions([row])
    )
