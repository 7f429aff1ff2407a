"""The interview's section list: a click goes to the section under the pointer."""

from __future__ import annotations

from esp_wizard.questionnaire.catalog import Catalog
from esp_wizard.questionnaire.model import Questionnaire
from esp_wizard.tui.widgets.section_list import SectionList
from esp_wizard.workspace import Workspace
from tui.conftest import make_app, make_session, on_disk, open_interview

SIZE = (100, 32)


def line_showing(widget: SectionList, words: str) -> int:
    """The row of the widget where `words` are drawn (titles wrap in the narrow sidebar)."""
    for y in range(widget.size.height):
        if words in widget.render_line(y).text:
            return y
    raise AssertionError(f"{words!r} is not on screen")


async def test_clicking_a_section_goes_to_its_first_question(
    workspace: Workspace, catalog: Catalog, questionnaire: Questionnaire
) -> None:
    path = make_session(workspace, questionnaire, answers={"uses_lists": True}, current="story")
    async with make_app(workspace, catalog).run_test(size=SIZE) as pilot:
        screen = await open_interview(pilot, path)
        sections = screen.query_one("#sections", SectionList)
        titles = [section.title for section, _, _ in sections.rows]
        assert titles == ["Getting started", "Lists and subscriber data", "The platform"]
        assert await pilot.click(sections, offset=(4, line_showing(sections, "The platform")))
        await pilot.pause()
        assert screen.question.id == "stability"
        assert pilot.app.screen is screen
    assert on_disk(workspace, path).current == "stability"


async def test_clicking_a_skipped_section_stays_on_the_question(
    workspace: Workspace, catalog: Catalog, questionnaire: Questionnaire
) -> None:
    path = make_session(workspace, questionnaire, answers={"uses_lists": False}, current="story")
    async with make_app(workspace, catalog).run_test(size=SIZE) as pilot:
        screen = await open_interview(pilot, path)
        sections = screen.query_one("#sections", SectionList)
        assert await pilot.click(sections, offset=(4, line_showing(sections, "Lists")))
        await pilot.pause()
        assert screen.question.id == "story"
        assert pilot.app.screen is screen
