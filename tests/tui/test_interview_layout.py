"""The interview uses the room it has: the long-text box grows with a tall terminal."""

from __future__ import annotations

from textual.widgets import TextArea

from esp_wizard.questionnaire.catalog import Catalog
from esp_wizard.questionnaire.model import Questionnaire
from esp_wizard.workspace import Workspace
from tui.conftest import make_app, make_session, open_interview


async def test_the_long_text_box_grows_with_the_terminal(
    workspace: Workspace, catalog: Catalog, questionnaire: Questionnaire
) -> None:
    heights = []
    for size in ((80, 24), (200, 50)):
        path = make_session(workspace, questionnaire, current="story")
        async with make_app(workspace, catalog).run_test(size=size) as pilot:
            screen = await open_interview(pilot, path)
            heights.append(screen.query_one("#long-text", TextArea).size.height)
    small, large = heights
    assert small >= 6
    assert large >= 2 * small


async def test_the_export_dialog_fits_an_80x24_terminal(
    workspace: Workspace, catalog: Catalog, questionnaire: Questionnaire
) -> None:
    path = make_session(workspace, questionnaire, current="story")
    async with make_app(workspace, catalog).run_test(size=(80, 24)) as pilot:
        await open_interview(pilot, path)
        await pilot.press("ctrl+e")
        await pilot.pause()
        dialog = pilot.app.screen.query_one("#export-dialog")
        assert dialog.region.y >= 0 and dialog.region.bottom <= 24
        close = pilot.app.screen.query_one("#export-close")
        assert close.region.bottom <= dialog.region.bottom  # the buttons are on screen
        assert dialog.max_scroll_y == 0  # nothing hidden below the fold


async def test_an_inventory_with_a_long_value_keeps_every_column_on_an_80x24_screen(
    workspace: Workspace, catalog: Catalog, questionnaire: Questionnaire
) -> None:
    long_owner = "The CRM team in Lisbon, with Mary in IT as the backup owner on Fridays"
    rows = [{"name": "Shop", "kind": "crm", "transport": "api", "owner": long_owner}]
    path = make_session(workspace, questionnaire, answers={"systems": rows}, current="systems")
    async with make_app(workspace, catalog).run_test(size=(80, 24)) as pilot:
        screen = await open_interview(pilot, path)
        table = screen.answer.query_one("#rows")
        assert table.virtual_size.width <= table.size.width  # no sideways scrolling
        detail = screen.answer.query_one("#row-detail")
        assert detail.display
        assert long_owner in " ".join(str(detail.render()).split())
