"""The ctrl+p palette's commands: every key of the screen, from its own bindings.

Commands come from the screen's bindings (their description and tooltip), so the palette,
the footer and the help screen never disagree about what can be done. The interview
screen adds a search over its questions (palette.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from textual.app import SystemCommand
from textual.markup import escape
from textual.screen import Screen

from esp_wizard.i18n import _

SKIPPED_ACTIONS = {"quit", "app.quit", "command_palette", "app.command_palette"}


def binding_commands(screen: Screen) -> Iterator[SystemCommand]:
    """One command per described binding that is active on `screen` right now."""
    app = screen.app
    seen: set[str] = set()
    for active in screen.active_bindings.values():
        binding = active.binding
        action = binding.action
        if not binding.description or binding.system or action in SKIPPED_ACTIONS:
            continue
        if action in seen or not active.enabled:
            continue
        seen.add(action)
        keys = app.get_key_display(binding)
        help_text = escape(f"{_(binding.tooltip or binding.description)}  ·  {keys}")
        yield SystemCommand(
            _(binding.description), help_text, partial(app.run_action, action, active.node)
        )
