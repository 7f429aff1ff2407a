"""The report screen and the export modal, driven with Pilot on a minimal app."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.app import App
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import DataTable, RadioButton, Select, Static

from esp_wizard.tui.screens.export_modal import ExportModal
from esp_wizard.tui.screens.report import FindingScreen, ReportScreen
from esp_wizard.workspace import Workspace
from findings.fixture import CLIENT, ENGAGEMENT, build_fixture_engagement

SIZE = (140, 40)


class Host(App[None]):
    """Just enough app to push one of our screens and keep what it dismissed with."""

    def __init__(self, screen: Screen) -> None:
        super().__init__()
        self.first = screen
        self.results: list[object] = []

    def on_mount(self) -> None:
        self.push_screen(self.first, callback=self.results.append)


@pytest.fixture
def workspace(tmp_path: Path) -> Workspace:
    return build_fixture_engagement(tmp_path)


async def settle(pilot: Pilot) -> None:
    """Let the screen's workers finish and their results reach the screen (no clock)."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def column(table: DataTable, index: int) -> list[str]:
    return [str(table.get_row_at(row)[index]) for row in range(table.row_count)]


async def test_report_screen_lists_findings_by_priority_with_must_fix_marked(
    workspace: Workspace,
) -> None:
    app = Host(ReportScreen(workspace, CLIENT, ENGAGEMENT))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ReportScreen)
        table = screen.query_one("#findings-table", DataTable)
        assert column(table, 2)[:3] == [
            "Subscriber lists reach the ESP by hand",
            "Legacy FTP export has no known owner",
            "Shop has no known owner",
        ]
        assert column(table, 0).count("MUST FIX") == 3
        assert column(table, 1)[:4] == ["112.5", "11.25", "11.25", "24"]
        assert column(table, 3)[-1] == "Strength"
        chart = str(screen.query_one("#category-chart", Static).render())
        assert "Gap" in chart and "████████████████ 4" in chart


async def test_filtering_by_category_and_opening_a_findings_evidence(
    workspace: Workspace,
) -> None:
    app = Host(ReportScreen(workspace, CLIENT, ENGAGEMENT))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await settle(pilot)
        screen = app.screen
        screen.query_one("#category-filter", Select).value = "hack"
        await pilot.pause()
        table = screen.query_one("#findings-table", DataTable)
        assert column(table, 2) == [
            "The platform is wobbly (2 of 5)",
            "One person loads every list",
        ]
        screen.query_one("#category-filter", Select).value = "all"
        await pilot.pause()
        table.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, FindingScreen)
        evidence = str(app.screen.query_one("#finding-evidence", Static).render())
        assert "Ana Souza (Email operations)" in evidence
        assert "“I need Mary in IT to move the data for me.”" in evidence
        assert "“On exporte, on corrige dans Excel, on réimporte.”" in evidence
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReportScreen)


async def test_report_tabs_show_inventory_conflicts_follow_ups_and_timeline(
    workspace: Workspace,
) -> None:
    app = Host(ReportScreen(workspace, CLIENT, ENGAGEMENT))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await settle(pilot)
        screen = app.screen
        inventories = screen.query("#inventory DataTable").results(DataTable)
        assert [t.row_count for t in inventories] == [3, 3, 3, 1]
        conflicts = str(screen.query_one("#conflicts-text", Static).render())
        assert "Automated sync (API or connector)" in conflicts
        assert screen.query_one("#follow-ups-table", DataTable).row_count == 2
        timeline = str(screen.query_one("#timeline-text", Static).render())
        assert "6-9 months" in timeline and "Custom-built integrations" in timeline


async def test_a_report_that_cannot_compile_says_why(tmp_path: Path) -> None:
    app = Host(ReportScreen(Workspace(tmp_path), "Nobody", ""))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await settle(pilot)
        title = str(app.screen.query_one("#report-title", Static).render())
        assert "could not be compiled" in title and "esp-wizard new" in title


