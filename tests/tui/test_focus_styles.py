"""An answer input that takes or loses focus again gets the styles it had in that state
(tui/focus_styles.py): exactly what Textual's own restyle gives, a theme change included."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.app import App
from textual.css.stylesheet import Stylesheet
from textual.dom import DOMNode
from textual.pilot import Pilot
from textual.widget import Widget

from esp_wizard.questionnaire.catalog import Catalog
from esp_wizard.questionnaire.model import Questionnaire
from esp_wizard.tui.focus_styles import supported
from esp_wizard.tui.widgets.option_picker import OptionPicker
from esp_wizard.workspace import Workspace
from tui.conftest import at_the_choice, make_app, on_disk, open_interview

HIGHLIGHTED = "option-list--option-highlighted"


def styles_of(widget: Widget) -> tuple[Any, dict[str, Any]]:
    """The widget's rules and those of each of its component classes."""
    components = {
        name: widget.get_component_styles(name).get_rules()
        for name in sorted(type(widget).COMPONENT_CLASSES)
    }
    return widget.styles.get_rules(), components


def as_textual_gives(widget: Widget) -> bool:
    """Whether Textual's own restyle, from the whole stylesheet, would change nothing."""
    before = styles_of(widget)
    widget.app.stylesheet.update_nodes([widget])
    return styles_of(widget) == before


@pytest.fixture
def restyled(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[DOMNode]]:
    """The nodes Textual computes styles for from the stylesheet, as it does."""
    nodes: list[DOMNode] = []
    apply = Stylesheet.apply

    def counting(stylesheet: Stylesheet, node: DOMNode, **kwargs: Any) -> None:
        nodes.append(node)
        apply(stylesheet, node, **kwargs)

    monkeypatch.setattr(Stylesheet, "apply", counting)
    yield nodes


async def back_and_forth(pilot: Pilot[None], screen: Any) -> None:
    """To the question before the choice and back: the list loses focus, then takes it."""
    await pilot.press("ctrl+r")
    await pilot.pause()
    assert screen.question.id == "uses_lists"
    await pilot.press("ctrl+n")
    await pilot.pause()
    assert screen.question.id == "list_source"


async def open_choice(pilot: Pilot[None], path: Path) -> tuple[Any, OptionPicker]:
    screen = await open_interview(pilot, path)
    picker = screen.answer.query_one(OptionPicker)
    assert picker.has_focus
    return screen, picker


async def test_the_list_focused_again_has_the_styles_textual_gives_without_computing_them(
    workspace: Workspace,
    catalog: Catalog,
    questionnaire: Questionnaire,
    restyled: list[DOMNode],
) -> None:
    path = at_the_choice(workspace, questionnaire)
    async with make_app(workspace, catalog).run_test(size=(100, 32)) as pilot:
        screen, picker = await open_choice(pilot, path)
        focused = picker.get_component_styles(HIGHLIGHTED).get_rules()
        await back_and_forth(pilot, screen)  # each state of the list seen once
        restyled.clear()
        await back_and_forth(pilot, screen)
        if supported(picker):  # else Textual restyles it, as it does on its own
            mine = [node for node in restyled if node is picker or node.parent is picker]
            assert mine == []
        assert picker.has_focus and as_textual_gives(picker)
        assert picker.get_component_styles(HIGHLIGHTED).get_rules() == focused

        await pilot.press("ctrl+t")  # to the note: the list, still in view, is blurred
        await pilot.pause()
        assert not picker.has_focus and as_textual_gives(picker)
        assert picker.get_component_styles(HIGHLIGHTED).get_rules() != focused
        await pilot.press("escape")
        await pilot.pause()
        assert picker.has_focus and as_textual_gives(picker)
        await pilot.press("3", "ctrl+n")
        await pilot.pause()
    assert on_disk(workspace, path).answers["list_source"].value == "csv_upload"


def change_theme(app: App[None]) -> None:
    app.theme = "textual-light" if app.theme != "textual-light" else "textual-dark"


def edit_css(app: App[None]) -> None:
    """What `textual run --dev` does when a .tcss file is saved."""
    red = f"OptionPicker:focus > .{HIGHLIGHTED} {{ background: #ff0000; }}"
    app.stylesheet.add_source(red, read_from=("edited.tcss", ""))
    app.refresh_css(animate=False)


@pytest.mark.parametrize("change", [change_theme, edit_css], ids=["theme", "css edited"])
async def test_after_the_stylesheet_changes_the_list_takes_its_new_colours(
    workspace: Workspace,
    catalog: Catalog,
    questionnaire: Questionnaire,
    change: Callable[[App[None]], None],
) -> None:
    """None of the kept styles undoes the change. (A theme is also a new state: Textual
    gives the app a class per theme; an edited .tcss is not, the kept styles are dropped.)"""
    path = at_the_choice(workspace, questionnaire)
    async with make_app(workspace, catalog).run_test(size=(100, 32)) as pilot:
        screen, picker = await open_choice(pilot, path)
        await back_and_forth(pilot, screen)
        before = picker.get_component_styles(HIGHLIGHTED).background
        change(pilot.app)
        await pilot.pause()
        await back_and_forth(pilot, screen)
        assert picker.has_focus and as_textual_gives(picker)
        assert picker.get_component_styles(HIGHLIGHTED).background != before
