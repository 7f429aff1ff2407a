"""The cockpit and the report screen name roles and questionnaires as a consultant reads
them, in the interface's language: "IT integrations" / "Intégrations SI", never the id
"it-integrations"; the plan's "Interview as" is the questionnaire's title.

Over both example engagements, each read in both interface languages: the sessions'
language must not leak into the labels the app writes.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from textual.widgets import Static, TabbedContent

from esp_wizard.questionnaire.catalog import Catalog, load_catalog
from esp_wizard.tui.screens.cockpit import CockpitScreen, questionnaire_title
from esp_wizard.tui.screens.report import FindingScreen, ReportScreen
from esp_wizard.tui.widgets.fitted_table import FittedTable
from esp_wizard.tui.widgets.plan_strip import planned
from esp_wizard.workspace import Workspace
from tui.conftest import make_app
from tui_report.test_report_french import screen_text, settle
from tui_report.test_report_screen import Host

ROOT = Path(__file__).resolve().parent.parent.parent
EXAMPLES = {
    "en": (
        "sessions",
        "Northwind Outfitters (fictional example)",
        "ESP migration 2027 (example)",
    ),
    "fr": (
        "examples/fr/sessions",
        "Northwind Outfitters (exemple fictif)",
        "Migration ESP 2027 (exemple)",
    ),
}
LABELS = {
    "en": ("Executive sponsor", "Email operations", "IT integrations", "Customer service"),
    "fr": ("Sponsor de la direction", "Opérations email", "Intégrations SI", "Service client"),
}
# The first conflict's first position: who answered the platform's stability "2".
STABILITY_2 = {
    "en": "Executive sponsor, Email operations, Data and CRM, IT integrations, "
    "Legal and privacy, Customer service",
    "fr": "Sponsor de la direction, Opérations email, Données et CRM, Intégrations SI, "
    "Juridique et protection des données, Service client",
}
IT_TITLE = {
    "en": "IT and integrations: systems, APIs, access and cutover",
    "fr": "IT et intégrations : systèmes, API, accès et bascule",
}
ROLE_IDS = re.compile(
    r"(?<![\w-])(executive|email-ops|data-crm|it-integrations|creative-content|analytics"
    r"|deliverability|legal-privacy|customer-service)(?![\w-])"
)
CASES = [
    pytest.param(sessions, interface, id=f"{sessions}-sessions-{interface}-interface")
    for sessions in ("en", "fr")
    for interface in ("en", "fr")
]


@pytest.fixture(scope="module")
def roots(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    made = {}
    for language, (sessions, _client, _engagement) in EXAMPLES.items():
        root = tmp_path_factory.mktemp(f"example-{language}")
        shutil.copytree(ROOT / sessions, root / "sessions")
        shutil.copytree(ROOT / "questionnaires", root / "questionnaires")
        made[language] = root
    return made


@pytest.fixture
def interface(request: pytest.FixtureRequest) -> str:
    """The interface's language of the case: French through the one `french_ui` fixture."""
    language = request.node.callspec.params["interface_language"]
    if language == "fr":
        request.getfixturevalue("french_ui")
    return language


def ids_in(text: str) -> list[str]:
    return sorted(set(ROLE_IDS.findall(text)))


@pytest.mark.parametrize(("sessions", "interface_language"), CASES)
async def test_the_cockpit_names_roles_and_questionnaires_in_the_interface_language(
    roots: dict[str, Path], sessions: str, interface_language: str, interface: str
) -> None:
    _folder, client, engagement = EXAMPLES[sessions]
    workspace = Workspace(roots[sessions])
    catalog = load_catalog(workspace.questionnaires_dir)
    app = make_app(workspace, catalog)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.push_screen(CockpitScreen(workspace, client, engagement))
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CockpitScreen) and screen.report is not None
        summary = str(screen.query_one("#cockpit-summary", Static).render())
        plan = {
            cells[0].plain: cells[1].plain
            for _key, cells in screen.query_one("#plan-table", FittedTable).rows_data
        }
        plan_shown = screen_text(app)
        screen.query_one(TabbedContent).active = "tab-conflicts"
        await settle(pilot)
        conflicts = str(screen.query_one("#cockpit-conflicts", Static).render())
    heard = summary.splitlines()[0]
    assert all(label in heard for label in LABELS[interface]), heard
    assert ids_in(heard) == [], heard
    assert plan["Kwame Mensah"] == IT_TITLE[interface]
    assert plan["Chris Doyle"] == catalog.find("customer-service", interface).title
    assert plan["Fiona Walsh"] == ("(kickoff?)" if interface == "en" else "(kickoff ?)")
    assert ids_in("\n".join(plan.values())) == []
    assert IT_TITLE[interface][:20] in plan_shown  # the title, cut to its column if need be
    assert STABILITY_2[interface] in " ".join(conflicts.split()), conflicts
    assert ids_in(conflicts) == [], conflicts


