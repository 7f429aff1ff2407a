"""The interview controller: every action a facilitator takes during an interview, once,
for both faces. The TUI and `ask` only present; they call these and show the `Outcome`.

Each action changes the session through `Interview` (which decides what is valid) and
writes the file at once, atomically, through the store. A refused action changes nothing
and says why (`Outcome.refused`); a failed write keeps the change in memory, is remembered
(`save_error`) rather than raised, and is tried again with the next change or `save()`.
`batch()` groups several changes into one write (answer, notes and moving on).
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from esp_wizard.errors import UserError
from esp_wizard.i18n import N_, _
from esp_wizard.questionnaire import model as m
from esp_wizard.questionnaire.kinds import Question, is_empty
from esp_wizard.questionnaire.kinds.base import AnswerError
from esp_wizard.session.interview import Interview
from esp_wizard.session.model import Answer, AnswerStatus, Observation, Session, utc_now
from esp_wizard.session.store import SessionStore

Clock = Callable[[], dt.datetime]
# Marked here, translated where it is shown (`_(SKIPPED)`).
SKIPPED = N_("That question is skipped by an earlier answer.")


@dataclass(frozen=True)
class Outcome:
    """What one action did: whether it changed the session, and whether the file has it."""

    changed: bool = False  # the session in memory changed
    refused: str = ""  # the engine's reason when it refused (then nothing changed)
    save_error: str = ""  # why the file could not be written (the change is kept in memory)

    @property
    def ok(self) -> bool:
        return not self.refused and not self.save_error

    def __bool__(self) -> bool:
        """True when the action went through and the file holds it (`if controller.save():`)."""
        return self.ok


class InterviewController:
    def __init__(self, interview: Interview, store: SessionStore, clock: Clock = utc_now) -> None:
        self.interview = interview
        self.store = store
        self.clock = clock
        self.saved_at: dt.datetime | None = None
        self.save_error = ""  # why the last save failed; "" once a save succeeds
        self._unsaved = False  # the session in memory differs from the file
        self._moved = False  # only the question on screen differs from the file
        self._batch = 0
        self._failure: UserError | OSError | None = None
        # What a don't know / n/a replaced, per question: pressing it again brings it back.
        self._before_mark: dict[str, Answer | None] = {}

    @property
    def session(self) -> Session:
        return self.interview.session

    @property
    def questionnaire(self) -> m.Questionnaire:
        return self.interview.questionnaire

    def answer_of(self, question_id: str) -> Answer | None:
        return self.session.answers.get(question_id)

    # -- writing ---------------------------------------------------------------------------
    def save(self, force: bool = False) -> Outcome:
        """Write the session if it changed (or the last write failed, or `force`).

        Moving alone is no change: it is written (for a resume to return there) without
        moving `updated`, and not at all in a completed session, so paging through one
        leaves its file byte-identical and its time spent as it was."""
        content = force or self._unsaved or bool(self.save_error)
        if not content and not (self._moved and self.session.status != "completed"):
            return Outcome()
        when = utc_now() if content else self.session.updated
        try:
            self.store.save(self.session, updated=when, progress=self._counted(when))
        except (UserError, OSError) as error:  # SessionSaveError, SessionLocked, SessionNotOpen
            self.save_error = str(error)
            self._failure = error
            return Outcome(changed=True, save_error=self.save_error)
        self.saved_at = self.clock()
        self.save_error = ""
        self._failure = None
        self._unsaved = self._moved = False
        return Outcome(changed=True)

    def _counted(self, when: dt.datetime) -> tuple[int, int]:
        """Progress as the listings show it, for the file (`today` in a condition is the
        day of the session's last change: counted afresh when the save moves it)."""
        interview = self.interview
        if when.date() != self.session.updated.date():
            interview = Interview(self.questionnaire, self.session, when.date())
        progress = interview.progress()
        return progress.done, progress.total

    def require_saved(self) -> None:
        """For a face that stops when the disk refuses (ask): raise the last write's error."""
        if self._failure is not None:
            raise self._failure

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Several changes, one write when the outermost batch ends."""
        self._batch += 1
        try:
            yield
        finally:
            self._batch -= 1
            if not self._batch:
                self.save()

    def _changed(self) -> Outcome:
        self._unsaved = True
        if self._batch:
            return Outcome(changed=True)
        return self.save()

    def _refused(self, action: Callable[[], object]) -> str:
        """Run `action`; the engine's message if it refused, else ""."""
        try:
            action()
        except AnswerError as error:
            return str(error)
        return ""

    # -- answers ---------------------------------------------------------------------------
    def answer(self, question_id: str, value: Any, other: str = "") -> Outcome:
        """Record an answer (an empty one clears what was answered); saved at once."""
        if is_empty(value):
            return self.clear(question_id)
        refused = self._refused(lambda: self.interview.answer(question_id, value, other))
        if refused:
            return Outcome(refused=refused)
        self._before_mark.pop(question_id, None)
        return self._changed()

    def clear(self, question_id: str) -> Outcome:
        """Forget an answered value (notes, quote and flag stay); a don't know stays."""
        stored = self.answer_of(question_id)
        if stored is None or stored.status != "answered" or is_empty(stored.value):
            return Outcome()
        self.interview.clear(question_id)
        self._before_mark.pop(question_id, None)
        return self._changed()

    def dont_know(self, question_id: str, toggle: bool = False) -> Outcome:
        return self.mark(question_id, "dont_know", toggle)

    def not_applicable(self, question_id: str, toggle: bool = False) -> Outcome:
        return self.mark(question_id, "not_applicable", toggle)

    def mark(self, question_id: str, status: AnswerStatus, toggle: bool = False) -> Outcome:
        """Don't know / not applicable instead of an answer; with `toggle`, again undoes it,
        bringing back the answer it replaced (in this sitting), else leaving it open."""
        stored = self.answer_of(question_id)
        if toggle and stored is not None and stored.status == status:
            self._undo_mark(question_id)
            return self._changed()
        refused = self._refused(lambda: self.interview.mark(question_id, status))
        if refused:
            return Outcome(refused=refused)
        if stored is None or stored.status == "answered":
            self._before_mark[question_id] = stored
        return self._changed()

    def _undo_mark(self, question_id: str) -> None:
        before = self._before_mark.pop(question_id, None)
        if before is None or is_empty(before.value):
            self.interview.clear(question_id)
            return
        refused = self._refused(
            lambda: self.interview.answer(question_id, before.value, before.other)
        )
        if refused:  # the questionnaire changed under it: leave the question open
            self.interview.clear(question_id)

    # -- notes, quote, flag, observation ---------------------------------------------------
    def note(self, question_id: str, text: str) -> Outcome:
        return self._annotate(question_id, note=text.strip())

    def quote(self, question_id: str, text: str) -> Outcome:
        return self._annotate(question_id, quote=text.strip())

    def annotate(self, question_id: str, note: str, quote: str) -> Outcome:
        """Both at once (the TUI edits them side by side)."""
        return self._annotate(question_id, note=note.strip(), quote=quote.strip())

    def _annotate(self, question_id: str, **texts: str) -> Outcome:
        stored = self.answer_of(question_id)
        now = {name: getattr(stored, name) if stored else "" for name in texts}
        if now == texts:
            return Outcome()
        self.interview.annotate(question_id, **texts)
        return self._changed()

    def flag(self, question_id: str) -> Outcome:
        """Flag the question for follow-up, or remove the flag."""
        stored = self.answer_of(question_id)
        self.interview.annotate(question_id, follow_up=not (stored and stored.follow_up))
        return self._changed()

    def flagged(self, question_id: str) -> bool:
        stored = self.answer_of(question_id)
        return bool(stored and stored.follow_up)

    def observation(self, question_id: str, **fields: Any) -> tuple[Observation, Outcome]:
        """The facilitator's own finding, linked to the question; its id is made here."""
        observation = Observation(id=self._observation_id(), question=question_id, **fields)
        self.session.observations.append(observation)
        return observation, self._changed()

    def _observation_id(self) -> str:
        """Unique in the session and across laptops: sessions are merged, ids must not clash."""
        taken = {o.id for o in self.session.observations}
        while (candidate := f"obs-{secrets.token_hex(4)}") in taken:
            pass
        return candidate

    # -- moving ----------------------------------------------------------------------------
    def next(self, question_id: str | None) -> Question | None:
        """The next active question, as the answers given so far decide."""
        return self.interview.next_question(question_id)

    def back(self, question_id: str, skip_notes: bool = False) -> Question | None:
        """The previous active question (with `skip_notes`, the previous one to answer)."""
        previous = self.interview.previous_question(question_id)
        while skip_notes and previous is not None and not previous.answerable:
            previous = self.interview.previous_question(previous.id)
        return previous

    def move_to(self, question_id: str) -> Outcome:
        """Remember where the interview is, so a resume returns to this very question."""
        if self.session.current == question_id:
            return Outcome()
        self.interview.move_to(question_id)
        self._moved = True
        return Outcome(changed=True) if self._batch else self.save()

    def target(self, question_id: str) -> Question | None:
        """The question to jump to, None when there is none or skip logic hides it."""
        question = self.questionnaire.question(question_id)
        return question if question is not None and self.interview.is_active(question_id) else None

    def jump(self, question_id: str) -> tuple[Question | None, Outcome]:
        """Any active question (from a list or the review); refused if skip logic hides it."""
        question = self.target(question_id)
        if question is None:
            return None, Outcome(refused=_(SKIPPED))
        return question, self.move_to(question_id)

    def complete(self) -> Outcome:
        """Mark the interview completed (it stays editable); saved at once. A completion the
        file cannot hold is taken back: the faces never show a session completed that its
        file says is in progress."""
        if self.session.status == "completed":
            return self.save()  # a write that failed earlier is tried again
        self.session.status = "completed"
        outcome = self._changed()
        if outcome.save_error:
            self.session.status = "in_progress"
        return outcome

    def reopen(self) -> Outcome:
        """Take a completed interview back to in progress, to go on with it; saved at once."""
        if self.session.status != "completed":
            return Outcome()
        self.session.status = "in_progress"
        return self._changed()

    def close(self) -> None:
        """Release the session's lock (after the last save)."""
        self.store.close(self.session)
