"""The Textual app: home underneath, the interview and its companions pushed on top.

The app owns what screens share: the workspace, one SessionStore (so the locks it holds are
released on every way out), the questionnaire catalog (loaded once, off the UI thread),
the user's remembered settings, and a clock and time zone that tests fix. Leaving by any
road, quit keys, a closed terminal or a kill signal, first saves what the interview screen
holds; a hard kill loses nothing confirmed because every confirmed answer is already saved.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import signal
import threading
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events, work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.theme import Theme
from textual.timer import Timer

from esp_wizard import i18n
from esp_wizard.config import UserConfig, load_config, save_config
from esp_wizard.errors import UserError
from esp_wizard.i18n import N_, _
from esp_wizard.safetext import for_terminal
from esp_wizard.tui import collector
from esp_wizard.tui.commands import app_commands, binding_commands
from esp_wizard.tui.start import NewPresets, Start
from esp_wizard.workspace import Workspace

if TYPE_CHECKING:  # the core (pydantic models) loads after the first frame, in a worker
    from esp_wizard.questionnaire.catalog import Catalog
    from esp_wizard.questionnaire.model import Questionnaire
    from esp_wizard.session.model import Interviewee, Session
    from esp_wizard.session.opened import OpenedSession
    from esp_wizard.session.store import SessionStore
    from esp_wizard.session.summary import SessionSummary

Clock = Callable[[], dt.datetime]
SCREENS = Path(__file__).parent / "screens"
# The stylesheet of the screen each start shows first. Read with the app's own, before the
# first frame: a screen's CSS_PATH read when it is shown re-parses every stylesheet.
FIRST_CSS = {"home": "home.tcss", "interview": "interview.tcss", "new": "new_interview.tcss"}
NOT_AVAILABLE = N_("report not available yet")


def utc_clock() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _home_screen() -> Screen[None]:
    """Imported when first shown: the screens import WizardApp for typed `self.app`."""
    from esp_wizard.tui.screens.home import HomeScreen

    return HomeScreen()


class _Lobby(Screen[None]):
    """What lies under an interview or a new-interview form opened from the command line.

    Home would compete with that screen's first frame (its module, its stylesheet, its
    widgets, its listing): it is built only when the consultant leaves, on top of this
    empty screen (the default screen, at the bottom of the stack, is never popped).
    """

    def __init__(self) -> None:
        super().__init__()
        self._covered = False

    def on_screen_suspend(self) -> None:
        self._covered = True

    def on_screen_resume(self) -> None:
        if self._covered:  # not its first showing: the consultant left that screen
            self.app.push_screen(_home_screen())


class WizardApp(App[None]):
    TITLE = "esp-wizard"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "f1", "help", N_("Help"), id="app.help", tooltip=N_("Every key, and why these keys")
        ),
        Binding(
            "ctrl+q",
            "quit",
            N_("Quit"),
            priority=True,
            id="app.quit",
            tooltip=N_("Save and quit (everything confirmed is already saved)"),
        ),
        Binding(
            "ctrl+c",
            "quit",
            N_("Quit"),
            show=False,
            priority=True,
            id="app.quit-ctrl-c",
            tooltip=N_("Save and quit, as ctrl+q"),
        ),
    ]

    def __init__(
        self,
        workspace: Workspace,
        *,
        start: Start | None = None,
        store: SessionStore | None = None,
        catalog: Catalog | None = None,
        clock: Clock = utc_clock,
        tz: dt.tzinfo | None = None,
        cursor_blink: bool = True,
        config_path: Path | None = None,
    ) -> None:
        self.start = start or Start()
        super().__init__(css_path=[SCREENS / FIRST_CSS[self.start.screen]])
        self.workspace = workspace
        self._store = store
        self.clock = clock
        self.tz = tz
        self.cursor_blink = cursor_blink
        self.config_path = config_path
        self.config: UserConfig = load_config(config_path)
        self._catalog = catalog
        self._lock = threading.Lock()  # store and catalog are first used from worker threads
        self._painted = False  # the first frame is on the terminal
        self._collecting = False  # a collection waits for the next frame
        self._full_collection: Timer | None = None  # waits for a pause in the interview
        self._after_paint: list[Callable[[], object]] = []
        self.language = i18n.current()  # the interface's, for the worker threads too
        self._language_before = i18n.DEFAULT

    def notify(self, message: str, *, title: str = "", **options: Any) -> None:
        """Every notification (screens' and widgets' too) may quote a session or a file name:
        its controls and escape sequences are shown escaped, never sent to the terminal."""
        super().notify(for_terminal(message), title=for_terminal(title), **options)

    # -- start-up ---------------------------------------------------------------------------
    def get_default_screen(self) -> Screen[None]:
        """Home, or the lobby under a screen opened from the command line. As the default
        screen (not a mode's first screen, which Textual restyles whole once mounted), with
        the stylesheet of the first screen shown read with the app's (FIRST_CSS): every
        style is parsed once before the first frame."""
        return _home_screen() if self.start.screen == "home" else _Lobby()

    def on_unmount(self) -> None:
        i18n.set_fallback(self._language_before)  # the process speaks as before the app
        collector.unpace()  # and collects garbage as before it

    def on_mount(self) -> None:
        self._language_before = i18n.set_fallback(self.language)
        if self.config.theme in self.available_themes:
            self.theme = self.config.theme
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        if not self.is_headless:
            self._install_signal_handlers()
        if self.start.screen == "new":
            self.new_interview(self.start.presets)
        elif self.start.screen == "interview" and self.start.opened is not None:
            self.open_interview(self.start.opened)

    def on_ready(self) -> None:
        """The first frame is on the terminal: what was kept off it may start now."""
        self._painted = True
        collector.first_frame_painted()
        for callback in self._after_paint:
            self.call_after_refresh(callback)
        self._after_paint.clear()

    @property
    def painted(self) -> bool:
        """Whether the first frame is on the terminal yet."""
        return self._painted

    def after_first_paint(self, callback: Callable[[], object]) -> None:
        """Run `callback` once the first frame is painted and the screen is idle.

        For work nobody sees at once (a worker thread competes with the first frame for
        the interpreter): the start-up a consultant waits for stays as short as Textual's.
        """
        if self._painted:
            self.call_after_refresh(callback)
        else:
            self._after_paint.append(callback)

    def _install_signal_handlers(self) -> None:
        """A closed terminal (SIGHUP) or a polite kill (SIGTERM) saves and leaves cleanly."""
        loop = asyncio.get_running_loop()
        for number in (signal.SIGHUP, signal.SIGTERM):
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                loop.add_signal_handler(number, self.hang_up)

    def hang_up(self) -> None:
        self.flush_interviews()
        self.close_sessions()
        self.exit()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """Tests and snapshots turn the blinking cursor off, for identical frames."""
        if not self.cursor_blink and hasattr(event.widget, "cursor_blink"):
            event.widget.cursor_blink = False

    def settle_memory(self) -> None:
        """Exempt what exists now (modules, the screens' widgets) from the cyclic collector.

        A full collection rescans every object alive; with Textual's many widget objects
        one takes 50-90 ms, a visible stall mid-interview. Frozen objects are skipped, and
        from now on garbage is collected after frames (`collect_after_paint`), not before.
        """
        collector.pace()

    def collect_after_paint(self) -> None:
        """A new question is coming: collect garbage once it is on the terminal, while the
        consultant reads it, so that no collection delays the next key's frame."""
        if collector.paced() and not self._collecting:
            self._collecting = True
            self.call_after_refresh(self._collect_idle)

    def _collect_idle(self) -> None:
        """The young generations now; every generation once the interview pauses."""
        self._collecting = False
        collector.collect_young()
        if self._full_collection is not None:
            self._full_collection.stop()
        self._full_collection = self.set_timer(collector.FULL_AFTER_IDLE, collector.collect_all)

    # -- shared services ----------------------------------------------------------------------
    @property
    def store(self) -> SessionStore:
        """The one store: every lock it takes is released when the app ends."""
        with self._lock:
            if self._store is None:
                from esp_wizard.session.store import SessionStore

                self._store = SessionStore(self.workspace)
            return self._store

    def catalog(self) -> Catalog:
        """Bundled and workspace questionnaires, loaded once (safe from worker threads)."""
        with self._lock:
            if self._catalog is None:
                from esp_wizard.questionnaire.catalog import load_catalog

                self._catalog = load_catalog(self.workspace.questionnaires_dir)
            return self._catalog

    def close_sessions(self) -> None:
        """Release every session lock (nothing to do if no store was ever needed)."""
        if self._store is not None:
            self._store.close_all()

    def remember(self, **changes: str) -> None:
        updated = self.config.with_changes(**changes)
        if updated == self.config:
            return
        self.config = updated
        problem = save_config(updated, self.config_path)
        if problem:
            self.notify(problem, severity="warning", markup=False)

    def _remember_theme(self, theme: Theme) -> None:
        self.remember(theme=theme.name)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from binding_commands(screen)
        yield from app_commands(self)

    # -- moving between screens -----------------------------------------------------------------
    def new_interview(
        self, presets: NewPresets | None = None, clients: list[str] | None = None
    ) -> None:
        from esp_wizard.tui.screens.new_interview import NewInterviewScreen

        screen = NewInterviewScreen(presets or NewPresets(), clients, self.config.facilitator)
        self.push_screen(screen)

    def create_interview(
        self,
        questionnaire: Questionnaire,
        client: str,
        engagement: str,
        facilitator: str,
        people: list[Interviewee],
    ) -> None:
        """Create the session file now (UserError if it cannot be) and start asking."""
        session = self.store.create(
            questionnaire_id=questionnaire.id,
            questionnaire_version=questionnaire.version,
            questionnaire_language=questionnaire.language,
            questionnaire_source=questionnaire.source,
            client=client,
            engagement=engagement,
            facilitator=facilitator,
            interviewees=people,
        )
        self.remember(facilitator=facilitator)
        from esp_wizard.session.opened import OpenedSession

        opened = OpenedSession(session, questionnaire, self.store.path_of(session))
        self.switch_screen(self._interview_screen(opened))
        self.after_first_paint(partial(self.keep_checked, questionnaire))  # once it shows

    @work(thread=True, group="checked-copy", exit_on_error=False)
    def keep_checked(self, questionnaire: Questionnaire) -> None:
        """Keep the interview's questionnaire as checked (checkedcopy.py), unless it is kept
        already: its next resume skips the check. In a thread, as the pickle and the signed
        write take the disk's time; whatever fails there only costs that resume its speed,
        and never closes the app."""
        from esp_wizard.questionnaire.checkedcopy import remember_checked

        remember_checked(questionnaire)

    def resume_session(self, ref: str) -> None:
        from esp_wizard.questionnaire.checkedcopy import kept_later
        from esp_wizard.session.opened import open_session

        try:
            with kept_later():  # open_interview keeps a copy checked now, in a thread
                opened = open_session(self.store, ref, self.catalog)
        except UserError as error:
            self.notify(
                str(error), title=_("Cannot open"), severity="error", timeout=10, markup=False
            )
            return
        self.open_interview(opened)

    def open_interview(self, opened: OpenedSession) -> None:
        """Ask, at the session's question; its questionnaire is then kept as checked."""
        self.push_screen(self._interview_screen(opened))
        self.after_first_paint(partial(self.keep_checked, opened.questionnaire))

    def _interview_screen(self, opened: OpenedSession) -> Screen:
        from esp_wizard.tui.live import LiveInterview
        from esp_wizard.tui.screens.interview import InterviewScreen

        live = LiveInterview(opened.interview(), self.store, self.clock)
        return InterviewScreen(live, opened.warning)

    def open_report(self, session: Session | SessionSummary) -> None:
        try:
            from esp_wizard.tui.screens.report import ReportScreen
        except ImportError:
            self.notify(_(NOT_AVAILABLE), severity="warning")
            return
        self.push_screen(ReportScreen(self.workspace, session.client, session.engagement))

    def open_export(self, session: Session | SessionSummary) -> None:
        try:
            from esp_wizard.tui.screens.export_modal import ExportModal
        except ImportError:
            self.notify(_(NOT_AVAILABLE), severity="warning")
            return

        def written(path: Path | None) -> None:
            if path is not None:
                self.notify(_("Exported to {path}").format(path=path), timeout=6, markup=False)

        modal = ExportModal(self.workspace, session.id, session.client, session.engagement)
        self.push_screen(modal, written)

    def action_help(self) -> None:
        from esp_wizard.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    # -- leaving ---------------------------------------------------------------------------------
    def flush_interviews(self) -> str:
        """Save every open interview; what could not be saved, if anything."""
        problems = [s.flush() for s in self.screen_stack if hasattr(s, "flush")]
        return "\n".join(p for p in problems if p)

    async def action_quit(self) -> None:
        from esp_wizard.tui.screens.confirm import ConfirmModal

        take_typed_ahead = getattr(self.screen, "take_typed_ahead", None)
        if take_typed_ahead is not None:  # keys typed just before ctrl+q are part of the answer
            await take_typed_ahead()
        problem = self.flush_interviews()
        if not problem:
            self._leave()
            return
        ask = ConfirmModal(_("Quit anyway?"), problem, yes=_("Quit"), no=_("Stay"))
        self.push_screen(ask, lambda yes: self._leave() if yes else None)

    def _leave(self) -> None:
        self.close_sessions()
        self.exit()


def run_app(workspace: Workspace, start: Start, **options: Any) -> int:
    """Run the TUI until it is left; the session locks are released whatever happens."""
    app = WizardApp(workspace, start=start, **options)
    try:
        app.run()
    finally:
        app.close_sessions()
    return app.return_code or 0
