"""The line under the answer: follow-up flag, don't know / not applicable, with their keys."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from esp_wizard.i18n import _
from esp_wizard.questionnaire.kinds import Question
from esp_wizard.session.model import Answer
from esp_wizard.tui.paint import replace


class Marks(Static):
    def show(self, question: Question, answer: Answer | None) -> None:
        if not question.answerable:
            replace(self, "")
            return
        status = answer.status if answer else "answered"
        flagged = bool(answer and answer.follow_up)
        text = Text()
        _mark(text, "^f", "⚑ " + _("follow-up"), flagged)
        if question.allow_unknown:
            _mark(text, "^d", _("don't know"), status == "dont_know")
            _mark(text, "^x", _("n/a"), status == "not_applicable")
        if question.required:
            text.append(_("required"), style="italic")
        replace(self, text)  # redrawn at every answer: a repaint only, when it changed


def _mark(text: Text, key: str, label: str, on: bool) -> None:
    """`^d don't know`, shown reversed while it is set."""
    text.append(key, style="bold")
    text.append(f" {label}", style="reverse bold" if on else "")
    text.append("  ")
