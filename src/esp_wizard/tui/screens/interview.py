"""The live interview: one question at a time, every confirmed answer saved at once.

The screen presents the engine and nothing more: `Interview` says which question is next,
what counts and whether an answer is acceptable; `LiveInterview.save` writes the file. What
the facilitator types stays in the widget until the engine takes it, so a refused answer
is never saved and never lost, and a failed save keeps both the message and the answer.

Moving between questions swaps only the answer area, in one batched update (no flicker).
Next/Back are PageDown/PageUp and ctrl+n/ctrl+r: they work in every terminal and inside a
multi-line answer, where Enter must stay a new line; in one-line answers Enter confirms.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Label, Static

from esp_wizard.questionnaire import model as m
from esp_wizard.session.model import AnswerStatus
from esp_wizard.session.validation import AnswerError
from esp_wizard.tui.format import clock_text
from esp_wizard.tui.live import LiveInterview
from esp_wizard.tui.palette import QuestionJumpProvider
from esp_wizard.tui.screens.interview_keys import INTERVIEW_KEYS
from esp_wizard.tui.widgets.annotations import Annotations
from esp_wizard.tui.widgets.answer import AnswerWidget, Entry
from esp_wizard.tui.widgets.answer_area import AnswerArea
from esp_wizard.tui.widgets.interview_header import InterviewHeader
from esp_wizard.tui.widgets.key_bar import KeyBar, shown_keys
from esp_wizard.tui.widgets.marks import Marks
from esp_wizard.tui.widgets.progress_line import ProgressLine
from esp_wizard.tui.widgets.section_list import SectionList

HOME = "home"  # what the review screen dismisses with after completing


class InterviewScreen(Screen[None]):
    CSS_PATH = "interview.tcss"
    AUTO_FOCUS = None  # the answer widget takes focus once the first question is shown
    COMMANDS: ClassVar = {QuestionJumpProvider}
    BINDINGS: ClassVar[list[BindingType]] = INTERVIEW_KEYS

    def __init__(self, live: LiveInterview, warning: str = "") -> None:
        super().__init__()
        self.live = live
        self.interview = live.interview
        self.warning = warning
        self.question: m.Question = self._first_question()
        self._unsaved = False  # the session in memory differs from the file
        self._swapping = False  # between questions: focus changes mean nothing
        self._last_problem = ""

    def _first_question(self) -> m.Question:
        """A fresh session starts at the very top (its opening note); else where it was left."""
        session = self.interview.session
        fresh = not session.current and not session.answers
        question = None if fresh else self.interview.resume_question()
        question = question or self.interview.next_question()
        if question is None:  # pragma: no cover - a questionnaire always has a question
            raise ValueError("this questionnaire has no question to show")
        return question

    # -- layout -----------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield InterviewHeader(self.live, self.app.clock())  # type: ignore[attr-defined]
        with Horizontal(id="body"):
            yield SectionList(id="sections")
            with Vertical(id="main"):
                with Horizontal(id="progress-row"):
                    yield ProgressLine(id="progress")
                    yield Label("", id="saved")
                with VerticalScroll(id="question-scroll", can_focus=False):
                    yield Label("", id="section-title")
                    yield Static("", id="question-text")
                    yield Static("", id="question-help")
                    yield AnswerArea(self.interview.questionnaire.language, id="answer-area")
                    yield Static("", id="validation")
                yield Static("", id="save-error")
                yield Marks(id="marks")
                yield Annotations(id="annotations")
        app = self.app
        keys = shown_keys(app, [*self.BINDINGS, *app.BINDINGS])
        yield KeyBar([*keys, (app.get_key_display(Binding("ctrl+p", "")), "Palette")])

    async def on_mount(self) -> None:
        if self.warning:
            self.notify(self.warning, severity="warning", timeout=10, markup=False)
        await self._show(self.question)
        self.call_after_refresh(self._prepare_answer_widgets)

    async def _prepare_answer_widgets(self) -> None:
        area = self.query_one("#answer-area", AnswerArea)
        await area.prepare(self.interview.questionnaire.questions())
        self.app.settle_memory()  # type: ignore[attr-defined]

    # -- the question on screen ---------------------------------------------------------------
    @property
    def answer(self) -> AnswerWidget:
        current = self.query_one("#answer-area", AnswerArea).current
        assert current is not None  # set by _show before anything can ask
        return current

    @property
    def annotations(self) -> Annotations:
        return self.query_one("#annotations", Annotations)

    async def _show(self, question: m.Question) -> None:
        """Swap in the question's answer widget and texts in one update."""
        self._swapping = True
        self.question = question
        stored = self.live.answer_of(question.id)
        section = self.interview.questionnaire.section_of(question.id)
        with self.app.batch_update():
            self.annotations.load(stored)
            widget = await self.query_one("#answer-area", AnswerArea).show(question, stored)
            self.query_one("#section-title", Label).update(Text(section.title if section else ""))
            self.query_one("#question-text", Static).update(Text(question.text))
            help_text = self.query_one("#question-help", Static)
            help_text.update(Text(question.help))
            help_text.display = bool(question.help)
            self.annotations.display = question.answerable
            self._problem("")
            self._refresh_state()
            self.query_one("#question-scroll").scroll_home(animate=False)
        widget.focus_answer()
        self._swapping = False

    def _refresh_state(self) -> None:
        """Everything that an answer can change: marks, sidebar counts, progress, saved."""
        question = self.question
        self.query_one("#marks", Marks).show(question, self.live.answer_of(question.id))
        section = self.interview.questionnaire.section_of(question.id)
        self.query_one("#sections", SectionList).show(self.interview, section.id if section else "")
        progress = self.interview.progress()
        self.query_one("#progress", ProgressLine).show(progress.done, progress.total)
        self._show_saved()

    def _show_saved(self) -> None:
        saved = self.query_one("#saved", Label)
        error = self.query_one("#save-error", Static)
        if self.live.save_error:
            saved.update(Text(" NOT SAVED ", style="bold reverse"))
            message = f"Not saved: {self.live.save_error}. Your answers are kept here; "
            error.update(Text(message + "ctrl+s tries again.", style="bold"))
        elif self.live.saved_at is not None:
            saved.update(f" saved {clock_text(self.live.saved_at, self.app.tz)} ")  # type: ignore[attr-defined]
        error.display = bool(self.live.save_error)
        saved.set_class(bool(self.live.save_error), "failed")

    def _problem(self, message: str) -> None:
        self._last_problem = message
        validation = self.query_one("#validation", Static)
        validation.update(Text(message))
        validation.display = bool(message)

    # -- handing answers to the engine -----------------------------------------------------------
    def _commit(self, answer: bool = True, notes: bool = True, entry: Entry | None = None) -> bool:
        """Give the engine what was entered (`entry`, else read from the widget once);
        False, with its message shown, if it refuses."""
        question = self.question
        widget = self.answer
        entry = entry or widget.entry() if answer and question.answerable else None
        if entry is not None and widget.differs(entry):
            try:
                if entry.empty:
                    self.interview.clear(question.id)
                else:
                    self.interview.answer(question.id, entry.value, entry.other)
            except AnswerError as error:
                self._problem(str(error))
                return False
            widget.mark_saved(entry)
            self._unsaved = True
        if answer:
            self._problem("")  # what the widget holds is saved, or nothing was refused
        if notes and question.answerable:
            self._commit_notes()
        return True

    def _commit_notes(self) -> None:
        stored = self.live.answer_of(self.question.id)
        note, quote = self.annotations.values()
        if (note, quote) != ((stored.note, stored.quote) if stored else ("", "")):
            self.interview.annotate(self.question.id, note=note, quote=quote)
            self._unsaved = True

    def _save(self, redraw: bool = True) -> bool:
        """Write the session if it changed (or the last write failed)."""
        if self._unsaved or self.live.save_error:
            self._unsaved = not self.live.save()
        if redraw:
            self._refresh_state()
        return not self.live.save_error

    async def go_to(self, target: m.Question | None, entry: Entry | None = None) -> bool:
        """Leave the question (answer kept and saved) for `target`; False if refused."""
        if not self._commit(entry=entry):
            self._save()  # notes and earlier changes still go to disk
            return False
        if target is not None and target.id != self.question.id:
            self.interview.move_to(target.id)
            self._unsaved = True
        if not self._save(redraw=target is None):
            self.interview.move_to(self.question.id)  # stay with the unsaved answer in view
            self._refresh_state()
            return False
        if target is not None:
            await self._show(target)
        return True

    async def jump_to(self, question_id: str) -> None:
        """From the command palette, the review or the sidebar."""
        question = self.interview.questionnaire.question(question_id)
        if question is None or not self.interview.is_active(question_id):
            self.notify("That question is skipped by an earlier answer.", severity="warning")
            return
        await self.go_to(question)

    def flush(self) -> str:
        """Before quitting: save what can be saved; say what would be lost, if anything."""
        committed = self._commit()
        self._save()
        if not committed:
            return f"The answer on screen is not saved: {self._last_problem}"
        if self.live.save_error:
            return f"The last changes could not be saved: {self.live.save_error}"
        return ""

    # -- messages from the widgets ------------------------------------------------------------
    @on(AnswerWidget.Picked)
    def _picked(self, event: AnswerWidget.Picked) -> None:
        event.stop()
        if self._commit(notes=False, entry=event.entry):
            self._save()

    @on(AnswerWidget.Confirmed)
    async def _confirmed(self, event: AnswerWidget.Confirmed) -> None:
        event.stop()
        await self.action_next(event.entry)

    @on(Annotations.Done)
    def _notes_done(self, event: Annotations.Done) -> None:
        event.stop()
        self._commit(answer=False)
        self._save()
        self.answer.focus_answer()

    @on(SectionList.Chosen)
    async def _section_chosen(self, event: SectionList.Chosen) -> None:
        event.stop()
        section = next(s for s in self.interview.questionnaire.sections if s.id == event.section_id)
        first = next((q for q in section.questions if self.interview.is_active(q.id)), None)
        await self.go_to(first)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """Focus leaving the answer or the notes counts as moving away: keep what was typed."""
        if self._swapping or self.query_one("#answer-area", AnswerArea).current is None:
            return
        inside_answer = _within(event.widget, self.answer)
        inside_notes = _within(event.widget, self.annotations)
        if self._commit(answer=not inside_answer, notes=not inside_notes):
            self._save()

    # -- actions --------------------------------------------------------------------------------
    async def action_next(self, entry: Entry | None = None) -> None:
        """The next question as the answer just given decides (skip logic included)."""
        if not self._commit(entry=entry):
            self._save()
            return
        following = self.interview.next_question(self.question.id)
        if following is None:
            if await self.go_to(None):
                await self.action_review()
            return
        await self.go_to(following)

    async def action_previous(self) -> None:
        before = self.interview.previous_question(self.question.id)
        if before is None:
            self.notify("This is the first question.", timeout=2)
            return
        await self.go_to(before)

    def action_annotate(self) -> None:
        focused = self.focused
        note, quote = self.annotations.note, self.annotations.quote
        if not self.question.answerable:
            return
        if focused is note:
            quote.focus()
        elif focused is quote:
            self.answer.focus_answer()
        else:
            note.focus()

    def action_follow_up(self) -> None:
        question = self.question
        if not question.answerable:
            return
        stored = self.live.answer_of(question.id)
        self.interview.annotate(question.id, follow_up=not (stored and stored.follow_up))
        self._unsaved = True
        self._save()

    def action_mark(self, status: AnswerStatus) -> None:
        question = self.question
        if not question.answerable:
            return
        stored = self.live.answer_of(question.id)
        try:
            if stored is not None and stored.status == status:
                self.interview.clear(question.id)
            else:
                self.interview.mark(question.id, status)
        except AnswerError as error:
            self._problem(str(error))
            return
        self.answer.show(self.live.answer_of(question.id))
        self._problem("")
        self._unsaved = True
        self._save()

    def action_observation(self) -> None:
        from esp_wizard.tui.screens.observation import ObservationModal

        question = self.question

        def recorded(fields: dict | None) -> None:
            if fields is None:
                return
            self.live.add_observation(question.id, **fields)
            self._unsaved = True
            if self._save():
                self.notify("Observation recorded.", timeout=3)

        self.app.push_screen(ObservationModal(question.text), recorded)

    async def action_review(self) -> None:
        from esp_wizard.tui.screens.review import ReviewScreen

        if not await self.go_to(None):
            return

        async def chosen(result: str | None) -> None:
            if result == HOME:
                await self.leave()
            elif result:
                await self.jump_to(result)

        self.app.push_screen(ReviewScreen(self.live), chosen)

    def action_save(self) -> None:
        self._unsaved = True
        if self._save():
            self.notify("Saved.", timeout=2)

    async def action_escape(self) -> None:
        if self.focused is not None and not _within(self.focused, self.answer):
            self.answer.focus_answer()
            return
        await self.leave()

    async def leave(self) -> None:
        """Home: everything saved and the session's lock released."""
        if not await self.go_to(None):
            self.notify("Fix or clear the answer first (or ctrl+q to quit).", severity="warning")
            return
        if self.live.save_error:
            self.notify("Not saved: ctrl+s to try again before leaving.", severity="error")
            return
        self.live.close()
        self.app.pop_screen()

    def action_report(self) -> None:
        self.app.open_report(self.live.session)  # type: ignore[attr-defined]

    def action_export(self) -> None:
        self.app.open_export(self.live.session)  # type: ignore[attr-defined]


def _within(widget: Widget | None, ancestor: Widget) -> bool:
    node = widget
    while node is not None:
        if node is ancestor:
            return True
        node = node.parent if isinstance(node.parent, Widget) else None
    return False
