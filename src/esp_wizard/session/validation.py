"""Is a proposed answer acceptable for its question? Messages are for the facilitator.

Both interview modes (TUI and plain prompts) call these; neither re-implements a rule. Each
rule lives with its question type in `questionnaire/kinds/`; this is the session's way in.
"""

from __future__ import annotations

from typing import Any

from esp_wizard.questionnaire import model as m
from esp_wizard.questionnaire.kinds import INVENTORY, parse_text, validate
from esp_wizard.questionnaire.kinds.base import AnswerError
from esp_wizard.questionnaire.kinds.inventory import row_key


def validate_row(question: m.InventoryQuestion, row: dict[str, Any]) -> dict[str, Any]:
    """One inventory row: known fields, required ones filled, each value valid."""
    return INVENTORY.validate_row(question, row)


__all__ = ["AnswerError", "parse_text", "row_key", "validate", "validate_row"]
