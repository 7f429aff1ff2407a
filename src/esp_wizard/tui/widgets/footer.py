"""Textual's Footer, speaking the interface's language.

Binding descriptions and tooltips are class attributes, evaluated once at import, before
anyone knows the language (and tests run English and French in one process). So they are
written in English and marked with `N_()` where they are defined, and translated where they
are shown: here for the footer, in KeyBar, in the help screen and in the command palette.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer as TextualFooter
from textual.widgets._footer import FooterKey

from esp_wizard.i18n import _


class Footer(TextualFooter):
    def compose(self) -> ComposeResult:
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                widget.description = _(widget.description) if widget.description else ""
                if isinstance(widget.tooltip, str) and widget.tooltip:
                    widget.tooltip = _(widget.tooltip)
            yield widget
