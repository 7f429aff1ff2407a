"""The questionnaires to choose from, those written for the interviewees' roles first.

Each shows its title, id and language, roles, planned minutes and question count, so the
facilitator picks the right one without opening files.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from esp_wizard.i18n import N_, _, ngettext
from esp_wizard.questionnaire.model import Questionnaire
from esp_wizard.roles import role_labels
from esp_wizard.tui.safe import safe


def ordered(questionnaires: list[Questionnaire], roles: set[str]) -> list[Questionnaire]:
    """Matching roles first (most overlap first), then by title and language."""
    return sorted(questionnaires, key=lambda q: (-len(roles & set(q.roles)), q.title, q.language))


def key_of(questionnaire: Questionnaire) -> str:
    return f"{questionnaire.id}:{questionnaire.language}"


class QuestionnairePicker(OptionList):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "start", N_("Start interview"), show=False, id="picker.start"),
    ]

    class Start(Message):
        """Enter on a questionnaire: start with it (None when the list is empty)."""

        def __init__(self, questionnaire: Questionnaire | None) -> None:
            super().__init__()
            self.questionnaire = questionnaire

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.questionnaires: list[Questionnaire] = []

    def show(self, questionnaires: list[Questionnaire], roles: set[str]) -> None:
        """List them for these roles: the best match on top, unless one is being chosen."""
        chosen = self.chosen if self.has_focus else None
        self.questionnaires = ordered(questionnaires, roles)
        self.set_options(self._option(q, roles) for q in self.questionnaires)
        keys = [key_of(q) for q in self.questionnaires]
        if chosen is not None and key_of(chosen) in keys:
            self.highlighted = keys.index(key_of(chosen))
        elif keys:
            self.highlighted = 0

    @property
    def chosen(self) -> Questionnaire | None:
        index = self.highlighted
        if index is None or not 0 <= index < len(self.questionnaires):
            return None
        return self.questionnaires[index]

    def _option(self, questionnaire: Questionnaire, roles: set[str]) -> Option:
        matches = bool(roles & set(questionnaire.roles))
        prompt = Text()
        prompt.append("★ " if matches else "  ", style="bold")
        prompt.append(questionnaire.title, style="bold" if matches else "")
        count = questionnaire.answerable_count
        detail = "\n  " + " · ".join(
            (
                questionnaire.id,
                questionnaire.language,
                role_labels(questionnaire.roles) or _("any role"),
                _("{minutes} min").format(minutes=questionnaire.minutes),
                ngettext("{count} question", "{count} questions", count).format(count=count),
            )
        )
        prompt.append(detail, style="dim")
        return Option(safe(prompt), id=key_of(questionnaire))

    def action_start(self) -> None:
        self.post_message(self.Start(self.chosen))
