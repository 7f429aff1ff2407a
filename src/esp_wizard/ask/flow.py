"""The interview loop: show a question, ask it with its type's prompt, act on the reply.

The core decides everything: the next question (`Interview.next_question`, skip logic
included), whether an answer is valid (`Interview.answer` raising AnswerError), progress.
Every change is saved the moment it is made (`SessionStore.save`, atomic), and so is the
question on screen, so ctrl+c or a closed terminal loses nothing and a resume, in either
mode, returns to the very question.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from esp_wizard import i18n
from esp_wizard.ask import specials as sp
from esp_wizard.ask.observation import ask_observation
from esp_wizard.ask.progress import progress_line, section_heading
from esp_wizard.ask.prompter import Prompter
from esp_wizard.ask.prompts import AskContext, prompt_for
from esp_wizard.ask.replies import Answered, Reply, Unchanged
from esp_wizard.i18n import _
from esp_wizard.questionnaire.catalog import load_catalog
from esp_wizard.questionnaire.causes import Cause, known_causes
from esp_wizard.questionnaire.kinds import Question, is_empty
from esp_wizard.questionnaire.kinds.base import AnswerError
from esp_wizard.questionnaire.kinds.inventory import InventoryQuestion
from esp_wizard.questionnaire.prose import reflow
from esp_wizard.session.controller import SKIPPED, InterviewController, Outcome
from esp_wizard.session.interview import Interview
from esp_wizard.session.model import Answer, AnswerStatus, Session
from esp_wizard.session.store import SessionStore

STATUS_TEXT = i18n.Labels(
    {"dont_know": i18n.N_("don't know"), "not_applicable": i18n.N_("not applicable")}
)
Step = Callable[[Question], "Question | None"]


class InterviewRun:
    def __init__(self, interview: Interview, store: SessionStore, prompter: Prompter) -> None:
        self.interview = interview
        self.control = InterviewController(interview, store)
        self.prompter = prompter
        self._causes: list[Cause] | None = None  # loaded at the first observation
        self._shown: str | None = None  # the question last introduced
        self._section: str | None = None

    @property
    def session(self) -> Session:
        return self.interview.session

    def run(self, start: Question | None) -> bool:
        """Ask from `start` to the end; False when stopped with :stop."""
        question = start
        while question is not None:
            with i18n.use(self.interview.questionnaire.language):  # the question's words
                self._present(question)
                reply = prompt_for(question).ask(question, self._context(question))
                if reply is sp.STOP:
                    return False
                question = self._after(question, reply)
        return True

    # -- showing -------------------------------------------------------------------------
    def _present(self, question: Question) -> None:
        self._saved(self.control.move_to(question.id))
        if self._shown == question.id:
            return
        self._shown = question.id
        section = self.interview.questionnaire.section_of(question.id)
        if section is not None and section.id != self._section:
            self._section = section.id
            for line in section_heading(self.interview, section):
                self.prompter.say(line)
        required = " " + i18n._("required") if question.required and question.answerable else ""
        self.prompter.say("")
        self.prompter.say(f"[{progress_line(self.interview, question)}]{required}")
        if question.help:
            self.prompter.say("  " + i18n._("Help:") + f" {reflow(question.help)}")
        for line in self._status_lines(self.session.answers.get(question.id)):
            self.prompter.say(line)

    def _status_lines(self, answer: Answer | None) -> list[str]:
        if answer is None:
            return []
        lines = []
        if answer.status in STATUS_TEXT:
            lines.append("  " + i18n._("Recorded:") + f" {STATUS_TEXT[answer.status]}")
        if answer.note:
            lines.append("  " + i18n._("Your note:") + f" {answer.note}")
        if answer.quote:
            lines.append("  " + i18n._("Quote:") + f" “{answer.quote}”")
        if answer.follow_up:
            lines.append("  " + i18n._("Flagged for follow-up"))
        return lines

    def _context(self, question: Question) -> AskContext:
        answer = self.session.answers.get(question.id)
        value = answer.value if answer is not None and answer.status == "answered" else None
        commit = None
        if isinstance(question, InventoryQuestion):
            commit = lambda rows: self._commit(question.id, rows)  # noqa: E731
        return AskContext(
            prompter=self.prompter,
            specials=sp.offered(question.allow_unknown),
            value=value,
            other=answer.other if answer is not None else "",
            display=lambda q, value: self.interview.display(q, value, terse=True),
            commit=commit,
        )

    # -- acting --------------------------------------------------------------------------
    def _saved(self, outcome: Outcome) -> Outcome:
        """ask stops when the disk refuses: the error ends the run with one line."""
        if outcome.save_error:
            self.control.require_saved()
        return outcome

    def _after(self, question: Question, reply: Reply) -> Question | None:
        if isinstance(reply, Answered):
            return self._next(question) if self._record(question, reply) else question
        if isinstance(reply, Unchanged):
            return self._next(question)
        if reply == sp.GO:
            return self._go(question, reply.argument)
        return self._steps()[reply](question)

    def _next(self, question: Question) -> Question | None:
        return self.control.next(question.id)

    def _record(self, question: Question, reply: Answered) -> bool:
        """Record and save; False (and the core's message shown) when it is refused."""
        outcome = self._saved(self.control.answer(question.id, reply.value, reply.other))
        if outcome.refused:
            self.prompter.say(f"  {outcome.refused}")
            return False
        if is_empty(reply.value) and outcome.changed:
            self.prompter.say("  " + _("Answer cleared."))
        return True

    def _commit(self, question_id: str, rows: list[dict[str, Any]]) -> None:
        """An inventory's rows as they change; AnswerError when the core refuses them."""
        outcome = self._saved(self.control.answer(question_id, rows))
        if outcome.refused:
            raise AnswerError(outcome.refused)

    # -- special answers -----------------------------------------------------------------
    def _steps(self) -> dict[sp.Special, Step]:
        return {
            sp.DONT_KNOW: lambda q: self._mark(q, "dont_know"),
            sp.NOT_APPLICABLE: lambda q: self._mark(q, "not_applicable"),
            sp.SKIP: self._next,
            sp.NOTE: lambda q: self._annotate(q, "note", _("Note")),
            sp.QUOTE: lambda q: self._annotate(
                q, "quote", _("Quote"), _("(their words, verbatim)")
            ),
            sp.FLAG: self._flag,
            sp.OBSERVATION: self._observe,
            sp.BACK: self._back,
            sp.REVIEW: self._review,
            sp.HELP: self._help,
        }

    def _mark(self, question: Question, status: AnswerStatus) -> Question | None:
        outcome = self._saved(self.control.mark(question.id, status))
        if outcome.refused:
            self.prompter.say(f"  {outcome.refused}")
            return question
        self.prompter.say("  " + _("Recorded: {status}").format(status=STATUS_TEXT[status]))
        return self._next(question)

    def _annotate(self, question: Question, name: str, label: str, hint: str = "") -> Question:
        """A note or a quote on the question, which is then asked again."""
        answer = self.session.answers.get(question.id)
        current = getattr(answer, name) if answer is not None else ""
        empty = _("(empty removes it)") if current else _("(empty: none)")
        text = self.prompter.text(label, default=current, instruction=f"{hint} {empty}".strip())
        record = self.control.note if name == "note" else self.control.quote
        if self._saved(record(question.id, text)).changed:
            done = _("{label} saved.") if text.strip() else _("{label} removed.")
            self.prompter.say("  " + done.format(label=label))
        return question

    def _flag(self, question: Question) -> Question:
        self._saved(self.control.flag(question.id))
        flagged = self.control.flagged(question.id)
        self.prompter.say(
            "  " + (_("Flagged for follow-up.") if flagged else _("Follow-up flag removed."))
        )
        return question

    def _observe(self, question: Question) -> Question:
        fields = ask_observation(self.prompter, self.causes)
        if fields is not None:
            observation, outcome = self.control.observation(question.id, **fields)
            self._saved(outcome)
            self.prompter.say(
                "  " + _("Observation recorded ({category}).").format(category=observation.category)
            )
        return question

    def causes(self) -> list[Cause]:
        """The causes an observation may join: the session's questionnaire and the installed
        ones in its language (broken files are left out, as when a session starts)."""
        if self._causes is None:
            own = self.interview.questionnaire
            catalog = load_catalog(self.control.store.workspace.questionnaires_dir)
            self._causes = known_causes([own, *catalog.questionnaires()], own.language)
        return self._causes

    def _back(self, question: Question) -> Question:
        previous = self.control.back(question.id, skip_notes=True)  # notes are only read
        if previous is None:
            self.prompter.say("  " + _("This is the first question."))
            return question
        return previous

    def _numbered(self) -> list[Question]:
        """The questions as `question N of M` counts them (active ones that take answers)."""
        return [q for q in self.interview.active_questions() if q.answerable]

    def _review(self, question: Question) -> Question:
        """What is answered, what is still open, what is flagged: numbered for :go."""
        numbered = self._numbered()
        interview = self.interview
        answered = [(n, q) for n, q in enumerate(numbered, 1) if interview.is_done(q.id)]
        required = {q.id for q in interview.unanswered_required()}
        still = [(n, q) for n, q in enumerate(numbered, 1) if q.id in required]
        still += [
            (n, q)
            for n, q in enumerate(numbered, 1)
            if not interview.is_done(q.id) and q.id not in required
        ]
        flagged = [(n, q) for n, q in enumerate(numbered, 1) if self.control.flagged(q.id)]
        say = self.prompter.say
        say("  " + _("Answered: {done} of {total}").format(done=len(answered), total=len(numbered)))
        for number, asked in answered:
            say(f"    {number}. {asked.text} = {self._shown_answer(asked)}")
        say("  " + _("Still open: {count}").format(count=len(still)))
        for number, asked in sorted(still, key=lambda pair: pair[0]):
            mark = " " + _("(required)") if asked.id in required else ""
            say(f"    {number}. {asked.text}{mark}")
        say("  " + _("Flagged for follow-up: {count}").format(count=len(flagged)))
        for number, asked in flagged:
            say(f"    {number}. {asked.text}")
        say("  " + _(":go NUMBER (or a question id) goes there."))
        return question

    def _shown_answer(self, question: Question) -> str:
        answer = self.session.answers.get(question.id)
        if answer is None:
            return ""
        if answer.status in STATUS_TEXT:
            return STATUS_TEXT[answer.status]
        shown = self.interview.display(question, answer.value, answer.other, terse=True)
        return " ".join(shown.split())

    def _go(self, question: Question, wanted: str) -> Question:
        """`:go 12` or `:go contract_end`: any active question; asked for when left out."""
        wanted = wanted or self.prompter.text(_("Go to which question (number or id)?")).strip()
        if not wanted:
            return question
        numbered = self._numbered()
        if wanted.isdigit():
            index = int(wanted) - 1
            if 0 <= index < len(numbered):
                return numbered[index]
            there = _("There is no question {wanted} (1 to {last}).")
            self.prompter.say("  " + there.format(wanted=wanted, last=len(numbered)))
            return question
        if self.questionnaire_has(wanted):
            target = self.control.target(wanted)
            if target is not None:
                return target
            self.prompter.say(f"  {_(SKIPPED)}")
            return question
        self.prompter.say(
            "  "
            + _("No question {wanted}: give its number (:review lists them) or id.").format(
                wanted=wanted
            )
        )
        return question

    def questionnaire_has(self, question_id: str) -> bool:
        return self.interview.questionnaire.question(question_id) is not None

    def _help(self, question: Question) -> Question:
        for line in sp.help_lines(sp.offered(question.allow_unknown)):
            self.prompter.say(line)
        return question
