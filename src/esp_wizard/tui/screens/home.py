"""Home: the workspace's interviews, newest first; filter as you type, Enter resumes.

The table is filled by a worker after the first frame, so the screen appears at once
however many sessions the workspace holds; returning here refreshes it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import getters, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Header, Input, Static
from textual.worker import Worker, WorkerState

from esp_wizard.i18n import N_, _
from esp_wizard.reasons import error_text
from esp_wizard.tui.app import WizardApp
from esp_wizard.tui.format import shown_path
from esp_wizard.tui.safe import safe
from esp_wizard.tui.widgets.key_bar import KeyFooter
from esp_wizard.tui.widgets.plan_strip import PlanStrip
from esp_wizard.tui.widgets.session_table import SessionTable

if TYPE_CHECKING:  # the core loads in the worker, after the first frame
    from esp_wizard.session.summary import SessionSummary
    from esp_wizard.tui.sessions import Listing, SessionRow


class HomeScreen(Screen[None]):
    app = getters.app(WizardApp)
    CSS_PATH = "home.tcss"
    AUTO_FOCUS = "#sessions"  # never the filter: n, r and / must work at once
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "n",
            "new",
            N_("New interview"),
            id="home.new",
            tooltip=N_("Start a new interview in this workspace"),
        ),
        Binding(
            "slash",
            "filter",
            N_("Filter"),
            id="home.filter",
            tooltip=N_("Filter by client, person, questionnaire or status"),
        ),
        Binding(
            "r",
            "report",
            N_("Report"),
            id="home.report",
            tooltip=N_("The compiled report of the selected session's engagement"),
        ),
        Binding(
            "ctrl+e",
            "export",
            N_("Export"),
            priority=True,
            id="home.export",
            tooltip=N_("Export the selected session or its engagement's report"),
        ),
        Binding(
            "e",
            "cockpit",
            N_("Engagement"),
            id="home.cockpit",
            tooltip=N_("The selected session's engagement: roles, plan, conflicts, go/no-go"),
        ),
        Binding("escape", "clear_filter", N_("Clear filter"), show=False, id="home.clear-filter"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.listing: Listing | None = None
        self.shown_rows: list[SessionRow] = []
        self._covered = False  # by another screen, at least once
        self._filled_width = 0

    def compose(self) -> ComposeResult:
        yield Header(icon="✉")
        yield Input(
            placeholder=_("Filter (/): client, person, questionnaire, status…"),
            compact=True,
            id="filter",
        )
        yield SessionTable(cursor_type="row", zebra_stripes=True, id="sessions")
        yield Static("", id="empty")
        yield Static("", id="problems")
        yield PlanStrip(id="plan")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = shown_path(self.app.workspace.root)
        self.query_one("#empty", Static).update(Text(_("Reading the workspace…"), style="dim"))
        self.query_one("#sessions", SessionTable).focus()
        self._first_listing()

    def _first_listing(self) -> None:
        """Nothing changed since the last listing: the table is in the first frame (a
        few stat calls and one small file). Else the worker reads it after that frame."""
        from esp_wizard.tui.sessions import cached_sessions

        try:
            listing = cached_sessions(self.app.workspace)
        except OSError:
            listing = None
        if listing is None:
            self.call_after_refresh(self.load_sessions)
        else:
            self.show_listing(listing)

    def on_screen_suspend(self) -> None:
        self._covered = True

    def on_screen_resume(self) -> None:
        """Back from another screen: sessions and plans may have changed. (Its first
        showing is not a return: on_mount has listed already.)"""
        if self._covered:
            self.query_one(PlanStrip).forget()
            self.load_sessions()

    @work(thread=True, exclusive=True, group="home-sessions", exit_on_error=False)
    def load_sessions(self) -> None:
        from esp_wizard.tui.sessions import list_sessions

        listing = list_sessions(self.app.workspace)
        self.app.call_from_thread(self.show_listing, listing)

    @on(Worker.StateChanged)
    def _listing_failed(self, event: Worker.StateChanged) -> None:
        """A workspace that cannot be read is said on the screen; the app stays open."""
        if event.worker.group != "home-sessions" or event.state != WorkerState.ERROR:
            return
        message = _("Could not read the workspace's sessions: {error}").format(
            error=error_text(event.worker.error) if event.worker.error else ""
        )
        empty = self.query_one("#empty", Static)
        empty.update(safe(message, "bold red"))
        empty.display = True
        self.notify(message, severity="error", timeout=10, markup=False)

    def show_listing(self, listing: Listing) -> None:
        self.listing = listing
        self._fill()
        problems = self.query_one("#problems", Static)
        lines = [_("unreadable: {problem}").format(problem=p) for p in listing.problems]
        lines += [_("damaged, cannot be opened: {path}").format(path=p) for p in listing.damaged]
        problems.update(safe("\n".join(lines)))
        problems.display = bool(lines)

    def _fill(self) -> None:
        listing = self.listing
        if listing is None:
            return
        words = self.query_one("#filter", Input).value.casefold().split()
        self.shown_rows = [row for row in listing.rows if row.matches(words)]
        table = self.query_one("#sessions", SessionTable)
        table.show(self.shown_rows, self.size.width, self.app.tz)
        self._filled_width = self.size.width
        self._show_empty(listing, words)

    def on_resize(self) -> None:
        if self.size.width != self._filled_width:  # the table depends on the width only
            self._fill()

    def _show_empty(self, listing: Listing, words: list[str]) -> None:
        empty = self.query_one("#empty", Static)
        table = self.query_one("#sessions", SessionTable)
        table.display = bool(self.shown_rows)
        empty.display = not self.shown_rows
        self.query_one("#filter", Input).display = bool(listing.rows)
        if self.shown_rows and self.focused is None:
            self.set_focus(table)  # now, not after a refresh: Enter may follow the first frame
        elif not listing.rows:
            self.set_focus(None)  # nothing to filter: keys go to the screen
        if self.shown_rows:
            return
        if listing.rows and words:
            empty.update(Text(_("No interview matches the filter. Escape clears it.")))
            return
        workspace = self.app.workspace
        text = Text()
        text.append(_("No interviews yet in "), style="bold")
        text.append(shown_path(workspace.sessions_dir), style="bold underline")
        text.append(_("\n\nPress "))
        text.append(" n ", style="bold reverse")
        text.append(
            " " + _("to start one: client, interviewees, questionnaire, and you are asking.\n")
        )
        text.append(
            _("Each interview is saved as you go, one file per interview in that folder.\n")
        )
        text.append(_("Another folder? Run "), style="dim")
        text.append("esp-wizard --workspace DIR", style="dim bold")
        text.append(_(". Your own questionnaires go in "), style="dim")
        text.append(shown_path(workspace.questionnaires_dir), style="dim bold")
        text.append(_(".\nF1 shows every key; ctrl+p finds any command."), style="dim")
        empty.update(text)

    # -- the selected session -------------------------------------------------------------
    def selected(self) -> SessionRow | None:
        table = self.query_one("#sessions", SessionTable)
        if not self.shown_rows or not 0 <= table.cursor_row < len(self.shown_rows):
            return None
        return self.shown_rows[table.cursor_row]

    def _selected_session(self) -> SessionSummary | None:
        row = self.selected()
        if row is None:
            self.notify(_("No session selected."), severity="warning", timeout=3)
            return None
        return row.session

    # -- actions --------------------------------------------------------------------------
    @on(Input.Changed, "#filter")
    def _filter_changed(self) -> None:
        self._fill()

    @on(Input.Submitted, "#filter")
    def _filter_done(self) -> None:
        self.query_one("#sessions", SessionTable).focus()

    @on(DataTable.RowSelected, "#sessions")
    def _resume(self, event: DataTable.RowSelected) -> None:
        event.stop()
        row = self.selected()
        if row is not None:
            self.app.resume_session(str(row.path))

    @on(DataTable.RowHighlighted, "#sessions")
    def _follow_plan(self) -> None:
        """The strip compiles the engagement in a thread: after the table is painted, so
        that it never holds back the first frame."""
        self.app.after_first_paint(self._plan_follows_cursor)

    def _plan_follows_cursor(self) -> None:
        row = self.selected()
        if row is not None:
            workspace = self.app.workspace
            self.query_one(PlanStrip).follow(workspace, row.session.client, row.session.engagement)

    def action_cockpit(self) -> None:
        session = self._selected_session()
        if session is not None:
            from esp_wizard.tui.screens.cockpit import CockpitScreen

            workspace = self.app.workspace
            self.app.push_screen(CockpitScreen(workspace, session.client, session.engagement))

    def action_new(self) -> None:
        clients = self.listing.clients if self.listing else []
        self.app.new_interview(clients=clients)

    def action_filter(self) -> None:
        self.query_one("#filter", Input).focus()

    def action_clear_filter(self) -> None:
        self.query_one("#filter", Input).value = ""
        self.query_one("#sessions", SessionTable).focus()

    def action_report(self) -> None:
        session = self._selected_session()
        if session is not None:
            self.app.open_report(session)

    def action_export(self) -> None:
        session = self._selected_session()
        if session is not None:
            self.app.open_export(session)
