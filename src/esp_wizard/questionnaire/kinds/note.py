"""note: text the facilitator reads out; it takes no answer and conditions cannot name it."""

from __future__ import annotations

from typing import Any, Literal

from esp_wizard.i18n import N_
from esp_wizard.questionnaire.kinds.base import Kind, QuestionBase


class NoteQuestion(QuestionBase):
    type: Literal["note"]

    @property
    def answerable(self) -> bool:
        return False


class NoteKind(Kind[NoteQuestion]):
    type = "note"
    model = NoteQuestion
    stored = N_("nothing")

    def fits(self, value: Any) -> bool:
        return True  # a note takes no answer; a stray value is ignored
