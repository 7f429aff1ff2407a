"""Typing an answer and moving between questions of the same type lay the screen out
again only when something changes size: the typed text, the cleared line and the next
question of the same length are repaints. Counted as Textual's full-screen layouts
(`Compositor.reflow`), not timed; the answer is on disk when the next question shows."""

from __future__ import annotations

import traceback
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from textual._compositor import Compositor
from textual.widgets import DataTable, Input, OptionList, Static

from esp_wizard.questionnaire.catalog import Catalog
from esp_wizard.questionnaire.model import Questionnaire
from esp_wizard.tui.fresh_map import supported
from esp_wizard.workspace import Workspace
from tui.conftest import make_app, make_session, on_disk, open_interview, text_questionnaire

QUESTIONS = [
    ("first", "Who sends the newsletter?"),
    ("second", "Who approves the copy?"),
    ("third", "Who presses send?"),
    ("fourth", "Who signs off?"),
]


@contextmanager
def counted_layouts(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """The number of full-screen layouts while the block runs (one item per layout)."""
    layouts: list[int] = []
    reflow = Compositor.reflow

    def counting(compositor: Compositor, *args: object, **kwargs: object) -> object:
        layouts.append(1)
        return reflow(compositor, *args, **kwargs)  # type: ignore[arg-type]

    with monkeypatch.context() as patch:
        patch.setattr(Compositor, "reflow", counting)
        yield layouts


@contextmanager
def counted_arrangements(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """Arrangements of the whole screen made by a layout or the frame it renders (one item
    each); a later repaint is not counted."""
    arrangements: list[int] = []
    arrange = Compositor._arrange_root

    def counting(compositor: Compositor, *args: object, **kwargs: object) -> object:
        if "_refresh_layout" in {frame.name for frame in traceback.extract_stack(limit=24)}:
            arrangements.append(1)
        return arrange(compositor, *args, **kwargs)  # type: ignore[arg-type]

    with monkeypatch.context() as patch:
        patch.setattr(Compositor, "_arrange_root", counting)
        yield arrangements


async def test_typing_and_moving_between_text_questions_lay_nothing_out(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    catalog = text_questionnaire(workspace, "layouts", QUESTIONS)
    session = make_session(workspace, catalog.find("layouts"), current="first")
    async with make_app(workspace, catalog).run_test(size=(80, 24)) as pilot:
        screen = await open_interview(pilot, session)
        await pilot.press(*"Ana", "ctrl+n")  # the first move may settle the widgets' sizes
        await pilot.pause()
        with counted_layouts(monkeypatch) as layouts:
            for name, left, question in (("Bo", "second", "third"), ("Cy", "third", "fourth")):
                await pilot.press(*name)
                await pilot.pause()
                assert layouts == []  # a typed key is a repaint
                await pilot.press("ctrl+n")
                await pilot.pause()
                assert screen.question.id == question
                assert on_disk(workspace, session).answers[left].value == name
        assert layouts == []  # the same answer widget, a question of the same height
        assert screen.query_one("#line", Input).value == ""
        shown = screen.query_one("#question-text", Static).render_line(0).text
        assert "Who signs off?" in shown


async def test_a_long_typed_answer_still_scrolls_to_its_end(
    workspace: Workspace,
) -> None:
    """The input's virtual size no longer asks for a layout: it still scrolls sideways so
    what is being typed stays in view, and all of it is saved."""
    catalog = text_questionnaire(workspace, "layouts", QUESTIONS)
    session = make_session(workspace, catalog.find("layouts"), current="first")
    typed = "the marketing team lead, or the deputy when the lead is away on holiday END"
    async with make_app(workspace, catalog).run_test(size=(80, 24)) as pilot:
        screen = await open_interview(pilot, session)
        line = screen.query_one("#line", Input)
        await pilot.press(*typed)
        await pilot.pause()
        assert len(typed) > line.content_size.width
        assert line.scroll_x > 0
        shown = "".join(line.render_line(y).text for y in range(line.size.height))
        assert "away on holiday END" in shown
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert screen.question.id == "second"
    assert on_disk(workspace, session).answers["first"].value == typed


KEYS = {
    "long_text": ["a", "b"],
    "yes_no": ["y"],
    "choice": ["2"],
    "number": ["4", "2"],
    "multi_choice": ["1"],
    "scale": ["3"],
    "date": list("2027-06-30"),
    "text": ["A", "n", "a"],
}
SCROLLING = f"{OptionList.__name__}, {DataTable.__name__}"  # widgets with a scrollbar


async def test_a_move_to_another_type_of_question_is_one_layout(
    workspace: Workspace,
    catalog: Catalog,
    questionnaire: Questionnaire,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Another answer widget is a layout, and only one: not a second one asked for by the
    new sizes of the widgets it resized (none of them scrolls; a list of options or rows
    does, and lays its lines out once they are rendered). Each layout arranges the screen
    once: its frame reads the map it made, not one arranged again (tui/fresh_map.py).
    The answer is on disk."""

    path = make_session(workspace, questionnaire, answers={"uses_lists": True})
    async with make_app(workspace, catalog).run_test(size=(100, 32)) as pilot:
        screen = await open_interview(pilot, path)
        moves = 0
        while pilot.app.screen is screen and screen.question.type != "inventory":
            leaving = screen.question
            await pilot.press(*KEYS.get(leaving.type, []))
            await pilot.pause()
            with (
                counted_layouts(monkeypatch) as layouts,
                counted_arrangements(monkeypatch) as arranged,
            ):
                await pilot.press("ctrl+n")
                await pilot.pause()
            swapped = screen.question.type != leaving.type and screen.question.answerable
            if swapped and supported(screen):  # else Textual's own behaviour (fresh_map.py)
                assert len(arranged) == len(layouts), (leaving.id, screen.question.id)
            if swapped and not screen.answer.query(SCROLLING):  # a list lays out its lines
                assert len(layouts) == 1, (leaving.id, screen.question.id)
                moves += 1
            if leaving.answerable and leaving.type in KEYS:
                assert leaving.id in on_disk(workspace, path).answers
        assert moves >= 2  # into the number and into the date, in this questionnaire
