"""Review: every active question with its answer; Enter goes back to one; complete from here.

Required questions left open and answers flagged for follow-up stand out, because they
are what the facilitator must settle before the client leaves the room. Completing asks
first when required questions are open, then shows the findings the session raised.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Static

from esp_wizard.i18n import N_, Labels, _, ngettext
from esp_wizard.questionnaire.kinds import Question
from esp_wizard.session.interview import Interview
from esp_wizard.tui.live import LiveInterview
from esp_wizard.tui.safe import safe
from esp_wizard.tui.widgets.key_bar import KeyFooter

HOME = "home"
FLAGS_WIDTH = 12
STATUS_TEXT = Labels({"dont_know": N_("don't know"), "not_applicable": N_("not applicable")})


class ReviewTable(DataTable):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", N_("Go to question"), id="review.go"),
    ]


class ReviewScreen(Screen[str | None]):
    CSS_PATH = "review.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "c",
            "complete",
            N_("Complete interview"),
            id="review.complete",
            tooltip=N_("Mark the session completed and see the findings it raised"),
        ),
        Binding(
            "escape",
            "back",
            N_("Back"),
            id="review.back",
            tooltip=N_("Back to the question you were on"),
        ),
    ]

    def __init__(self, live: LiveInterview) -> None:
        super().__init__()
        self.live = live
        self.interview = live.interview
        self._ids: list[str] = []

    def compose(self) -> ComposeResult:
        yield Static(safe(self._summary()), id="review-summary")
        yield ReviewTable(cursor_type="row", zebra_stripes=True, id="review-table")
        yield Static(safe(self._problem_text()), id="review-problem")
        yield KeyFooter()

    def on_mount(self) -> None:
        self._fill()
        self._show_problem()
        current = self.live.session.current
        table = self.query_one("#review-table", ReviewTable)
        if current in self._ids:
            table.move_cursor(row=self._ids.index(current))
        table.focus()

    def on_resize(self) -> None:
        self._fill()

    def _fill(self) -> None:
        """The columns share the width: no sideways scrolling, long texts end in "…"."""
        table = self.query_one("#review-table", ReviewTable)
        room = max(40, self.size.width - 2 * 4 - 2 - len("##") - FLAGS_WIDTH)
        widths = (3, room * 11 // 20, room - room * 11 // 20, FLAGS_WIDTH)
        cursor = table.cursor_row
        table.clear(columns=True)
        for title, width in zip(("#", _("Question"), _("Answer"), ""), widths, strict=True):
            table.add_column(title, width=width)
        open_required = {q.id for q in self.interview.unanswered_required()}
        answerable = [q for q in self.interview.active_questions() if q.answerable]
        self._ids = [q.id for q in answerable]
        for number, question in enumerate(answerable, start=1):
            cells = review_cells(self.interview, question, question.id in open_required)
            clipped = [
                _clip(safe(cell), width) for cell, width in zip(cells, widths[1:], strict=True)
            ]
            table.add_row(Text(str(number), style="dim"), *clipped, key=question.id)
        if answerable:
            table.move_cursor(row=min(max(cursor, 0), len(answerable) - 1))

    def _summary(self) -> Text:
        interview = self.interview
        progress = interview.progress()
        open_required = len(interview.unanswered_required())
        follow_ups = len(interview.follow_ups())
        observations = len(interview.session.observations)
        text = Text()
        text.append(
            _("Review · {title}\n").format(title=interview.questionnaire.title), style="bold"
        )
        text.append(
            _("{done} of {total} answered").format(done=progress.done, total=progress.total)
        )
        text.append(
            " "
            + ngettext(
                "· {open_required} required open", "· {open_required} required open", open_required
            ).format(open_required=open_required),
            style="bold" if open_required else "",
        )
        text.append(
            " "
            + _("· {follow_ups} to follow up (⚑) · {observations} observations").format(
                follow_ups=follow_ups, observations=observations
            )
        )
        if interview.session.status == "completed":
            text.append(" " + _("· completed"), style="bold")
        return text

    def _problem_text(self) -> Text:
        return Text(
            self.live.save_error and _("Not saved: {error}").format(error=self.live.save_error),
            style="bold",
        )

    def _show_problem(self) -> None:
        problem = self.query_one("#review-problem", Static)
        problem.update(safe(self._problem_text()))
        problem.display = bool(self.live.save_error)

    @on(DataTable.RowSelected, "#review-table")
    def _go(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.dismiss(str(event.row_key.value))

    def action_back(self) -> None:
        self.dismiss(None)

    def action_complete(self) -> None:
        from esp_wizard.tui.screens.confirm import ConfirmModal

        open_required = self.interview.unanswered_required()
        if not open_required:
            self._complete()
            return
        names = "; ".join(q.text for q in open_required[:3])
        more = (
            " " + _("and {count} more").format(count=len(open_required) - 3)
            if len(open_required) > 3
            else ""
        )
        count = len(open_required)
        ask = ConfirmModal(
            ngettext(
                "{count} required question is unanswered",
                "{count} required questions are unanswered",
                count,
            ).format(count=count),
            _("{names}{more}.\n\nComplete the interview anyway?").format(names=names, more=more),
            yes=_("Complete"),
            no=_("Not yet"),
        )
        self.app.push_screen(ask, lambda yes: self._complete() if yes else None)

    def _complete(self) -> None:
        from esp_wizard.tui.screens.completed import CompletedModal

        session = self.live.session
        if not self.live.complete():  # not saved: still in progress
            self._show_problem()
            self.notify(
                _("Not completed: {save_error}").format(save_error=self.live.save_error),
                severity="error",
                markup=False,
            )
            return
        findings = self.interview.fired_findings()
        self.app.push_screen(
            CompletedModal(findings, len(session.observations)), lambda _: self.dismiss(HOME)
        )


def review_cells(interview: Interview, question: Question, required_open: bool) -> list[Text]:
    answer = interview.session.answers.get(question.id)
    if answer is not None and answer.status in STATUS_TEXT:
        shown = Text(STATUS_TEXT[answer.status], style="italic")
    elif interview.is_done(question.id) and answer is not None:
        shown = Text(interview.display(question, answer.value, answer.other))
    else:
        shown = Text("—", style="dim")
    flags = Text()
    if required_open:
        flags.append(_("required "), style="bold red")
    if answer is not None and answer.follow_up:
        flags.append("⚑ ", style="bold yellow")
    if answer is not None and (answer.note or answer.quote):
        flags.append("✎", style="dim")
    style = "bold red" if required_open else ""
    return [Text(question.text, style=style), shown, flags]


def _clip(text: Text, width: int) -> Text:
    """One line, ending in "…" when it is longer than its column."""
    text = text.copy()
    if "\n" in text.plain:  # a long answer's lines, joined
        text = Text(" ".join(text.plain.split()), style=text.style)
    text.no_wrap = True
    if len(text) > width:
        text.truncate(width - 1)
        text.append("…")
    return text
