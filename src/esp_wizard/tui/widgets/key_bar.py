"""A one-line key bar drawn from the screen's own bindings.

Textual's Footer rebuilds a widget per key whenever focus moves, which on the interview
screen (focus moves with every question) costs more than the rest of a question change.
The interview's keys do not depend on focus, so one Static that draws them is enough.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.cells import cell_len
from textual import events
from textual.app import App
from textual.binding import Binding, BindingType
from textual.markup import escape
from textual.screen import Screen
from textual.widgets import Footer, Static
from textual.widgets._footer import FooterKey

from esp_wizard.i18n import _


def shown_keys(app: App, bindings: Iterable[BindingType]) -> list[tuple[str, str]]:
    """(key as shown, description) for each binding meant for the footer, once per action."""
    shown: list[tuple[str, str]] = []
    seen: set[str] = set()
    for binding in bindings:
        if isinstance(binding, Binding) and binding.show and binding.action not in seen:
            seen.add(binding.action)
            shown.append((app.get_key_display(binding), _(binding.description)))
    return shown


class KeyBar(Static):
    DEFAULT_CSS = """
    KeyBar {
        height: 1;
        background: $footer-background;
        color: $footer-foreground;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    def __init__(self, keys: list[tuple[str, str]], *, id: str | None = None) -> None:
        markup = " ".join(
            f"[b $footer-key-foreground]{escape(key)}[/] {escape(description)}"
            for key, description in keys
        )
        super().__init__(markup, id=id)


class KeyFooter(Footer):
    """Textual's compact footer, in the interface's language, fitted to a narrow terminal.

    The compact footer gives the right-docked ctrl+p key a one-cell right margin, and the
    keys scrolled under it show through that cell ("^p palettel" at 80 columns, "paletteg"
    at 60); the docked key here covers the whole right edge instead. Keys that do not fit
    beside it are hidden whole (the palette lists them all) rather than cut ("^e Ex").
    """

    DEFAULT_CSS = """
    KeyFooter.-compact FooterKey.-command-palette {
        margin: 0;
        padding-right: 1;
    }
    """

    def __init__(self) -> None:
        super().__init__(compact=True)
        self._pending = False  # a recompose waits for the next refresh
        self._shown: tuple[object, ...] | None = None  # the bindings the keys were made from

    def on_mount(self) -> None:
        self._translate()

    def bindings_changed(self, screen: Screen) -> None:
        """Textual's footer rebuilds every key at each bindings update, one per focus
        change: eight times, each a frame, as home settles after its first frame. Here one
        rebuild waits at a time, and none when the keys would be the same."""
        self._bindings_ready = True
        if not screen.app.app_focus or self._pending:
            return
        if self.is_attached and screen is self.screen:
            self._pending = True
            self.call_after_refresh(self._recompose_if_changed)

    async def _recompose_if_changed(self) -> None:
        self._pending = False
        if not self.is_attached:  # its screen was closed meanwhile
            return
        active = self.screen.active_bindings.values()
        shown = tuple((binding, enabled, tip) for _node, binding, enabled, tip in active)
        if shown != self._shown:
            self._shown = shown
            await self.recompose()

    async def recompose(self) -> None:
        await super().recompose()
        self._translate()
        self._fit(self.size.width)

    def _translate(self) -> None:
        """Each key's description in the interface's language (bindings are declared in
        English, marked with N_ where they are defined)."""
        for key in self.query(FooterKey):
            shown = _(key.description) if key.description else ""
            if shown != key.description:
                key.description = shown
                key.refresh(layout=True)

    def on_resize(self, event: events.Resize) -> None:
        self._fit(event.size.width)

    def _fit(self, width: int) -> None:
        """Show the keys, in order, while they fit left of the palette key."""
        keys = list(self.query(FooterKey))
        palette = [k for k in keys if k.has_class("-command-palette")]
        room = width - sum(_footer_width(k) + 1 for k in palette)  # + its border
        for key in keys:
            if key in palette:
                continue
            room -= _footer_width(key) + 1  # + the margin between keys
            key.display = room >= 0


def _footer_width(key: FooterKey) -> int:
    """A compact footer key's width: the key, a space, the description."""
    return cell_len(key.key_display) + (1 + cell_len(key.description) if key.description else 0)
