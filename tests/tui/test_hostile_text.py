"""Hostile session text on every TUI screen: shown literally, never acted on (issue 16).

A session file that went through git or a shared drive may hold Rich/Textual markup
(`[@click=app.quit]`), escape sequences (OSC 52 writes the clipboard, `ESC[2J` clears the
screen, OSC 8 hides a link), C1 controls or a right-to-left override in any text a person
typed: client, engagement, interviewee, answer, note, quote, inventory cell. These tests
render such a session on the home, interview, review, report and cockpit screens and read
what the screen would send to the terminal.
"""

from __future__ import annotations

from typing import Any

from textual.app import App
from textual.widgets import DataTable, Input, TabbedContent

from esp_wizard.questionnaire.catalog import Catalog, load_catalog
from esp_wizard.questionnaire.model import Questionnaire
from esp_wizard.session.interview import Interview
from esp_wizard.session.model import Interviewee
from esp_wizard.session.store import SessionStore
from esp_wizard.tui.screens.cockpit import CockpitScreen
from esp_wizard.tui.screens.interview import InterviewScreen
from esp_wizard.tui.screens.new_interview import NewInterviewScreen
from esp_wizard.tui.screens.report import ReportScreen
from esp_wizard.tui.screens.review import ReviewScreen
from esp_wizard.workspace import Workspace
from tui.conftest import DATA, make_app, make_session, on_disk, settle

SIZE = (200, 40)
CLICK = "[@click=app.quit]quit[/]"
MARKUP = "[bold red]loud[/]"
LINK = "[link=https://evil.example]here[/link]"
CLEAR = "\x1b[2J"
CLIPBOARD = "\x1b]52;c;ZXZpbA==\x07"
OSC8 = "\x1b]8;;https://evil.example\x1b\\x\x1b]8;;\x1b\\"
C1_CSI = "\x9b31m"
RLO = "\u202e"
RAW = ("\x1b", "\x9b", "\u202e", "\x07")


def hostile(tag: str) -> str:
    return f"{tag}{CLICK}{RLO}{CLEAR}{MARKUP}{LINK}{CLIPBOARD}{OSC8}{C1_CSI}end"


