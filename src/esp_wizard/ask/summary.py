"""The end of an interview: what the answers raised, what is still open, where the file is,
and, when the facilitator confirms, the session marked completed."""

from __future__ import annotations

from pathlib import Path

from esp_wizard.ask.prompter import Prompter
from esp_wizard.i18n import _, ngettext
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
    count = len(open_required)
    question = (
        ngettext(
            "Mark the session completed although {count} required question is open?",
            "Mark the session completed although {count} required questions are open?",
            count,
        ).format(count=count)
        if open_required
        else _("Mark the session completed?")
    )
    if prompter.confirm(question, default=not open_required):
        control = InterviewController(interview, store)
        if control.complete().save_error:
            control.require_saved()  # ask stops with the disk's one line
        prompter.say(
            _("Session {id} completed. Export it: esp-wizard export {id}").format(id=session.id)
        )
    else:
        prompter.say(
            _("Left in progress; resume with: {command}").format(command=resume_hint(session.id))
        )


def summary_lines(interview: Interview, path: Path) -> list[str]:
    progress = interview.progress()
    lines = [
        "",
        _("== End of the questionnaire =="),
        _("{done} of {total} done.").format(done=progress.done, total=progress.total),
    ]
    findings = interview.fired_findings()
    lines.append(_("Findings the answers raise: {count}").format(count=len(findings)))
    for found in findings:
        rule = found.rule
        found_line = _("[{category}] {title} (severity {severity}, impact {impact}, {phase})")
        lines.append(
            "  - "
            + found_line.format(
                category=rule.category,
                title=found.title,
                severity=rule.severity,
                impact=rule.impact,
                phase=rule.phase,
            )
        )
    observations = interview.session.observations
    if observations:
        lines.append(_("Your observations: {count}").format(count=len(observations)))
        lines += [f"  - [{o.category}] {o.title or o.text}" for o in observations]
    drivers = interview.fired_drivers()
    if drivers:
        lines.append(_("Timeline drivers:") + " " + ", ".join(d.label for d in drivers))
    lines += _open_lines(interview)
    lines.append(_("Session file: {path}").format(path=path))
    return lines


def _open_lines(interview: Interview) -> list[str]:
    lines = []
    required = interview.unanswered_required()
    if required:
        lines.append(_("Required, still open:") + " " + "; ".join(q.text for q in required))
    follow_ups = interview.follow_ups()
    if follow_ups:
        lines.append(_("Flagged for follow-up:") + " " + "; ".join(q.text for q in follow_ups))
    return lines
