"""The body of `esp-wizard ask`: open or start a session, run the questions, sum up.

Every answer is on disk before the next prompt, so an interruption only needs to say how
to resume: ctrl+c, end of input (a closed pipe), a hang-up (a closed terminal) and SIGTERM
(both raised as KeyboardInterrupt) all end with one line and exit code 130; the store's context
releases the session's lock on the way out.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import threading
from collections.abc import Iterator
from dataclasses import dataclass

from esp_wizard.ask.flow import InterviewRun
from esp_wizard.ask.plain import PlainPrompter, plain_wanted
from esp_wizard.ask.prompter import Prompter
from esp_wizard.ask.specials import help_lines
from esp_wizard.ask.start import open_interview
from esp_wizard.ask.summary import finish, resume_hint
from esp_wizard.i18n import _
from esp_wizard.roles import role_label
from esp_wizard.session.controller import InterviewController
from esp_wizard.session.interview import Interview
from esp_wizard.session.store import SessionStore
from esp_wizard.workspace import Workspace

INTERRUPTED = 130


@dataclass
class _Opened:
    session_id: str = ""


def run_ask(args: argparse.Namespace, workspace: Workspace) -> int:
    prompter = PlainPrompter() if plain_wanted(getattr(args, "plain", False)) else Prompter()
    opened = _Opened()
    with SessionStore(workspace) as store, _hangup_as_interrupt(opened):
        try:
            return _interview(args, store, prompter, opened)
        except (KeyboardInterrupt, EOFError):
            if opened.session_id:
                _say_quietly(
                    prompter,
                    _("saved; resume with: {command}").format(
                        command=resume_hint(opened.session_id)
                    ),
                )
            else:
                _say_quietly(prompter, _("cancelled; no session was started"))
            return INTERRUPTED


def _interview(
    args: argparse.Namespace, store: SessionStore, prompter: Prompter, opened: _Opened
) -> int:
    interview = open_interview(args, store, prompter)
    session = interview.session
    opened.session_id = session.id
    if session.status == "completed":
        if not prompter.confirm(_("This session is completed. Reopen it?"), default=False):
            return 0
        control = InterviewController(interview, store)
        control.reopen()
        control.require_saved()  # ask stops with the disk's one line
    path = store.path_of(session)
    for line in introduction(interview, str(path)):
        prompter.say(line)
    start = interview.resume_question() if args.resume else interview.next_question()
    if InterviewRun(interview, store, prompter).run(start):
        finish(interview, store, prompter, path or store.find(session.id))
    else:
        prompter.say(_("saved; resume with: {command}").format(command=resume_hint(session.id)))
    return 0


def introduction(interview: Interview, path: str) -> list[str]:
    questionnaire, session = interview.questionnaire, interview.session
    people = ", ".join(
        f"{i.name} ({role_label(i.role)})" if i.role else i.name for i in session.interviewees
    )
    return [
        _("{title} ({id}, {language}), about {minutes} minutes").format(
            title=questionnaire.title,
            id=questionnaire.id,
            language=questionnaire.language,
            minutes=questionnaire.minutes,
        ),
        _("Client: {client}; interviewees: {people}").format(
            client=session.client, people=people or _("none named")
        ),
        _("Session {id}, saved after every answer to {path}").format(id=session.id, path=path),
        _("Commands, typed at any prompt:"),
        *help_lines(),
    ]


def _end_now(opened: _Opened) -> None:
    """The unwind did not finish: release every lock, say how to resume, end with 130."""
    for store in SessionStore.open_stores():
        with contextlib.suppress(Exception):
            store.close_all()
    if opened.session_id:
        line = _("saved; resume with: {command}").format(command=resume_hint(opened.session_id))
        line += "\n"
        with contextlib.suppress(OSError):
            os.write(1, line.encode("utf-8", "replace"))
    os._exit(INTERRUPTED)


def _say_quietly(prompter: Prompter, line: str) -> None:
    """The terminal may be gone (a hang-up): the answers are saved, the line is a courtesy."""
    with contextlib.suppress(OSError, ValueError):
        prompter.say(line)


UNWIND_SECONDS = 3.0  # the normal unwind takes milliseconds; past this, end for sure


@contextlib.contextmanager
def _hangup_as_interrupt(opened: _Opened) -> Iterator[None]:
    """A closed terminal (SIGHUP) or a polite kill (SIGTERM) unwinds like ctrl+c: the
    "saved; resume with" line is printed and the lock is released. An exception raised
    from a signal handler can land inside the prompt library's event loop and be swallowed
    there, so a watchdog ends the process anyway: every answer is already on disk."""
    wanted = [getattr(signal, name, None) for name in ("SIGHUP", "SIGTERM")]
    signals = [s for s in wanted if s is not None]
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(_signum: int, _frame: object) -> None:
        watchdog = threading.Timer(UNWIND_SECONDS, _end_now, args=(opened,))
        watchdog.daemon = True
        watchdog.start()
        raise KeyboardInterrupt

    previous = {number: signal.signal(number, interrupt) for number in signals}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