def screen_lines(app: App[Any]) -> list[str]:
    """Every line of the current screen as the compositor hands it to the terminal."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


def assert_safe_and_literal(app: App[Any], *tags: str) -> None:
    lines = screen_lines(app)
    text = "\n".join(lines)
    for raw in RAW:
        assert raw not in text, f"{raw!r} reaches the terminal"
    for tag in tags:
        assert tag + CLICK in text, f"{tag} is not shown literally"
    assert "\\x1b[2J" in text  # shown escaped, as the CLI shows it
    assert "\\u202e" in text


def hostile_session(
    workspace: Workspace, questionnaire: Questionnaire, current: str = "systems"
) -> None:
    with SessionStore(workspace) as store:
        session = store.create(
            questionnaire_id=questionnaire.id,
            questionnaire_version=questionnaire.version,
            questionnaire_language=questionnaire.language,
            questionnaire_source=questionnaire.source,
            client=hostile("CLIENT"),
            engagement=hostile("ENG"),
            facilitator="Fay",
            interviewees=[Interviewee(name=hostile("PERSON"), role="email-ops")],
        )
        interview = Interview(questionnaire, session)
        interview.answer("uses_lists", True)
        interview.answer("story", hostile("STORY"))
        interview.annotate("story", note=hostile("NOTE"), quote=hostile("QUOTE"))
        interview.annotate("uses_lists", follow_up=True, note=hostile("CHASE"))
        interview.answer("team_name", f"TEAM{CLICK}{CLEAR}{RLO}")
        interview.answer("systems", [{"name": hostile("CELL"), "kind": "crm"}])
        interview.move_to(current)
        store.save(session)


async def test_home_shows_hostile_names_literally_and_a_click_payload_does_nothing(
    workspace: Workspace, catalog: Catalog, questionnaire: Questionnaire
) -> None:
    hostile_session(workspace, questionnaire)
    app = make_app(workspace, catalog)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert_safe_and_literal(app, "PERSON")
        text = "\n".join(screen_lines(app))
        assert "CLIENT[@click=a…" in text  # clipped to its column, still literal
        table = app.screen.query_one("#sessions", DataTable)
        await pilot.click(table, offset=(4, 1))
        await pilot.pause()
        assert app.is_running
        assert app.return_code is None


async def test_interview_and_review_show_hostile_answers_literally(
    workspace: Workspace, catalog: Catalog, questionnaire: Questionnaire
) -> None:
    hostile_session(workspace, questionnaire)
    app = make_app(workspace, catalog)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.resume_session(str(next(workspace.sessions_dir.glob("*.toml"))))
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)
        assert_safe_and_literal(app, "CELL")
        assert "CLIENT[@click=app.quit]" in "\n".join(screen_lines(app))
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        text = "\n".join(screen_lines(app))
        assert "STORY[@click=app.quit]" in text
        assert "TEAM[@click=app.quit]" in text
        assert not any(raw in text for raw in RAW)
        await pilot.click("#review-table", offset=(30, 2))
        await pilot.pause()
        assert app.is_running


async def test_report_and_cockpit_show_hostile_text_literally(
    workspace: Workspace, catalog: Catalog, questionnaire: Questionnaire
) -> None:
    hostile_session(workspace, questionnaire)
    app = make_app(workspace, catalog)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        session = app.screen.shown_rows[0].session  # type: ignore[attr-defined]
        app.open_report(session)
        await settle(pilot)
        assert isinstance(app.screen, ReportScreen)
        tabs = app.screen.query_one("#report-tabs", TabbedContent)
        for pane in ("findings", "conflicts", "timeline", "executive"):
            tabs.active = f"tab-{pane}"
            await pilot.pause()
            assert not any(raw in "\n".join(screen_lines(app)) for raw in RAW), pane
        tabs.active = "tab-follow-ups"
        await pilot.pause()
        assert_safe_and_literal(app, "PERSON")
        cells = " ".join(
            map(str, app.screen.query_one("#follow-ups-table", DataTable).get_row_at(0))
        )
        assert "CHASE[@click=app.quit]" in cells  # the note column, beyond the screen's edge
        assert not any(raw in cells for raw in RAW)
        tabs.active = "tab-inventory"
        await pilot.pause()
        assert_safe_and_literal(app, "CELL")
        app.pop_screen()
        app.push_screen(CockpitScreen(workspace, session.client, session.engagement))
        await settle(pilot)
        assert isinstance(app.screen, CockpitScreen)
        assert_safe_and_literal(app, "CLIENT")
        assert app.is_running


async def test_fields_being_edited_show_each_unsafe_character_as_one_symbol(
    workspace: Workspace, catalog: Catalog, questionnaire: Questionnaire
) -> None:
    """Note and quote stay editable: ESC shows as ␛ (bidi as ␚), the cursor still fits."""
    hostile_session(workspace, questionnaire, current="story")
    app = make_app(workspace, catalog)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        path = next(workspace.sessions_dir.glob("*.toml"))
        app.resume_session(str(path))
        await pilot.pause()
        text = "\n".join(screen_lines(app))
        assert not any(raw in text for raw in RAW)
        assert "NOTE[@click=app.quit]quit[/]␚␛[2J" in text
        assert "STORY[@click=app.quit]quit[/]␚␛[2J" in text
        await pilot.press("ctrl+n")  # moving on saves what the fields hold: the text as read
        await pilot.pause()
        story = on_disk(workspace, path).answers["story"]
        assert (story.value, story.note, story.quote) == (
            hostile("STORY"),
            hostile("NOTE"),
            hostile("QUOTE"),
        )


async def test_a_hostile_questionnaire_and_file_name_reach_the_screen_escaped(
    workspace: Workspace, questionnaire: Questionnaire
) -> None:
    """Section titles, option labels and help come from a questionnaire file; a notification
    may quote a file name: neither can drive the terminal."""
    source = (DATA / "complete.toml").read_text(encoding="utf-8")
    source = source.replace(
        'title = "Getting started"', 'title = "SECTION[@click=app.quit]q[/]\\u001b[2J"'
    )
    source = source.replace(
        '"Scheduled file feed"', '"OPTION[@click=app.quit]q[/]\\u202e\\u001b[2J"'
    )
    source = source.replace('text = "System"', 'text = "COLUMN[b]x[/]\\u001b[2J"')
    (workspace.questionnaires_dir / "complete.toml").write_text(source, encoding="utf-8")
    catalog = load_catalog(workspace.questionnaires_dir, bundled=workspace.root / "none")
    hostile_questionnaire = catalog.find("spec-example")
    path = make_session(
        workspace,
        hostile_questionnaire,
        answers={"uses_lists": True, "systems": [{"name": "Salesforce"}]},
        current="list_source",
    )
    broken = workspace.sessions_dir / "broken\x1b[2J\u202e.toml"
    broken.write_text("id = [\n", encoding="utf-8")
    app = make_app(workspace, catalog)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.resume_session(str(broken))
        await pilot.pause()
        notes = [n.message for n in app._notifications]
        assert any("broken\\x1b[2J\\u202e.toml" in note for note in notes), notes
        assert not any(raw in note for note in notes for raw in RAW)
        app.resume_session(str(path))
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)
        text = "\n".join(screen_lines(app))
        assert not any(raw in text for raw in RAW)
        assert "SECTION[@click=app.quit]q[/]\\x1" in text  # wrapped in the section list
        assert "OPTION[@click=app.quit]q[/]\\u202e\\x1b[2J" in text
        assert app.is_running
        app.pop_screen()
        app.open_report(on_disk(workspace, path))
        await settle(pilot)
        app.screen.query_one("#report-tabs", TabbedContent).active = "tab-inventory"
        await pilot.pause()
        text = "\n".join(screen_lines(app))
        assert "COLUMN[b]x[/]\\x1b[2J" in text
        assert not any(raw in text for raw in RAW)


async def test_a_hostile_client_is_not_offered_as_a_completion(
    workspace: Workspace, catalog: Catalog, questionnaire: Questionnaire
) -> None:
    """An Input draws its faded completion raw: a client holding ESC is not suggested."""
    hostile_session(workspace, questionnaire)
    app = make_app(workspace, catalog)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, NewInterviewScreen)
        await pilot.press(*"CLI")
        await pilot.pause()
        text = "\n".join(screen_lines(app))
        assert not any(raw in text for raw in RAW)
        assert app.screen.query_one("#client", Input).value == "CLI"
