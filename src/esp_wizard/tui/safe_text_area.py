"""SafeTextArea: a TextArea that shows unsafe characters as safe.EditSafe does.

Apart from safe.py because importing TextArea (its document, history and syntax modules)
costs ~40 ms: the home screen, which never shows one, does not pay for it.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import TextArea

from esp_wizard.tui.safe import EDIT_SAFE


class SafeTextArea(TextArea):
    """A TextArea whose lines show unsafe characters as `EditSafe` does; the text is kept."""

    def get_line(self, line_index: int) -> Text:
        return EDIT_SAFE(super().get_line(line_index))
