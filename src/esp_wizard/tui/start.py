"""What the TUI opens on: home, the new-interview form (with what the options gave), or a
session to resume. Plain data, built by the commands before Textual is imported."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from esp_wizard.questionnaire.model import Questionnaire
    from esp_wizard.session.model import Interviewee
    from esp_wizard.session.opened import OpenedSession


@dataclass(frozen=True)
class NewPresets:
    """Options given on the command line: the form shows them and does not ask again."""

    client: str = ""
    engagement: str | None = None
    facilitator: str | None = None
    questionnaire: Questionnaire | None = None
    language: str | None = None
    interviewees: tuple[Interviewee, ...] = ()

    @property
    def complete(self) -> bool:
        """Enough to start at once: who, with whom, and which questionnaire."""
        return bool(self.client and self.interviewees and self.questionnaire)


@dataclass(frozen=True)
class Start:
    screen: Literal["home", "new", "interview"] = "home"
    presets: NewPresets = field(default_factory=NewPresets)
    opened: OpenedSession | None = None
