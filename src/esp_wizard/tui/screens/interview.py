"""The live interview: one question at a time, every confirmed answer saved at once.

The screen presents the engine and nothing more: `Interview` says which question is next,
what counts and whether an answer is acceptable; `LiveInterview.save` writes the file. What
the facilitator types stays in the widget until the engine takes it, so a refused answer
is never saved and never lost, and a failed save keeps both the message and the answer.

Moving between questions swaps only the answer area, in one batched update (no flicker),
and paints once: texts and marks change only when they differ, and ask for a layout only
when their size changes (see tui/paint.py); the sidebar recounts only what an answer
can change; focus moving to the next answer widget restyles that widget, not the screen.
Next/Back are PageDown/PageUp and ctrl+n/ctrl+r: they work in every terminal and inside a
multi-line answer, where Enter must stay a new line; in one-line answers Enter confirms.
"""

from __future__ import annotations

import asyncio
import contextlib
from typing import Any, ClassVar

from rich.text import Text
from textual import events, getters, on
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.reactive import Reactive
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Input, Label, Static

from esp_wizard.i18n import _
from esp_wizard.questionnaire import model as m
from esp_wizard.questionnaire.causes import Cause, known_causes
from esp_wizard.questionnaire.kinds import Question
from esp_wizard.questionnaire.prose import reflow
from esp_wizard.session.controller import SKIPPED
from esp_wizard.session.model import AnswerStatus
from esp_wizard.tui.app import WizardApp
from esp_wizard.tui.format import clock_text
from esp_wizard.tui.fresh_map import keep_fresh
from esp_wizard.tui.live import LiveInterview
from esp_wizard.tui.paint import replace, show
from esp_wizard.tui.palette import QuestionJumpProvider
from esp_wizard.tui.safe import safe
from esp_wizard.tui.screens.interview_keys import INTERVIEW_KEYS
from esp_wizard.tui.widgets.annotations import Annotations
from esp_wizard.tui.widgets.answer import AnswerWidget, Entry
from esp_wizard.tui.widgets.answer_area import AnswerArea
from esp_wizard.tui.widgets.backdrop import BackdropHorizontal, BackdropScroll, BackdropVertical
from esp_wizard.tui.widgets.flat import FlatLabel, FlatStatic
from esp_wizard.tui.widgets.interview_header import InterviewHeader
from esp_wizard.tui.widgets.key_bar import KeyBar, shown_keys
from esp_wizard.tui.widgets.marks import Marks
from esp_wizard.tui.widgets.progress_line import ProgressLine
from esp_wizard.tui.widgets.section_list import SectionList

NOTE_SAVE_DELAY = 0.8  # seconds after the last key in the note or quote
HOME = "home"  # what the review screen dismisses with after completing
TYPED_AHEAD_WAIT = 2.0  # seconds, at most, for the focused input to take keys typed before a move


