"""The interview's top line: who, which questionnaire, and the time used against the plan.

The clock counts from the session's start while it is the same sitting (a crash and a
resume within the workshop keep counting); a session reopened another day counts the time
already spent interviewing (as the summary's "Time spent" does: pauses left out) plus this
sitting, never the wall time since the start, so the days it was closed do not count.
Past the planned minutes the clock shows on the error colour. One widget drawing one line:
it redraws every second.
"""

from __future__ import annotations

import datetime as dt

from rich.text import Text
from textual import getters
from textual.content import Content
from textual.widget import Widget

from esp_wizard.session.activity import active_minutes
from esp_wizard.session.model import Session
from esp_wizard.tui.app import WizardApp
from esp_wizard.tui.format import duration, people
from esp_wizard.tui.live import LiveInterview
from esp_wizard.tui.safe import safe

SAME_SITTING = dt.timedelta(hours=12)


def sitting_start(session: Session, opened: dt.datetime) -> dt.datetime:
    """When the clock would have started had the interview run without a pause."""
    if dt.timedelta(0) <= opened - session.started < SAME_SITTING:
        return session.started
    return opened - dt.timedelta(minutes=active_minutes(session))


class InterviewHeader(Widget):
    app = getters.app(WizardApp)
    DEFAULT_CSS = """
    InterviewHeader { height: 1; background: $panel; }
    """

    def __init__(self, live: LiveInterview, opened: dt.datetime) -> None:
        super().__init__(id="interview-header")
        self.live = live
        self.start = sitting_start(live.session, opened)

    def on_mount(self) -> None:
        self.set_interval(1.0, self.refresh)

    @property
    def elapsed(self) -> str:
        seconds = (self.app.clock() - self.start).total_seconds()
        return f" {duration(seconds)} / {self.live.questionnaire.minutes} min "

    @property
    def over_time(self) -> bool:
        seconds = (self.app.clock() - self.start).total_seconds()
        return seconds > self.live.questionnaire.minutes * 60

    def render(self) -> Content:
        session = self.live.session
        clock = self.elapsed
        who = Text(" ")
        who.append(session.client, style="bold")
        who.append(f" · {people(session)} · ")
        who.append(self.live.questionnaire.title, style="italic")
        who = safe(who, lines=False)
        room = max(1, self.size.width - len(clock))
        if len(who) > room:
            who.truncate(room - 1)
            who.append("…")
        who.pad_right(room - len(who))
        style = "bold $text on $error" if self.over_time else "$text-muted"
        return Content.from_rich_text(who) + Content.styled(clock, style)
