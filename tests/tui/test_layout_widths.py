"""Widths that follow the terminal: the note field, the inventory's cells, the key footer,
and a palette that offers a consultant's commands only (in the interface's language)."""

from __future__ import annotations

from typing import Any

import pytest
from textual import events
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, TextArea

from esp_wizard import i18n
from esp_wizard.questionnaire.catalog import Catalog
from esp_wizard.questionnaire.model import Questionnaire
from esp_wizard.tui.screens.observation import ObservationModal
from esp_wizard.workspace import Workspace
from tui.conftest import make_app, make_session, open_interview, palette_lists, settle
from tui.fixtures import three_sessions

LONG_OWNER = "The CRM team in Lisbon, with Mary in IT as the backup owner on Fridays"
SHORT_OWNER = "Platform team in Porto (Mia)"  # 28 characters: cut at 80 columns only
GENERIC = {"Bottom", "Top", "Cursor down", "Cursor up", "Copy selected text", "Keys"}
GENERIC |= {"Screenshot", "Maximize", "Page down", "Page up"}


def last_line(app: App[Any]) -> str:
    return [strip.text for strip in app.screen._compositor.render_strips()][-1]


async def test_at_80x24_the_note_field_has_the_width_of_the_question(
    workspace: Workspace, catalog: Catalog, questionnaire: Questionnaire
) -> None:
    path = make_session(workspace, questionnaire, current="story")
    async with make_app(workspace, catalog).run_test(size=(80, 24)) as pilot:
        screen = await open_interview(pilot, path)
        await pilot.press("ctrl+t")
        note = screen.query_one("#note", Input)
        assert note.has_focus
        assert note.size.width >= 50  # was 27: half the line, beside the quote
        await pilot.press(*"Client says the CRM export runs every Monday at six")
        await pilot.pause()
        assert note.scroll_x == 0  # the whole sentence is in sight while typing it


@pytest.mark.parametrize(("size", "cut"), [((80, 24), True), ((160, 40), False)])
async def test_inventory_cells_are_cut_by_the_tables_own_width(
    workspace: Workspace, catalog: Catalog, questionnaire: Questionnaire, size, cut: bool
) -> None:
    rows = [{"name": "Shop", "kind": "crm", "transport": "api", "owner": SHORT_OWNER}]
    path = make_session(workspace, questionnaire, answers={"systems": rows}, current="systems")
    async with make_app(workspace, catalog).run_test(size=size) as pilot:
        screen = await open_interview(pilot, path)
        table = screen.answer.query_one("#rows", DataTable)
        cells = [str(cell) for cell in table.get_row_at(0)]
        assert (SHORT_OWNER not in cells) is cut
        assert table.virtual_size.width <= table.size.width
        assert screen.answer.query_one("#row-detail").display is cut


@pytest.mark.parametrize("size", [(60, 20), (80, 24)])
async def test_the_key_footer_shows_whole_keys_and_nothing_stray(
    workspace: Workspace, catalog: Catalog, questionnaire: Questionnaire, size
) -> None:
    three_sessions(workspace, questionnaire)
    async with make_app(workspace, catalog).run_test(size=size) as pilot:
        await settle(pilot)
        footer = last_line(pilot.app)
        keys, palette = footer.split("▏")
        assert palette.rstrip() == "^p palette"  # nothing after it ("palettel", "paletteg")
        words = keys.split()
        assert words[-1] in {"Resume", "interview", "Filter", "Report", "Export", "Engagement"}
        assert "Ex" not in words and words[-1] != "^q"  # no key cut in half


async def test_the_home_palette_offers_only_a_consultants_commands_in_french(
    workspace: Workspace, catalog: Catalog, questionnaire: Questionnaire
) -> None:
    three_sessions(workspace, questionnaire)
    app = make_app(workspace, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert not GENERIC & set(titles), titles
        assert {"New interview", "Report", "Export", "Resume", "Help", "Quit", "Theme"} <= set(
            titles
        )
        assert len(titles) == len(set(titles))  # ctrl+q and ctrl+c: one "Quit"
        with i18n.use("fr"):
            french = {
                command.title: command.help for command in app.get_system_commands(app.screen)
            }
        assert {"Nouvel entretien", "Rapport", "Reprendre", "Quitter", "Thème"} <= set(french)
        assert french["Nouvel entretien"].startswith("Commencer un nouvel entretien")


def test_home_palette_snapshot(
    snap_compare, workspace: Workspace, catalog: Catalog, questionnaire: Questionnaire
) -> None:  # type: ignore[no-untyped-def]
    three_sessions(workspace, questionnaire)

    async def run_before(pilot: Pilot) -> None:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await palette_lists(pilot)  # its search runs on a timer: the list, then the shot

    app = make_app(workspace, catalog)
    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_home_at_60x20_snapshot(
    snap_compare, workspace: Workspace, catalog: Catalog, questionnaire: Questionnaire
) -> None:  # type: ignore[no-untyped-def]
    three_sessions(workspace, questionnaire)
    assert snap_compare(make_app(workspace, catalog), terminal_size=(60, 20), run_before=settle)


async def test_words_typed_in_one_burst_with_ctrl_o_land_in_the_observation(
    workspace: Workspace, catalog: Catalog, questionnaire: Questionnaire
) -> None:
    """As a terminal delivers fast typing: every key queued before the dialog is built."""
    path = make_session(workspace, questionnaire, current="stability")
    async with make_app(workspace, catalog).run_test(size=(80, 24)) as pilot:
        await open_interview(pilot, path)
        burst = [("ctrl+o", None)] + [("space" if c == " " else c, c) for c in "Night job"]
        for key, character in burst:
            pilot.app.post_message(events.Key(key, character))
        await pilot.pause()
        await pilot.pause()
        modal = pilot.app.screen
        assert isinstance(modal, ObservationModal)
        assert modal.query_one("#text", TextArea).text == "Night job"


@pytest.mark.parametrize(("size", "language"), [((60, 20), "en"), ((80, 24), "fr")])
async def test_the_home_table_fits_the_terminal_without_scrolling_sideways(
    workspace: Workspace, catalog: Catalog, questionnaire: Questionnaire, size, language
) -> None:  # type: ignore[no-untyped-def]
    """A narrow terminal (or French headers) gives up the questionnaire, then the date,
    before the interviewees' names are squeezed or the table scrolls sideways."""
    three_sessions(workspace, questionnaire)
    previous = i18n.set_fallback(language)
    try:
        async with make_app(workspace, catalog).run_test(size=size) as pilot:
            await settle(pilot)
            table = pilot.app.screen.query_one("#sessions", DataTable)
            assert table.virtual_size.width <= table.scrollable_content_region.width
            assert table.max_scroll_x == 0
            headers = [str(column.label) for column in table.columns.values()]
            assert headers[:2] in (["Client", "Interviewees"], ["Client", "Personnes interrogées"])
    finally:
        i18n.set_fallback(previous)
