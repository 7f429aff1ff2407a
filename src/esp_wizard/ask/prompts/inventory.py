"""inventory: a loop over rows: add a row by asking its fields, edit or delete one, finish.

Each change is saved at once through `ctx.commit`, where the core checks the whole list
(each field, a name given twice, the most rows). Fewer rows than `min_rows` are saved too
(a kill between rows loses none); the shortfall is shown here and listed at review, as an
open required question is.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from questionary import Choice

from esp_wizard.ask.prompter import Marker
from esp_wizard.ask.prompts.context import AskContext
from esp_wizard.ask.prompts.registry import asks, prompt_for
from esp_wizard.ask.replies import UNCHANGED, Answered, Reply
from esp_wizard.ask.specials import LEAVE_ROW, Special
from esp_wizard.i18n import _
from esp_wizard.questionnaire.kinds import is_empty
from esp_wizard.questionnaire.kinds.base import AnswerError
from esp_wizard.questionnaire.kinds.inventory import InventoryQuestion, rows_short

ADD, EDIT, DELETE, DONE, CANCEL = (Marker(n) for n in ("ADD", "EDIT", "DELETE", "DONE", "CANCEL"))
Row = dict[str, Any]


@dataclass
class _Rows:
    rows: list[Row] = field(default_factory=list)


@asks("inventory")
class InventoryPrompt:
    def ask(self, question: InventoryQuestion, ctx: AskContext) -> Reply:
        state = _Rows([dict(row) for row in ctx.value or []])
        while True:
            show_rows(question, ctx, state)
            action = ctx.pick(question.text, _actions(question, state.rows), default=ADD)
            if isinstance(action, Special):
                return action
            if action is DONE:
                short = rows_short(question, state.rows) if state.rows else ""
                if short:
                    ctx.prompter.say(
                        "  "
                        + _("Saved, still open: {short} The review lists it.").format(short=short)
                    )
                return UNCHANGED
            changed = _change(question, ctx, state.rows, action)
            if changed is not None:
                _commit(question, ctx, state, changed)


def _actions(question: InventoryQuestion, rows: list[Row]) -> list[Choice]:
    actions = [Choice(_("Add a {item}").format(item=question.item), value=ADD)]
    if rows:
        actions += [Choice(_("Edit a row"), value=EDIT), Choice(_("Delete a row"), value=DELETE)]
    return [*actions, Choice(_("Done"), value=DONE)]


def show_rows(question: InventoryQuestion, ctx: AskContext, state: _Rows) -> None:
    if not state.rows:
        ctx.prompter.say("  " + _("No {item} rows yet.").format(item=question.item))
    for number, row in enumerate(state.rows, start=1):
        ctx.prompter.say(f"  {number}. {row_text(question, ctx, row)}")
    short = rows_short(question, state.rows) if state.rows else ""
    if short:
        ctx.prompter.say("  " + _("(saved; {short})").format(short=short))


def row_text(question: InventoryQuestion, ctx: AskContext, row: Row) -> str:
    key, *rest = question.fields
    details = [
        f"{f.text}: {ctx.display(f, row[f.id])}" for f in rest if not is_empty(row.get(f.id))
    ]
    name = str(row.get(key.id, "?"))
    return f"{name} ({'; '.join(details)})" if details else name


def _change(
    question: InventoryQuestion, ctx: AskContext, rows: list[Row], action: Any
) -> list[Row] | None:
    """The rows after one action, or None when it was called off."""
    if action is ADD:
        row = ask_row(question, ctx, {}, _("New {item}:").format(item=question.item))
        return None if row is None else [*rows, row]
    index = _which(question, ctx, rows)
    if index is None:
        return None
    if action is EDIT:
        row = ask_row(
            question, ctx, rows[index], _("Editing row {number}:").format(number=index + 1)
        )
        return None if row is None else [*rows[:index], row, *rows[index + 1 :]]
    name = row_text(question, ctx, rows[index])
    delete = _("Delete row {number}, {name}?").format(number=index + 1, name=name)
    if not ctx.prompter.confirm(delete, default=False):
        return None
    return [*rows[:index], *rows[index + 1 :]]


def ask_row(question: InventoryQuestion, ctx: AskContext, current: Row, title: str) -> Row | None:
    """Each field with its own type's prompt; Enter keeps a field's current value.
    None when the facilitator leaves the row with `:back` (nothing of it is kept)."""
    ctx.prompter.say(
        "  " + _("{title} ({typed} leaves the row)").format(title=title, typed=LEAVE_ROW.typed)
    )
    row: Row = {}
    for row_field in question.fields:
        reply = prompt_for(row_field).ask(row_field, ctx.for_field(current.get(row_field.id)))
        if reply is LEAVE_ROW:
            ctx.prompter.say("  " + _("Row left; nothing of it was saved."))
            return None
        if isinstance(reply, Answered):
            if not is_empty(reply.value):
                row[row_field.id] = reply.value
        elif row_field.id in current:
            row[row_field.id] = current[row_field.id]
    return row


def _which(question: InventoryQuestion, ctx: AskContext, rows: list[Row]) -> int | None:
    choices = [
        Choice(f"{n}. {row_text(question, ctx, row)}", value=n - 1)
        for n, row in enumerate(rows, start=1)
    ]
    picked = ctx.prompter.select(_("Which row?"), [*choices, Choice(_("Cancel"), value=CANCEL)])
    return None if picked is CANCEL else picked


def _commit(question: InventoryQuestion, ctx: AskContext, state: _Rows, rows: list[Row]) -> None:
    if ctx.commit is None:
        raise RuntimeError("an inventory is asked with a way to save its rows")
    try:
        ctx.commit(rows)
    except AnswerError as error:
        ctx.prompter.say("  " + _("Not changed: {error}").format(error=error))
        return
    state.rows = rows
