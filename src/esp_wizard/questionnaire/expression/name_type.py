"""How a condition sees a question: kept apart from the checker (types.py), as every
question type names its own when the questionnaire is loaded, while the checker, with the
parser, is only needed when a questionnaire text is checked (not when a copy checked
earlier is resumed)."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass

KINDS = frozenset({"bool", "number", "string", "date", "list", "inventory"})


@dataclass(frozen=True)
class NameType:
    """How an expression sees one question (or one inventory field).

    `options` are the values a choice ("string") or multi_choice ("list") may take, "other"
    included when the question allows it; a sequence keeps its order in messages, a set is
    listed sorted. `fields` describe an inventory's row. `label` (e.g. "choice question
    list_source") names the question in messages.
    """

    kind: str
    options: Collection[str] | None = None
    fields: Mapping[str, NameType] | None = None
    label: str = ""

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown kind {self.kind!r} (one of {', '.join(sorted(KINDS))})")
