"""The ctrl+p palette's commands: a consultant's own actions, from the screens' bindings.

Commands come from the screen's bindings (their description and tooltip), so the palette,
the footer and the help screen never disagree about what can be done. Only bindings the
app declares (they all carry an `id`) are offered: the keys Textual's widgets bring along
("Cursor down", "Bottom", "Copy selected text") are how a list moves, not something a
consultant looks for by name. Of Textual's own commands only the theme is kept; quitting
is the app's ctrl+q (which saves first). Titles and help go through the catalogue.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from textual.app import App, SystemCommand
from textual.markup import escape
from textual.screen import Screen

from esp_wizard.i18n import _

SKIPPED_ACTIONS = {"command_palette", "app.command_palette"}


def app_commands(app: App) -> Iterator[SystemCommand]:
    """What the app offers whatever the screen: its look (the choice is remembered)."""
    yield SystemCommand(
        _("Theme"), _("Change the colours (remembered for next time)"), app.action_change_theme
    )


def binding_commands(screen: Screen) -> Iterator[SystemCommand]:
    """One command per described binding of the app's that is active on `screen` now."""
    app = screen.app
    seen: set[str] = set()
    # A key in the footer describes its action best (ctrl+q before its ctrl+c alias).
    bindings = sorted(screen.active_bindings.values(), key=lambda a: not a.binding.show)
    for active in bindings:
        binding = active.binding
        action = binding.action
        if not binding.id or not binding.description or binding.system:
            continue
        if action in SKIPPED_ACTIONS or action in seen or not active.enabled:
            continue
        seen.add(action)
        keys = app.get_key_display(binding)
        title = _(binding.description)
        why = _(binding.tooltip) if binding.tooltip else title
        yield SystemCommand(
            title, escape(f"{why}  ·  {keys}"), partial(app.run_action, action, active.node)
        )
