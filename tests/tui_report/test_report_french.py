"""The report screen and the cockpit for a French consultant, over the French example.

With the interface in French (`--lang fr`), every word the app writes on these screens is
French: the chrome, the counts, the labels read from the export tables and the content the
core compiles (timeline estimate, contract verdict, readiness). Session and questionnaire
text is French already, so any English phrase of the app's own left on screen is a miss.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Static, TabbedContent

from esp_wizard.questionnaire.catalog import load_catalog
from esp_wizard.tui.screens.cockpit import CockpitScreen
from esp_wizard.tui.screens.report import FindingScreen, ReportScreen
from esp_wizard.workspace import Workspace
from tui.conftest import make_app
from tui_report.test_report_screen import Host

ROOT = Path(__file__).resolve().parent.parent.parent
CLIENT = "Northwind Outfitters (exemple fictif)"
ENGAGEMENT = "Migration ESP 2027 (exemple)"
SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]
REPORT_TABS = [
    "tab-findings",
    "tab-inventory",
    "tab-conflicts",
    "tab-follow-ups",
    "tab-timeline",
    "tab-executive",
]
COCKPIT_TABS = ["tab-plan", "tab-conflicts", "tab-chase", "tab-go"]
# Words and phrases the app itself writes on these screens in English, as whole words (case
# matters), and the role ids, which read as French labels ("Opérations email"). Left out:
# words French writes the same ("sessions", "phase", "impact", "effort", "Sources", "Note",
# "Question") and "Export", a name in the example's answers. French says "go/no-go" for
# the decision too (the French report's "Grille go/no-go") and "warm-up" in the
# questionnaires' recommendations: only the verdicts and "+ warm-up" count here.
ENGLISH = [
    "must-fix",
    "must fix",
    "findings to fix",
    "finding to fix",
    "as of",
    "months",
    "weeks",
    "to interview",
    "interviewed",
    "met",
    "not met",
    "unknown",
    "Strength",
    "Gap",
    "Hack",
    "Manual",
    "Recommendation",
    "Evidence",
    "Findings",
    "Inventory",
    "Conflicts",
    "Follow-ups",
    "Timeline",
    "Executive",
    "priority",
    "severity",
    "roles",
    "Readiness",
    "blocked",
    "at risk",
    "clear",
    "Must move",
    "Back",
    "fits the contract",
    "contract",
    "timeline",
    "+ warm-up",
    "Heard",
    "Missing",
    "go",
    "no-go",
    "to settle",
    "to chase",
    "Said as",
    "Answer",
    "Person",
    "Status",
    "Topics",
    "Who",
    "Why",
    "none",
    "now",
    "by",
    "per category",
    "Decisions needed",
    "Key messages",
    "email-ops",
    "data-crm",
    "it-integrations",
    "creative-content",
    "legal-privacy",
    "customer-service",
]
PATTERN = re.compile(r"(?<![\w-])(" + "|".join(re.escape(p) for p in ENGLISH) + r")(?![\w-])")


@pytest.fixture(scope="module")
def french_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("exemple")
    shutil.copytree(ROOT / "examples" / "fr" / "sessions", root / "sessions")
    shutil.copytree(ROOT / "questionnaires", root / "questionnaires")
    return root


async def settle(pilot: Pilot) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


def screen_text(app: App[None]) -> str:
    """What the terminal shows: the text of every rendered line of the screen."""
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(segment.text for segment in strip) for strip in strips)


def english_in(text: str) -> list[str]:
    text = re.sub("go/no-go", "", text, flags=re.IGNORECASE)
    return sorted({match.group(1) for match in PATTERN.finditer(text)})


async def show_tabs(pilot: Pilot, tabs: list[str]) -> dict[str, str]:
    shown = {}
    for tab in tabs:
        pilot.app.screen.query_one(TabbedContent).active = tab
        await settle(pilot)
        shown[tab] = screen_text(pilot.app)
    return shown


@pytest.mark.parametrize("size", SIZES)
async def test_every_report_tab_speaks_french(
    french_ui: None, french_root: Path, size: tuple[int, int]
) -> None:
    app = Host(ReportScreen(Workspace(french_root), CLIENT, ENGAGEMENT))
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ReportScreen) and app.screen.report is not None
        shown = await show_tabs(pilot, REPORT_TABS)
        for widget_id in ("#conflicts-text", "#timeline-text", "#executive-text"):
            shown[widget_id] = str(app.screen.query_one(widget_id, Static).render())  # all of it
        app.screen.query_one(TabbedContent).active = "tab-findings"
        await settle(pilot)
        app.screen.query_one("#findings-table").focus()
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, FindingScreen)
        shown["evidence"] = screen_text(app)
        shown["#finding-evidence"] = str(app.screen.query_one("#finding-evidence", Static).render())
    assert "impératif" in shown["tab-findings"] and "constats à traiter" in shown["tab-findings"]
    for tab, text in shown.items():
        assert english_in(text) == [], f"{tab}:\n{text}"


@pytest.mark.parametrize("size", SIZES)
async def test_the_cockpit_speaks_french(
    french_ui: None, french_root: Path, size: tuple[int, int]
) -> None:
    workspace = Workspace(french_root)
    app = make_app(workspace, load_catalog(workspace.questionnaires_dir))
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        app.push_screen(CockpitScreen(workspace, CLIENT, ENGAGEMENT))
        await settle(pilot)
        assert isinstance(app.screen, CockpitScreen) and app.screen.report is not None
        shown = await show_tabs(pilot, COCKPIT_TABS)
    assert "à interroger" in shown["tab-plan"] or "interrogé" in shown["tab-plan"]
    assert "(kickoff ?)" in shown["tab-plan"]
    assert not re.search(r"rempli\S", shown["tab-go"]), shown["tab-go"]  # "✘ non rempli" fits
    for tab, text in shown.items():
        assert english_in(text) == [], f"{tab}:\n{text}"


async def test_english_sessions_are_compiled_in_the_french_interface(
    french_ui: None, tmp_path: Path
) -> None:
    """The example held in English, read by a French consultant: the cockpit's estimate,
    warm-up and contract verdict, which the core writes, are French like the screen."""
    shutil.copytree(ROOT / "sessions", tmp_path / "sessions")
    shutil.copytree(ROOT / "questionnaires", tmp_path / "questionnaires")
    workspace = Workspace(tmp_path)
    app = make_app(workspace, load_catalog(workspace.questionnaires_dir))
    client, engagement = "Northwind Outfitters (fictional example)", "ESP migration 2027 (example)"
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.push_screen(CockpitScreen(workspace, client, engagement))
        await settle(pilot)
        assert isinstance(app.screen, CockpitScreen) and app.screen.report is not None
        summary = str(app.screen.query_one("#cockpit-summary").render())
    assert "calendrier 12 à 18 mois + montée en charge 8 semaines" in summary
    assert english_in(summary) == [], summary
