"""Moving on repaints what changed and lays out only what changed size: a longer question
still gets all its lines, and the help under it moves down, then back up."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.visual import Visual
from textual.widgets import Static
from textual.widgets.option_list import Option

from esp_wizard.questionnaire.catalog import Catalog
from esp_wizard.questionnaire.model import Questionnaire
from esp_wizard.tui.widgets.line_answer import DateAnswer
from esp_wizard.tui.widgets.option_picker import OptionPicker
from esp_wizard.workspace import Workspace
from tui.conftest import (
    at_the_choice,
    make_app,
    make_session,
    on_disk,
    open_interview,
    text_questionnaire,
)

LONG = (
    "When the weekly newsletter goes out, who checks the segment, who approves the copy, "
    "and who presses send when the usual person is away on holiday?"
)
QUESTIONS = [("first", "Who sends?"), ("second", LONG), ("third", "Who signs off?")]


async def choice_picker(pilot: Pilot[None], path: Path) -> OptionPicker:
    """The interview opened at its choice question (list_source): its list of options."""
    screen = await open_interview(pilot, path)
    return screen.query_one("#picker", OptionPicker)


def lines_of(widget: Static) -> str:
    return " ".join(" ".join(widget.render_line(y).text.split()) for y in range(widget.size.height))


async def test_a_longer_question_gets_its_lines_and_the_help_moves_down_then_back(
    workspace: Workspace,
) -> None:
    catalog = text_questionnaire(workspace, "paint", QUESTIONS, help="Name a person.")
    path = make_session(workspace, catalog.find("paint"), current="first")
    async with make_app(workspace, catalog).run_test(size=(80, 24)) as pilot:
        screen = await open_interview(pilot, path)
        text = screen.query_one("#question-text", Static)
        help_text = screen.query_one("#question-help", Static)
        assert text.size.height == 1
        assert help_text.region.y == text.region.bottom

        await pilot.press(*"Ana", "ctrl+n")
        await pilot.pause()
        assert screen.question.id == "second"
        assert text.size.height > 1
        assert lines_of(text).endswith("away on holiday?")
        assert help_text.region.y == text.region.bottom  # pushed down, not drawn over

        await pilot.press(*"Bo", "ctrl+n")
        await pilot.pause()
        assert screen.question.id == "third"
        assert text.size.height == 1
        assert "Who signs off?" in lines_of(text)
        assert help_text.region.y == text.region.bottom  # back up under the short question
    answers = on_disk(workspace, path).answers
    assert answers["first"].value == "Ana" and answers["second"].value == "Bo"


async def test_an_answer_line_shows_focus_only_while_focused_across_hidden_swaps(
    workspace: Workspace, catalog: Catalog, questionnaire: Questionnaire
) -> None:
    """The date's line loses focus while hidden (the next question is text): its styles are
    brought back when it is seen again, focused or not."""
    path = make_session(workspace, questionnaire, current="contract_end")
    async with make_app(workspace, catalog).run_test(size=(100, 32)) as pilot:
        screen = await open_interview(pilot, path)
        date_answer = screen.query_one(DateAnswer)
        line = date_answer.line
        focused = line.styles.border_top
        await pilot.press("ctrl+t")  # to the note: the line, still in view, is blurred
        await pilot.pause()
        blurred = line.styles.border_top
        assert blurred != focused

        await pilot.press("escape", *"2027-06-30", "ctrl+n")
        await pilot.pause()
        assert screen.question.id == "team_name" and not date_answer.display
        await pilot.press("ctrl+r")  # back: the line is shown and focused again
        await pilot.pause()
        assert screen.question.id == "contract_end" and line.has_focus
        assert line.styles.border_top == focused
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert line.styles.border_top == blurred

        await pilot.press("escape", "ctrl+n")
        await pilot.pause()
        assert screen.question.id == "team_name"
        date_answer.freshen()  # what showing it without focus would do
        assert line.styles.border_top == blurred
    assert on_disk(workspace, path).answers["contract_end"].value is not None


async def test_the_options_are_drawn_again_at_a_new_width_and_kept_at_the_same(
    workspace: Workspace, catalog: Catalog, questionnaire: Questionnaire
) -> None:
    """The choice's options are kept from one showing to the next, never at a stale width."""
    path = at_the_choice(workspace, questionnaire)
    async with make_app(workspace, catalog).run_test(size=(100, 32)) as pilot:
        picker = await choice_picker(pilot, path)

        def widths() -> set[int]:
            return {picker.render_line(y).cell_length for y in range(picker.option_count)}

        assert widths() == {picker.size.width}
        await pilot.resize_terminal(80, 32)
        await pilot.pause()
        assert widths() == {picker.size.width} != {100}
        assert "Other" in " ".join(picker.render_line(y).text for y in range(picker.option_count))


async def test_moving_the_mark_draws_again_only_the_two_options_it_left_and_reached(
    workspace: Workspace,
    catalog: Catalog,
    questionnaire: Questionnaire,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Picking another option moves ● there and takes it off the one before; the other
    options keep their drawing (the list's lines are not all laid out again)."""
    path = at_the_choice(workspace, questionnaire)
    async with make_app(workspace, catalog).run_test(size=(100, 32)) as pilot:
        picker = await choice_picker(pilot, path)

        def marks() -> list[str]:
            return [picker.render_line(y).text.split()[0] for y in range(picker.option_count)]

        await pilot.press("2")
        await pilot.pause()
        assert marks()[:3] == ["○", "●", "○"]
        drawn: list[int] = []
        to_strips = Visual.to_strips.__func__  # type: ignore[attr-defined]

        def counting(cls: type[Visual], *args: object, **kwargs: object) -> object:
            if args[0] is picker:  # the widget a visual is drawn for
                drawn.append(1)
            return to_strips(cls, *args, **kwargs)

        monkeypatch.setattr(Visual, "to_strips", classmethod(counting))
        await pilot.press("3")
        await pilot.pause()
        assert marks()[:3] == ["○", "○", "●"]
        assert marks().count("●") == 1
        if hasattr(Option, "_set_prompt"):  # else Textual's own redraw (OptionPicker._remark)
            assert len(drawn) == 2  # the option left and the option picked
    assert on_disk(workspace, path).answers["list_source"].value is not None
