"""The interview's containers drawn as their background only (tui/widgets/backdrop.py) look
exactly as Textual draws them through their styles: same characters, same colours, under
NO_COLOR too."""

from __future__ import annotations

from typing import Any

import pytest
from textual.geometry import Region
from textual.strip import Strip

from esp_wizard.questionnaire.catalog import Catalog
from esp_wizard.questionnaire.model import Questionnaire
from esp_wizard.tui.widgets.backdrop import Backdrop
from esp_wizard.workspace import Workspace
from tui.conftest import at_the_choice, make_app, open_interview


def cells(strips: list[Strip]) -> list[list[tuple[str, Any]]]:
    """Each cell's character and background colour."""
    return [
        [
            (char, segment.style.bgcolor if segment.style else None)
            for segment in strip
            for char in segment.text
        ]
        for strip in strips
    ]


def greys(rows: list[list[tuple[str, Any]]]) -> set[bool]:
    """For each background colour drawn: whether it is a grey (as NO_COLOR makes them)."""
    triplets = {colour.triplet for row in rows for _, colour in row if colour is not None}
    return {len(set(triplet)) == 1 for triplet in triplets if triplet is not None}


@pytest.mark.parametrize("no_color", [False, True], ids=["colour", "NO_COLOR"])
async def test_the_containers_look_as_textual_draws_them(
    workspace: Workspace,
    catalog: Catalog,
    questionnaire: Questionnaire,
    monkeypatch: pytest.MonkeyPatch,
    no_color: bool,
) -> None:
    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")
    path = at_the_choice(workspace, questionnaire)
    async with make_app(workspace, catalog).run_test(size=(100, 32)) as pilot:
        pilot.app.theme = "dracula"  # a background that is not grey: NO_COLOR shows
        screen = await open_interview(pilot, path)
        await pilot.pause()
        containers = [w for w in screen.query("*") if isinstance(w, Backdrop) and w.region.area]
        names = {w.id or type(w).__name__ for w in containers}
        assert {"body", "main", "question-scroll", "answer-area", "ChoiceAnswer"} <= names
        for widget in containers:
            region = Region(0, 0, *widget.size)
            blank = cells(widget.render_lines(region))
            monkeypatch.setattr(type(widget), "BLANK", False)
            widget.refresh()  # nothing kept from before: drawn afresh through its styles
            styled = cells(widget.render_lines(region))
            monkeypatch.setattr(type(widget), "BLANK", True)
            assert blank == styled, widget
            assert greys(blank) == ({True} if no_color else {False}), widget