@pytest.mark.parametrize(("sessions", "interface_language"), CASES)
async def test_the_report_screen_names_roles_in_the_interface_language(
    roots: dict[str, Path], sessions: str, interface_language: str, interface: str
) -> None:
    _folder, client, engagement = EXAMPLES[sessions]
    app = Host(ReportScreen(Workspace(roots[sessions]), client, engagement))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ReportScreen) and screen.report is not None
        timeline = str(screen.query_one("#timeline-text", Static).render())
        screen.query_one("#findings-table").focus()
        await pilot.press("enter")  # the first finding: raised by five roles
        await settle(pilot)
        assert isinstance(app.screen, FindingScreen)
        evidence = str(app.screen.query_one("#finding-evidence", Static).render())
    covered = next(line for line in timeline.splitlines() if line.startswith(("Roles", "Rôles")))
    assert all(label in covered for label in LABELS[interface]), covered
    assert ids_in(covered) == [], covered
    facts = evidence.splitlines()[1:3]
    breadth = " ".join(facts)
    assert f"({LABELS[interface][0]}, {LABELS[interface][1]}" in breadth, breadth
    assert LABELS[interface][2] in breadth and ids_in(breadth) == [], breadth


def test_a_questionnaire_is_named_by_its_title_in_the_language_asked_for(
    tmp_path: Path,
) -> None:
    """The interface's language when the questionnaire exists in it, else its own
    language; the id for a questionnaire this workspace does not have."""
    only_english = tmp_path / "questionnaires"
    only_english.mkdir()
    shutil.copy(ROOT / "tests" / "data" / "complete.toml", only_english / "complete.toml")
    catalog: Catalog = load_catalog(only_english, bundled=ROOT / "questionnaires")
    example = catalog.find("spec-example")
    assert questionnaire_title(catalog, "spec-example", "fr") == example.title
    assert questionnaire_title(catalog, "it-integrations", "fr") == IT_TITLE["fr"]
    assert questionnaire_title(catalog, "it-integrations", "en") == IT_TITLE["en"]
    assert questionnaire_title(catalog, "field-sales", "fr") == "field-sales"


def test_the_home_plan_strip_names_the_role_to_interview_as_in_french(french_ui: None) -> None:
    assert planned("Nadia Flores", "creative-content") == "Nadia Flores (Création et contenus)"
    assert planned("Fiona Walsh", "") == "Fiona Walsh (kickoff ?)"


async def test_the_highlighted_person_is_shown_whole_under_the_plan_at_80x24(
    french_ui: None, roots: dict[str, Path]
) -> None:
    """The table cuts the long title at 80 columns; the line under it does not."""
    _folder, client, engagement = EXAMPLES["en"]
    workspace = Workspace(roots["en"])
    app = make_app(workspace, load_catalog(workspace.questionnaires_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.push_screen(CockpitScreen(workspace, client, engagement))
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CockpitScreen)
        names = [person.name for person in screen.people]
        table = screen.query_one("#plan-table", FittedTable)
        table.focus()
        await pilot.press(*["down"] * names.index("Kwame Mensah"))
        await settle(pilot)
        detail = " ".join(str(screen.query_one("#plan-detail", Static).render()).split())
        cell = str(table.get_row_at(table.cursor_row)[1])
    assert cell.endswith("…") and IT_TITLE["fr"].startswith(cell[:-1])  # cut in the table…
    assert detail.startswith("Kwame Mensah Interroger comme : " + IT_TITLE["fr"])  # …not here
    assert "Cité par :" in detail and ids_in(detail) == [], detail
