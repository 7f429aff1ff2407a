"""A radio button whose state shows by a glyph, not only by colour.

Textual draws every radio button with the same "●" and tells pressed from not by colour, so
under NO_COLOR (or on a monochrome terminal) all look pressed. Here a pressed button shows
"●" and the others a blank.
"""

from __future__ import annotations

from textual.widgets import RadioButton


class StateRadioButton(RadioButton):
    @property
    def BUTTON_INNER(self) -> str:  # type: ignore[override]
        return "●" if self.value else " "
