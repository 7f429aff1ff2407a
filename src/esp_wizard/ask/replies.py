"""What one prompt gives back to the interview loop: an answer, a special, or nothing new."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from esp_wizard.ask.specials import Special


@dataclass(frozen=True)
class Answered:
    """A value to record; an empty value clears an answer the user emptied."""

    value: Any
    other: str = ""


class Unchanged:
    """Enter without a new answer: keep what is stored (or nothing) and go on."""

    def __repr__(self) -> str:
        return "UNCHANGED"


UNCHANGED = Unchanged()

Reply = Answered | Special | Unchanged
