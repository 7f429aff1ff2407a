"""The end of an interview: what the answers raised, what is still open, where the file is,
and, when the facilitator confirms, the session marked completed."""

from __future__ import annotations

from pathlib import Path

from esp_wizard.ask.prompter import Prompter
from esp_wizard.session.controller import InterviewController
from esp_wizard.session.interview import Interview
from esp_wizard.session.store import SessionStore


def resume_hint(session_id: str) -> str:
    return f"esp-wizard ask --resume {session_id}"


def finish(interview: Interview, store: SessionStore, prompter: Prompter, path: Path) -> None:
    for line in summary_lines(interview, path):
        prompter.say(line)
    session = interview.session
    open_required = interview.unanswered_required()
    question = "Mark the session completed"
    if open_required:
        question += f" although {len(open_required)} required questions are open"
    if prompter.confirm(f"{question}?", default=not open_required):
        control = InterviewController(interview, store)
        if control.complete().save_error:
            control.require_saved()  # ask stops with the disk's one line
        prompter.say(f"Session {session.id} completed. Export it: esp-wizard export {session.id}")
    else:
        prompter.say(f"Left in progress; resume with: {resume_hint(session.id)}")


def summary_lines(interview: Interview, path: Path) -> list[str]:
    progress = interview.progress()
    lines = ["", "== End of the questionnaire ==", f"{progress.done} of {progress.total} done."]
    findings = interview.fired_findings()
    lines.append(f"Findings the answers raise: {len(findings)}")
    for found in findings:
        rule = found.rule
        lines.append(
            f"  - [{rule.category}] {found.title} "
            f"(severity {rule.severity}, impact {rule.impact}, {rule.phase})"
        )
    observations = interview.session.observations
    if observations:
        lines.append(f"Your observations: {len(observations)}")
        lines += [f"  - [{o.category}] {o.title or o.text}" for o in observations]
    drivers = interview.fired_drivers()
    if drivers:
        lines.append("Timeline drivers: " + ", ".join(d.label for d in drivers))
    lines += _open_lines(interview)
    lines.append(f"Session file: {path}")
    return lines


def _open_lines(interview: Interview) -> list[str]:
    lines = []
    required = interview.unanswered_required()
    if required:
        lines.append("Required, still open: " + "; ".join(q.text for q in required))
    follow_ups = interview.follow_ups()
    if follow_ups:
        lines.append("Flagged for follow-up: " + "; ".join(q.text for q in follow_ups))
    return lines
