"""A form's text field whose keys go where the focus is when each key is handled.

Textual routes a key to the widget focused when the key *arrives*, and Enter or Tab move
the focus only once their binding has run, after a trip up to the app. A burst of typed-ahead
keys ("Acme⏎Move⏎", or keys typed while the form is still being built) would otherwise land
in the field that had the focus when the burst came in. A screen that is a `KeyRouter`
handles each key of its fields at once, in order, against its focus of that moment.
"""

from __future__ import annotations

from typing import Any, Protocol, runtime_checkable

from textual import events
from textual.widgets import Input

from esp_wizard.tui.safe import EDIT_SAFE


@runtime_checkable
class KeyRouter(Protocol):
    def route_key(self, event: events.Key) -> bool:
        """Apply the key to the focused field now; False leaves it to Textual."""
        ...


class FormInput(Input):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("highlighter", EDIT_SAFE)  # a client or a person read from a file
        super().__init__(*args, **kwargs)

    async def _on_key(self, event: events.Key) -> None:
        screen = self.screen
        if isinstance(screen, KeyRouter) and screen.route_key(event):
            event.stop()
            event.prevent_default()
            return
        await super()._on_key(event)


def apply_key(field: Input, event: events.Key) -> bool:
    """Edit `field` with the key if it is typing (a character or Backspace)."""
    if event.is_printable and event.character is not None:
        field.insert_text_at_cursor(event.character)
        return True
    if event.key == "backspace":
        field.action_delete_left()
        return True
    return False
