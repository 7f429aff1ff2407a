"""The interview's section list: a click goes to the section under the pointer."""

from __future__ import annotations

from textual.visual import Visual, visualize

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


async def test_the_counts_follow_each_answer_and_skip_logic_in_other_sections(
    workspace: Workspace, catalog: Catalog, questionnaire: Questionnaire
) -> None:
    path = make_session(workspace, questionnaire, current="story")
    async with make_app(workspace, catalog).run_test(size=SIZE) as pilot:
        screen = await open_interview(pilot, path)
        sections = screen.query_one("#sections", SectionList)

        def shown() -> list[str]:
            """The rows as painted (a title too long for the sidebar wraps), checked against
            the whole list drawn afresh: rows kept from earlier frames are never stale."""
            painted = [sections.render_line(y).text.rstrip() for y in range(sections.size.height)]
            fresh = Visual.to_strips(
                sections,
                visualize(sections, sections.render()),
                sections.size.width,
                None,
                sections.visual_style,
            )
            assert painted[: len(fresh)] == [strip.text.rstrip() for strip in fresh]
            assert not any(painted[len(fresh) :])
            return str(sections.render()).splitlines()

        assert shown() == [
            "▶ Getting started 0/2",
            "  Lists and subscriber data skipped",
            "  The platform 0/4",
        ]
        await pilot.press(*"We send weekly", "ctrl+n")
        await pilot.pause()
        assert shown()[0] == "▶ Getting started 1/2"
        await pilot.press("y")  # yes: the lists section is asked after all
        await pilot.pause()
        assert shown()[:2] == ["▶ Getting started 2/2", "  Lists and subscriber data 0/2"]
        await pilot.press("ctrl+n", "3")  # into the next section: a manual upload asks more
        await pilot.pause()
        assert shown() == [
            "  Getting started 2/2",
            "▶ Lists and subscriber data 1/3",
            "  The platform 0/4",
        ]
        await pilot.press("ctrl+r", "n")  # back to the gate: no lists after all
        await pilot.pause()
        assert shown()[:2] == ["▶ Getting started 2/2", "  Lists and subscriber data skipped"]
