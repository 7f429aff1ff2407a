"""The report, its export dialog and the home palette at 80x24 and larger, with real text.

The example engagement (sessions/, ten Northwind interviews) has the long finding titles,
inventory values and follow-up questions a consultant really meets. Each tab must be
usable at 80x24: nothing cut without the whole text shown beside it, and columns that
follow the width they are given, so 120x40 and 200x50 show more, not the same.

Update the pictures after looking at them:
    .venv/bin/python -m pytest tests/tui_report/test_report_layout.py --snapshot-update
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import DataTable, Static, TabbedContent

from esp_wizard import i18n
from esp_wizard.findings import compile_workspace
from esp_wizard.findings.model import EngagementReport
from esp_wizard.tui.screens.export_modal import ExportModal
from esp_wizard.tui.screens.report import ReportScreen
from esp_wizard.workspace import Workspace
from tui_report.test_report_screen import Host

ROOT = Path(__file__).resolve().parent.parent.parent
CLIENT = "Northwind Outfitters (fictional example)"
ENGAGEMENT = "ESP migration 2027 (example)"
SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]


@pytest.fixture(scope="module")
def example_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("example")
    shutil.copytree(ROOT / "sessions", root / "sessions")
    shutil.copytree(ROOT / "questionnaires", root / "questionnaires")
    return root


@pytest.fixture
def example(example_root: Path) -> Workspace:
    return Workspace(example_root)


@pytest.fixture(scope="module")
def report(example_root: Path) -> EngagementReport:
    return compile_workspace(Workspace(example_root), CLIENT, ENGAGEMENT)


async def settle(pilot: Pilot) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


def screen_text(app: App[Any]) -> str:
    """The screen as the terminal gets it, one line per row, runs of spaces as one."""
    lines = [strip.text for strip in app.screen._compositor.render_strips()]
    return "\n".join(" ".join(line.split()) for line in lines)


def flat(text: str) -> str:
    return " ".join(text.split())


def detail(app: App[Any], widget_id: str) -> str:
    return flat(str(app.screen.query_one(widget_id, Static).render()))


async def show(pilot: Pilot, tab: str) -> None:
    pilot.app.screen.query_one("#report-tabs", TabbedContent).active = tab
    await pilot.pause()
    await pilot.pause()


def assert_fits(table: DataTable) -> None:
    """No sideways scrolling: every shown column is inside the table."""
    assert table.virtual_size.width <= table.scrollable_content_region.width


def shown_widths(table: DataTable) -> dict[str, int]:
    return {str(column.label): column.width for column in table.columns.values()}


# -- findings ----------------------------------------------------------------------------
async def test_at_80x24_a_long_finding_title_is_shown_whole_under_the_table(
    example: Workspace, report: EngagementReport
) -> None:
    first = report.all_findings[0]
    assert len(first.title) > 60  # a realistic title: longer than any 80-column cell
    app = Host(ReportScreen(example, CLIENT, ENGAGEMENT))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = app.screen.query_one("#findings-table", DataTable)
        assert_fits(table)
        assert shown_widths(table)["Finding"] >= 40
        shown = detail(app, "#finding-detail")
        assert first.title in shown and first.recommendation[:60] in shown
        assert first.title in flat(screen_text(app))  # on screen, not just in a widget
        total = len(report.all_findings)  # the chart has no room: the filter counts instead
        assert f"All categories ({total})" in screen_text(app)
        await pilot.press("down")
        await pilot.pause()
        assert report.all_findings[1].title in detail(app, "#finding-detail")


async def test_the_findings_columns_follow_the_width_they_are_given(example: Workspace) -> None:
    widths = {}
    for size in ((80, 24), (120, 40), (200, 50)):
        app = Host(ReportScreen(example, CLIENT, ENGAGEMENT))
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            table = app.screen.query_one("#findings-table", DataTable)
            assert_fits(table)
            widths[size[0]] = shown_widths(table)
    assert "Phase" not in widths[80] and "Sev" not in widths[80]  # in the detail instead
    assert {"Phase", "Sev", "Imp", "Roles"} <= set(widths[200])
    assert len(widths[80]) < len(widths[200])  # more room, more columns
    assert 40 <= widths[80]["Finding"] < widths[120]["Finding"] < widths[200]["Finding"]


# -- inventory ---------------------------------------------------------------------------
async def test_at_80x24_every_inventory_column_is_readable_and_the_row_is_shown_whole(
    example: Workspace, report: EngagementReport
) -> None:
    app = Host(ReportScreen(example, CLIENT, ENGAGEMENT))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await show(pilot, "tab-inventory")
        tables = list(app.screen.query("#inventory DataTable").results(DataTable))
        assert len(tables) == len(report.inventory) > 1
        for table in tables:
            assert_fits(table)
            assert min(shown_widths(table).values()) >= 8  # never a letter per column
        tables[1].focus()
        await pilot.pause()
        assert report.inventory[1].rows[0].name in detail(app, "#inventory-detail")
        tables[0].focus()
        await pilot.press("down")
        await pilot.pause()
        inventory = report.inventory[0]
        row = inventory.rows[1]
        shown = detail(app, "#inventory-detail")
        assert row.name in shown
        for field, label in inventory.columns[1:]:
            if row.cells[field]:
                assert f"{label}: {' / '.join(row.cells[field])}" in shown


# -- follow-ups --------------------------------------------------------------------------
async def test_at_80x24_a_follow_up_shows_why_and_its_whole_question(
    example: Workspace, report: EngagementReport
) -> None:
    app = Host(ReportScreen(example, CLIENT, ENGAGEMENT))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await show(pilot, "tab-follow-ups")
        table = app.screen.query_one("#follow-ups-table", DataTable)
        assert_fits(table)
        widths = shown_widths(table)
        assert widths["Why"] >= len("Flagged for follow-up") and widths["Question"] >= 30
        table.focus()
        longest = max(
            range(len(report.follow_ups)), key=lambda i: len(report.follow_ups[i].question)
        )
        table.move_cursor(row=longest)
        await pilot.pause()
        item = report.follow_ups[longest]
        shown = detail(app, "#follow-up-detail")
        assert "Flagged for follow-up" in shown and item.question in shown
        if item.note:
            assert flat(item.note) in shown


# -- the export dialog -------------------------------------------------------------------
async def test_at_80x24_the_export_dialog_shows_whole_with_the_written_path(
    example: Workspace,
) -> None:
    app = Host(ExportModal(example, None, CLIENT, ENGAGEMENT))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        dialog = app.screen.query_one("#export-dialog")
        assert dialog.region.y >= 1 and dialog.region.bottom <= 23  # a row to spare each side
        await pilot.click("#export-go")
        await settle(pilot)
        assert "Written to" in str(app.screen.query_one("#export-result", Static).render())
        assert dialog.max_scroll_y == 0  # the path wraps inside, the buttons stay in sight
        assert dialog.region.bottom <= 24


# -- snapshots ---------------------------------------------------------------------------
def report_app(example: Workspace) -> Host:
    return Host(ReportScreen(example, CLIENT, ENGAGEMENT))


def on_tab(tab: str, *keys: str):  # type: ignore[no-untyped-def]
    async def run_before(pilot: Pilot) -> None:
        await settle(pilot)
        await show(pilot, tab)
        await pilot.press(*keys)
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("size", SIZES)
def test_findings_tab(snap_compare, example: Workspace, size) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(report_app(example), terminal_size=size, run_before=on_tab("tab-findings"))


def test_findings_tab_at_200x50(snap_compare, example: Workspace) -> None:  # type: ignore[no-untyped-def]
    run_before = on_tab("tab-findings")
    assert snap_compare(report_app(example), terminal_size=(200, 50), run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_inventory_tab(snap_compare, example: Workspace, size) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(report_app(example), terminal_size=size, run_before=on_tab("tab-inventory"))


@pytest.mark.parametrize("size", SIZES)
def test_follow_ups_tab(snap_compare, example: Workspace, size) -> None:  # type: ignore[no-untyped-def]
    run_before = on_tab("tab-follow-ups")
    assert snap_compare(report_app(example), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_export_dialog(snap_compare, example: Workspace, size) -> None:  # type: ignore[no-untyped-def]
    app = Host(ExportModal(example, "nwemlops", CLIENT, ENGAGEMENT))
    assert snap_compare(app, terminal_size=size)


async def test_in_french_the_reports_tabs_columns_and_keys_are_french(
    example: Workspace, report: EngagementReport
) -> None:
    with i18n.use("fr"):
        app = Host(ReportScreen(example, CLIENT, ENGAGEMENT))
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            text = screen_text(app)
            footer = text.splitlines()[-1]
    assert "Constats Inventaire Divergences Suivis" in text
    assert f"Toutes les catégories ({len(report.all_findings)})" in text
    assert "Priorité Constat Catégorie" in text and "IMPÉRATIF" in text
    assert "esc Retour ] Onglet suivant c Catégorie x Exporter" in footer


def test_a_findings_evidence_at_80x24(snap_compare, example: Workspace) -> None:  # type: ignore[no-untyped-def]
    run_before = on_tab("tab-findings", "enter")
    assert snap_compare(report_app(example), terminal_size=(80, 24), run_before=run_before)


async def test_the_evidence_scrolls_with_the_keys_it_names(example: Workspace) -> None:
    app = Host(ReportScreen(example, CLIENT, ENGAGEMENT))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await pilot.pause()
        dialog = app.screen.query_one("#finding-dialog")
        assert "PgDn" in str(dialog.border_subtitle) and dialog.max_scroll_y > 0
        await pilot.press("pagedown")
        await pilot.pause()
        assert dialog.scroll_y > 0


async def test_brackets_move_through_the_tabs_into_each_tabs_table(example: Workspace) -> None:
    app = Host(ReportScreen(example, CLIENT, ENGAGEMENT))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        tabs = app.screen.query_one("#report-tabs", TabbedContent)
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert tabs.active == "tab-inventory"
        first = app.screen.query("#inventory DataTable").first()
        assert first.has_focus
        await pilot.press("down")  # straight into the table: its second row in full
        await pilot.pause()
        assert "Ben Adeyemi" in detail(app, "#inventory-detail")
        await pilot.press("left_square_bracket", "left_square_bracket")
        await pilot.pause()
        assert tabs.active == "tab-executive"  # round the end
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert tabs.active == "tab-findings"
        assert app.screen.query_one("#findings-table").has_focus