class InterviewScreen(Screen[None]):
    app = getters.app(WizardApp)  # typed access to the app's own actions
    CSS_PATH = "interview.tcss"
    AUTO_FOCUS = None  # the answer widget takes focus once the first question is shown
    COMMANDS: ClassVar = {QuestionJumpProvider}
    BINDINGS: ClassVar[list[BindingType]] = INTERVIEW_KEYS
    # Focus moves to another answer widget at nearly every question: the widgets that gain
    # and lose it repaint themselves; repainting the whole screen too doubled every frame.
    focused: Reactive[Widget | None] = Reactive(None, repaint=False)

    def __init__(self, live: LiveInterview, warning: str = "") -> None:
        super().__init__()
        self.live = live
        self.interview = live.interview
        self.warning = warning
        self.question: Question = self._first_question()
        self._swapping = False  # between questions: focus changes mean nothing
        self._last_problem = ""
        self._notes_timer: Timer | None = None
        keep_fresh(self)  # a swap of answer widget: one arrangement, not two (see fresh_map)

    def _first_question(self) -> Question:
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
        yield InterviewHeader(self.live, self.app.clock())
        with BackdropHorizontal(id="body"):
            yield SectionList(id="sections")
            with BackdropVertical(id="main"):
                with BackdropHorizontal(id="progress-row"):
                    yield ProgressLine(id="progress")
                    yield FlatLabel("", id="saved")
                with BackdropScroll(id="question-scroll", can_focus=False):
                    yield FlatLabel("", id="section-title")
                    yield FlatStatic("", id="section-intro")
                    yield FlatStatic("", id="question-text")
                    yield FlatStatic("", id="question-help")
                    yield AnswerArea(self.interview.questionnaire.language, id="answer-area")
                    yield FlatStatic("", id="validation")
                yield FlatStatic("", id="save-error")
                yield Marks(id="marks")
                yield Annotations(id="annotations")
        app = self.app
        keys = shown_keys(app, [*self.BINDINGS, *app.BINDINGS])
        yield KeyBar([*keys, (app.get_key_display(Binding("ctrl+p", "")), _("Palette"))])

    async def on_mount(self) -> None:
        if self.warning:
            self.notify(self.warning, severity="warning", timeout=10, markup=False)
        await self._show(self.question)
        self.app.after_first_paint(self._prepare_answer_widgets)  # off the first frame

    async def _prepare_answer_widgets(self) -> None:
        area = self.query_one("#answer-area", AnswerArea)
        await area.prepare(self.interview.questionnaire.questions())
        self.app.settle_memory()

    def on_screen_resume(self) -> None:
        """Back from the review or a modal: count every section again at the next change."""
        self.query_one("#sections", SectionList).forget()

    # -- the question on screen ---------------------------------------------------------------
    @property
    def answer(self) -> AnswerWidget:
        current = self.query_one("#answer-area", AnswerArea).current
        assert current is not None  # set by _show before anything can ask
        return current

    @property
    def annotations(self) -> Annotations:
        return self.query_one("#annotations", Annotations)

    async def _show(self, question: Question) -> None:
        """Swap in the question's answer widget and texts in one update (one frame)."""
        self._swapping = True
        self.question = question
        stored = self.live.answer_of(question.id)
        section = self.interview.questionnaire.section_of(question.id)
        with self.app.batch_update():
            self.annotations.load(stored)
            widget = await self.query_one("#answer-area", AnswerArea).show(question, stored)
            title = self.query_one("#section-title", Label)
            replace(title, safe(section.title if section else "", lines=False))
            intro = self.query_one("#section-intro", Static)
            intro_text = self._intro(question, section)
            replace(intro, safe(intro_text))
            show(intro, bool(intro_text))
            replace(self.query_one("#question-text", Static), safe(question.text))
            help_text = self.query_one("#question-help", Static)
            replace(help_text, safe(reflow(question.help)))
            show(help_text, bool(question.help))
            show(self.annotations, question.answerable)
            self._problem("")
            self._refresh_state()
            scroll = self.query_one("#question-scroll", VerticalScroll)
            if scroll.scroll_offset.y:
                scroll.scroll_home(animate=False)
            widget.focus_answer()
            self.app.call_later(widget.freshen)  # after the focus moves (queued the same way)
        self._swapping = False

    def _intro(self, question: Question, section: m.Section | None) -> str:
        """At the first question: the questionnaire's description; at a section's first
        question: the section's intro (what the facilitator reads aloud)."""
        parts = []
        first_active = self.interview.next_question()
        if first_active is not None and first_active.id == question.id:
            parts.append(self.interview.questionnaire.description)
        if section is not None:
            first = next((q for q in section.questions if self.interview.is_active(q.id)), None)
            if first is not None and first.id == question.id:
                parts.append(section.intro)
        return "\n\n".join(reflow(part) for part in parts if part.strip())

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
            replace(saved, Text(" " + _("NOT SAVED "), style="bold reverse"))
            message = _("Not saved: {error}. Your answers are kept here; ctrl+s tries again.")
            replace(error, safe(message.format(error=self.live.save_error), "bold"))
        elif self.live.saved_at is not None:
            at = clock_text(self.live.saved_at, self.app.tz)
            replace(saved, " " + _("saved {at}").format(at=at) + " ")
        show(error, bool(self.live.save_error))
        saved.set_class(bool(self.live.save_error), "failed")

    def _problem(self, message: str) -> None:
        self._last_problem = message
        validation = self.query_one("#validation", Static)
        replace(validation, safe(message))
        show(validation, bool(message))

    # -- handing answers to the engine -----------------------------------------------------------
    def _commit(self, answer: bool = True, notes: bool = True, entry: Entry | None = None) -> bool:
        """Give the controller what was entered (`entry`, else read from the widget once);
        False, with the engine's message shown, if it refuses. Written by the caller's batch."""
        question = self.question
        if answer and question.answerable:
            widget = self.answer
            entry = entry or widget.entry()
            if widget.differs(entry):
                outcome = self.live.answer(question.id, entry.value, entry.other)
                if outcome.refused:
                    self._problem(outcome.refused)
                    return False
                widget.mark_saved(entry)
        if answer:
            self._problem("")  # what the widget holds is saved, or nothing was refused
        if notes and question.answerable:
            note, quote = self.annotations.values()
            self.live.annotate(question.id, note, quote)
        return True

    async def take_typed_ahead(self) -> None:
        """Let the focused input take the keys typed just before a move.

        The interview's keys are priority bindings: ctrl+n runs at once, while keys typed
        just before it (a fast typist, or keys queued while a busy machine was drawing) still
        wait in the focused input's own queue; the move would save the answer without them
        and they would land in the next question's widget. A callback queued behind them
        runs once they are in (quitting waits for it too: WizardApp.action_quit)."""
        focused = self.focused
        if focused is None or not focused.is_attached:
            return
        taken = asyncio.get_running_loop().create_future()

        def mark() -> None:
            if not taken.done():
                taken.set_result(None)

        if focused.call_later(mark):
            with contextlib.suppress(TimeoutError):  # closed meanwhile: nothing more comes
                await asyncio.wait_for(taken, TYPED_AHEAD_WAIT)

    async def go_to(self, target: Question | None, entry: Entry | None = None) -> bool:
        """Leave the question (answer kept and saved) for `target`; False if refused."""
        if entry is None:
            await self.take_typed_ahead()
        with self.live.batch():  # one write; notes and earlier changes go even when refused
            committed = self._commit(entry=entry)
            if committed and target is not None:
                self.live.move_to(target.id)
        return await self._arrive(committed, target)

    async def _arrive(self, committed: bool, target: Question | None) -> bool:
        """After a move's one write: show `target`, or stay with the message in view."""
        self.app.collect_after_paint()  # the garbage of the move: after its frame
        if committed and self.live.save_error:
            self.interview.move_to(self.question.id)  # stay with the unsaved answer in view
        if not committed or self.live.save_error:
            self._refresh_state()
            return False
        if target is None:
            self._refresh_state()
        else:
            await self._show(target)
        return True

    async def jump_to(self, question_id: str) -> None:
        """From the command palette, the review or the sidebar."""
        target = self.live.target(question_id)
        if target is None:
            self.notify(_(SKIPPED), severity="warning")
            return
        await self.go_to(target)

    def flush(self) -> str:
        """Before quitting: save what can be saved; say what would be lost, if anything."""
        with self.live.batch():
            committed = self._commit()
        self._refresh_state()
        if not committed:
            return _("The answer on screen is not saved: {problem}").format(
                problem=self._last_problem
            )
        if self.live.save_error:
            error = self.live.save_error
            return _("The last changes could not be saved: {error}").format(error=error)
        return ""

    # -- messages from the widgets ------------------------------------------------------------
    @on(AnswerWidget.Picked)
    def _picked(self, event: AnswerWidget.Picked) -> None:
        event.stop()
        if event.question_id != self.question.id:
            return  # picked just before a move, which saved it: not for the question shown now
        with self.live.batch():
            self._commit(notes=False, entry=event.entry)
        self._refresh_state()

    @on(AnswerWidget.Confirmed)
    async def _confirmed(self, event: AnswerWidget.Confirmed) -> None:
        event.stop()
        if event.question_id != self.question.id:
            return  # confirmed just before a move typed behind it: that move saved it
        await self.action_next(event.entry)

    @on(Annotations.Done)
    def _notes_done(self, event: Annotations.Done) -> None:
        event.stop()
        if self.question.answerable:
            self.live.annotate(self.question.id, event.note, event.quote)
        self._refresh_state()
        self.answer.focus_answer()

    @on(SectionList.Chosen)
    async def _section_chosen(self, event: SectionList.Chosen) -> None:
        event.stop()
        section = next(s for s in self.interview.questionnaire.sections if s.id == event.section_id)
        first = next((q for q in section.questions if self.interview.is_active(q.id)), None)
        await self.go_to(first)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """Focus leaving the answer counts as moving away: keep what was typed. The note and
        the quote are kept at every move of focus (ctrl+t from the note to the quote too)."""
        if self._swapping or self.query_one("#answer-area", AnswerArea).current is None:
            return
        inside_answer = _within(event.widget, self.answer)
        with self.live.batch():
            committed = self._commit(answer=not inside_answer, notes=True)
        if committed:
            self._refresh_state()

    @on(Annotations.Changed)
    def _notes_typed(self, event: Annotations.Changed) -> None:
        """A note is evidence: saved a moment after the typing stops, not only on leaving."""
        event.stop()
        if self._notes_timer is not None:
            self._notes_timer.stop()
        self._notes_timer = self.set_timer(NOTE_SAVE_DELAY, self._save_notes)

    def _save_notes(self) -> None:
        self._notes_timer = None
        if self._swapping or not self.question.answerable:
            return
        note, quote = self.annotations.values()
        self.live.annotate(self.question.id, note, quote)
        self._show_saved()

    # -- actions --------------------------------------------------------------------------------
    async def action_next(self, entry: Entry | None = None) -> None:
        """The next question as the answer just given decides (skip logic included)."""
        if entry is None:
            await self.take_typed_ahead()
        with self.live.batch():  # the answer and the move: one write
            committed = self._commit(entry=entry)
            following = self.live.next(self.question.id) if committed else None
            if following is not None:
                self.live.move_to(following.id)
        if await self._arrive(committed, following) and following is None:
            await self.action_review()

    async def action_confirm_line(self) -> None:
        """Enter in the answer's one-line input (a text, number or date, or an "other"):
        confirm and move on, as ctrl+n. Elsewhere (a list, a text area, the note) Enter is
        the widget's own."""
        focused = self.focused
        current = self.query_one("#answer-area", AnswerArea).current
        if current is None or not (isinstance(focused, Input) and _within(focused, current)):
            raise SkipAction()
        await self.action_next()

    async def action_previous(self) -> None:
        before = self.live.back(self.question.id)
        if before is None:
            self.notify(_("This is the first question."), timeout=2)
            return
        await self.go_to(before)

    def action_scroll_question(self, direction: int) -> None:
        """Half the question's column up or down; the answer keeps the focus, so typing goes
        on where it was."""
        scroll = self.query_one("#question-scroll", VerticalScroll)
        step = max(1, scroll.scrollable_content_region.height // 2)
        scroll.scroll_relative(y=direction * step, animate=False)

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
        if self.question.answerable:
            self.live.flag(self.question.id)
            self._refresh_state()

    def action_mark(self, status: AnswerStatus) -> None:
        question = self.question
        if not question.answerable:
            return
        outcome = self.live.mark(question.id, status, toggle=True)
        if outcome.refused:
            self._problem(outcome.refused)
            return
        self.answer.show(self.live.answer_of(question.id))
        self._problem("")
        self._refresh_state()

    def action_observation(self) -> None:
        from esp_wizard.tui.screens.observation import ObservationModal

        question = self.question

        def recorded(fields: dict[str, Any] | None) -> None:
            if fields is None:
                return
            _observation, outcome = self.live.observation(question.id, **fields)
            self._refresh_state()
            if outcome.ok:
                self.notify(_("Observation recorded."), timeout=3)

        self.app.push_screen(ObservationModal(question.text, self._causes), recorded)

    def _causes(self) -> list[Cause]:
        """The causes an observation may join (run in a worker: the catalogue may load)."""
        own = self.live.questionnaire
        return known_causes([own, *self.app.catalog().questionnaires()], own.language)

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
        outcome = self.live.save(force=True)
        self._refresh_state()
        if outcome.ok:
            self.notify(_("Saved."), timeout=2)

    async def action_escape(self) -> None:
        if self.focused is not None and not _within(self.focused, self.answer):
            self.answer.focus_answer()
            return
        await self.leave()

    async def leave(self) -> None:
        """Home: everything saved and the session's lock released."""
        if not await self.go_to(None):
            self.notify(_("Fix or clear the answer first (or ctrl+q to quit)."), severity="warning")
            return
        if self.live.save_error:
            self.notify(_("Not saved: ctrl+s to try again before leaving."), severity="error")
            return
        self.live.close()
        self.app.pop_screen()

    def action_report(self) -> None:
        self.app.open_report(self.live.session)

    def action_export(self) -> None:
        self.app.open_export(self.live.session)


def _within(widget: Widget | None, ancestor: Widget) -> bool:
    node = widget
    while node is not None:
        if node is ancestor:
            return True
        node = node.parent if isinstance(node.parent, Widget) else None
    return False