async def test_export_modal_writes_the_session_summary_and_dismisses_with_its_path(
    workspace: Workspace,
) -> None:
    app = Host(ExportModal(workspace, "ops1aaaa", CLIENT, ENGAGEMENT))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.click("#format-json")
        await pilot.click("#export-go")
        await settle(pilot)
        await pilot.pause()
        result = str(app.screen.query_one("#export-result", Static).render())
        written = workspace.exports_dir / "2026-03-02-acme-retail-ana-souza-ops1aaaa-summary.json"
        assert str(written) in result
        data = json.loads(written.read_text("utf-8"))
        assert data["session"]["id"] == "ops1aaaa"
        await pilot.click("#export-close")
        await pilot.pause()
    assert app.results == [written]


async def test_export_modal_writes_the_report_as_csv(workspace: Workspace) -> None:
    app = Host(ExportModal(workspace, "ops1aaaa", CLIENT, ENGAGEMENT))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.click("#what-report")
        await pilot.click("#format-csv")
        await pilot.click("#export-go")
        await settle(pilot)
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
    written = workspace.exports_dir / "acme-retail-esp-move-2027-report.csv"
    assert app.results == [written]
    assert written.read_bytes().startswith(b"\xef\xbb\xbfrank,key,cause,category,title")


async def test_a_session_summary_offers_no_csv(workspace: Workspace) -> None:
    app = Host(ExportModal(workspace, "ops1aaaa", CLIENT, ENGAGEMENT))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.screen.query_one("#format-csv").disabled
        await pilot.click("#what-report")
        await pilot.pause()
        assert not app.screen.query_one("#format-csv").disabled


async def test_export_modal_writes_the_report_as_a_word_document(workspace: Workspace) -> None:
    from docx import Document

    app = Host(ExportModal(workspace, None, CLIENT, ENGAGEMENT))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.click("#format-docx")
        await pilot.click("#export-go")
        await settle(pilot)
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
    written = workspace.exports_dir / "acme-retail-esp-move-2027-report.docx"
    assert app.results == [written]
    document = Document(str(written))
    headings = [p for p in document.paragraphs if p.style.name.startswith(("Title", "Heading"))]
    assert (headings[0].style.name, headings[0].text) == ("Title", CLIENT)
    assert headings[1].text == "1. Executive summary"


async def test_a_session_summary_offers_no_word_document(workspace: Workspace) -> None:
    app = Host(ExportModal(workspace, "ops1aaaa", CLIENT, ENGAGEMENT))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.screen.query_one("#format-docx").disabled
        await pilot.click("#what-report")
        await pilot.click("#format-docx")
        await pilot.click("#what-session")
        await pilot.pause()
        assert app.screen.query_one("#format-docx").disabled
        assert app.screen.query_one("#format-md", RadioButton).value


async def test_closing_without_exporting_dismisses_with_none(workspace: Workspace) -> None:
    app = Host(ExportModal(workspace, None, CLIENT, ENGAGEMENT))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.screen.query_one("#what-session").disabled
        await pilot.press("escape")
        await pilot.pause()
    assert app.results == [None]
    assert not workspace.exports_dir.exists()


async def test_export_from_the_report_screen(workspace: Workspace) -> None:
    app = Host(ReportScreen(workspace, CLIENT, ENGAGEMENT))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await settle(pilot)
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ExportModal)
        await pilot.click("#format-html")
        await pilot.click("#export-go")
        await settle(pilot)
        await pilot.pause()
    page = workspace.exports_dir / "acme-retail-esp-move-2027-report.html"
    assert "Subscriber lists reach the ESP by hand" in page.read_text("utf-8")


async def test_the_executive_note_is_edited_from_the_report_screen(
    workspace: Workspace,
) -> None:
    from textual.widgets import TextArea

    from esp_wizard.findings.engagement_file import engagement_path, executive_note
    from esp_wizard.tui.screens.note_modal import NoteModal

    app = Host(ReportScreen(workspace, CLIENT, ENGAGEMENT))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, NoteModal)
        app.screen.query_one("#note-text", TextArea).text = "Extend by six months."
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ReportScreen)
        shown = str(app.screen.query_one("#executive-text", Static).render())
        assert "Extend by six months." in shown
    assert executive_note(workspace, CLIENT, ENGAGEMENT) == "Extend by six months."
    assert engagement_path(workspace).is_file()


async def test_enter_opens_the_first_finding_without_tabbing_to_the_table(
    workspace: Workspace,
) -> None:
    app = Host(ReportScreen(workspace, CLIENT, ENGAGEMENT))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await settle(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, FindingScreen)
