"""inventory: a table of rows (systems, lists, automations), each row a small form of fields.

Its fields are questions of the types registered with `in_inventory`; the field union is
derived from the table in `kinds/__init__.py`, which resolves `InventoryField` below.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import Field

from esp_wizard.i18n import N_, _, ngettext
from esp_wizard.questionnaire.expression import NameType
from esp_wizard.questionnaire.kinds.base import AnswerError, Found, Kind, Loc, QuestionBase

if TYPE_CHECKING:
    InventoryField = QuestionBase  # at run time: the union of the inventory field types

Row = dict[str, Any]


class InventoryQuestion(QuestionBase):
    type: Literal["inventory"]
    item: str = "item"
    fields: Annotated[list[InventoryField], Field(min_length=1)]
    min_rows: Annotated[int, Field(ge=0)] | None = None
    max_rows: Annotated[int, Field(ge=1)] | None = None

    @property
    def key_field(self) -> str:
        """The first field names a row: rows merge across sessions by it."""
        return self.fields[0].id

    def field(self, field_id: str) -> InventoryField | None:
        return next((f for f in self.fields if f.id == field_id), None)


def row_key(value: Any) -> str:
    """Rows merge by their first field, compared case- and space-insensitively."""
    return " ".join(str(value).split()).casefold() if value is not None else ""


# Set by kinds/__init__.py: the registered kind of a field (inventory cannot import the table).
FieldKind = Callable[[QuestionBase], Kind[Any]]


class InventoryKind(Kind[InventoryQuestion]):
    type = "inventory"
    model = InventoryQuestion
    condition_kind = "inventory"
    stored = N_("a list of rows")

    def fits(self, value: Any) -> bool:
        return isinstance(value, list) and all(isinstance(row, dict) for row in value)

    def __init__(self, kind_of: FieldKind) -> None:
        self._kind_of = kind_of

    def name_type(self, question: InventoryQuestion) -> NameType:
        fields = {
            f.id: t for f in question.fields if (t := self._kind_of(f).name_type(f)) is not None
        }
        label = f"{question.type} question {question.id}"
        return NameType(kind="inventory", fields=fields, label=label)

    def problems(self, question: InventoryQuestion, loc: Loc) -> Iterator[Found]:
        low, high = question.min_rows, question.max_rows
        if low is not None and high is not None and low > high:
            message = _("min_rows ({low}) is greater than max_rows ({high})")
            yield (*loc, "min_rows"), message.format(low=low, high=high)
        seen: set[str] = set()
        for f_i, field in enumerate(question.fields):
            field_loc: Loc = (*loc, "fields", f_i)
            if field.id in seen:
                message = _("'{id}' is already a field of {question}")
                yield (*field_loc, "id"), message.format(id=field.id, question=question.id)
            seen.add(field.id)
            if field.when is not None:
                message = _("a field of an inventory cannot have a when condition")
                yield (*field_loc, "when"), message
            yield from self._kind_of(field).problems(field, field_loc)

    def validate_row(self, question: InventoryQuestion, row: Row) -> Row:
        """One row: known fields, required ones filled, each value valid for its type."""
        unknown = [key for key in row if question.field(key) is None]
        if unknown:
            message = ngettext(
                "Unknown field: {fields}.", "Unknown fields: {fields}.", len(unknown)
            )
            raise AnswerError(message.format(fields=", ".join(unknown)))
        clean: Row = {}
        for field in question.fields:
            value = row.get(field.id)
            if value is None or value == "":
                if field.required:
                    raise AnswerError(_("{text}: required.").format(text=field.text))
                continue
            try:
                clean[field.id] = self._kind_of(field).validate(field, value)
            except AnswerError as error:
                message = _("{field}: {problem}").format(field=field.text, problem=error)
                raise AnswerError(message) from None
        return clean

    def validate(self, question: InventoryQuestion, value: Any, other: str = "") -> list[Row]:
        if not isinstance(value, list | tuple) or not all(isinstance(r, dict) for r in value):
            raise AnswerError(_("Add {item} rows.").format(item=question.item))
        rows = []
        seen: dict[str, int] = {}
        for number, row in enumerate(value, start=1):
            try:
                clean = self.validate_row(question, row)
            except AnswerError as error:
                message = _("Row {number}: {problem}").format(number=number, problem=error)
                raise AnswerError(message) from None
            key = row_key(clean.get(question.key_field))
            if key and key in seen:
                name = clean[question.key_field]
                message = _("Row {number} repeats row {first} ({name}).")
                raise AnswerError(message.format(number=number, first=seen[key], name=name))
            seen[key] = number
            rows.append(clean)
        # Fewer rows than `min_rows` are kept (saved as they are typed, never lost): the
        # shortfall is reported at review, as an open required question is (`rows_short`).
        high = question.max_rows
        if high is not None and len(rows) > high:
            message = ngettext(
                "Keep it to {high} {item} row (now {count}).",
                "Keep it to {high} {item} rows (now {count}).",
                high,
            )
            raise AnswerError(message.format(high=high, item=question.item, count=len(rows)))
        return rows

    def display(
        self, question: InventoryQuestion, value: Any, other: str, language: str, terse: bool
    ) -> str:
        return ", ".join(str(r.get(question.key_field, "?")) for r in value)


def rows_short(question: InventoryQuestion, value: Any) -> str:
    """Why the rows given are not enough yet (fewer than `min_rows`), or ""."""
    low = question.min_rows
    count = len(value) if isinstance(value, list) else 0
    if low is None or count >= low:
        return ""
    message = ngettext(
        "Add at least {low} {item} row (now {count}).",
        "Add at least {low} {item} rows (now {count}).",
        low,
    )
    return message.format(low=low, item=question.item, count=count)
