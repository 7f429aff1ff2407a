"""A screen that shows one compiled engagement: the report screen and the cockpit.

Both compile the engagement with the core in a worker thread (a large engagement never
freezes the screen), and both must survive a compile that fails: a damaged session file
or a core bug shows its message in the screen's status line and a notification, and the
app keeps running (the worker never exits the app). Only the newest compile counts: a
recompile (after the executive note is saved) cancels the one still running.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.screen import Screen
from textual.widgets import Static
from textual.worker import Worker, WorkerState

from esp_wizard import i18n
from esp_wizard.findings.model import EngagementReport
from esp_wizard.i18n import N_, _
from esp_wizard.tui.safe import safe
from esp_wizard.workspace import Workspace

COMPILE_GROUP = "engagement-compile"


class EngagementScreen(Screen[None]):
    """Compiles `client` / `engagement` of `workspace` on mount and shows it with `show`."""

    STATUS_ID: ClassVar[str] = ""  # the Static that says "Compiling…", then the failure
    FAILED: ClassVar[str] = N_("The engagement could not be compiled: {error}")

    def __init__(self, workspace: Workspace, client: str, engagement: str) -> None:
        super().__init__()
        self.workspace = workspace
        self.client = client
        self.engagement = engagement
        # The compiled content (estimates, verdicts, labels) speaks the screen's language,
        # whatever language the sessions were held in.
        self.language = i18n.current()
        self.report: EngagementReport | None = None

    def compile_engagement(self) -> Worker[EngagementReport]:
        """Start (or restart) the compile; its result arrives in `show`."""
        return self.run_worker(
            self.compile_in_thread,
            name=COMPILE_GROUP,
            group=COMPILE_GROUP,
            thread=True,
            exclusive=True,
            exit_on_error=False,
        )

    def compile_in_thread(self) -> EngagementReport:
        """Runs in the worker thread: a screen that needs more than the report (the
        questionnaires' titles) gathers it here too, never on the UI thread."""
        from esp_wizard.findings import compile_workspace

        return compile_workspace(self.workspace, self.client, self.engagement, self.language)

    def show(self, report: EngagementReport) -> None:
        """Keep the newest compiled report; each screen extends this to draw it."""
        self.report = report

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != COMPILE_GROUP:
            return
        if event.state == WorkerState.SUCCESS and event.worker.result is not None:
            self.show(event.worker.result)
        elif event.state == WorkerState.ERROR:
            self.show_failure(event.worker.error)

    def show_failure(self, error: BaseException | None) -> None:
        message = _(self.FAILED).format(error=error)
        self.query_one(self.STATUS_ID, Static).update(safe(Text(message, style="bold red")))
        # A file's name or a core message may hold "[…]": shown as written, never as markup.
        self.notify(safe(message, lines=False).plain, severity="error", markup=False)
