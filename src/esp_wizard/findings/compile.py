"""Compile an engagement's sessions into the report's model. Pure: no files, no UI.

`compile_engagement` takes sessions already opened with their exact questionnaires (see
`engagement.py` for reading them from a workspace), so tests and tools can compile any
set of sessions.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from esp_wizard import i18n
from esp_wizard.findings.checklist import checklist
from esp_wizard.findings.collect import SessionFacts, Shared, collect, session_ref
from esp_wizard.findings.conflicts import conflicts
from esp_wizard.findings.dates import key_dates
from esp_wizard.findings.decisions import executive
from esp_wizard.findings.inventory import merge_inventory
from esp_wizard.findings.merge import merge_findings, split
from esp_wizard.findings.model import (
    EngagementReport,
    Finding,
    PhaseReadiness,
    Readiness,
    SessionRef,
)
from esp_wizard.findings.playbook import build_playbook
from esp_wizard.findings.risks import register
from esp_wizard.findings.roadmap import roadmap
from esp_wizard.findings.timeline import DriverFacts, driver_facts, timeline
from esp_wizard.questionnaire.model import PHASES, ROLES
from esp_wizard.session.opened import OpenedSession


def ordered(sessions: Iterable[OpenedSession]) -> list[OpenedSession]:
    """Interview order: first started first (the id breaks ties), so merges are stable."""
    return sorted(sessions, key=lambda o: (o.session.started, o.session.id))


def compile_engagement(
    sessions: Iterable[OpenedSession],
    client: str = "",
    engagement: str = "",
    warnings: Sequence[str] = (),
    note: str = "",
    language: str | None = None,
) -> EngagementReport:
    """Drivers first, for the estimate; then every rule, judged on the report's date (the
    last change of any session) with the engagement's estimate, so rules that set the
    contract against the plan see the whole engagement and give the same answer each run."""
    listed = ordered(sessions)
    chosen = i18n.content_language((o.questionnaire.language for o in listed), language)
    with i18n.use(chosen):  # what collect writes (answers "not answered") is in it too
        return _compile_sessions(listed, client, engagement, warnings, note, chosen)


def _compile_sessions(
    listed: Sequence[OpenedSession],
    client: str,
    engagement: str,
    warnings: Sequence[str],
    note: str,
    language: str,
) -> EngagementReport:
    judged_on = max((o.session.updated.date() for o in listed), default=None)
    interviews = [o.interview() for o in listed]
    for interview in interviews:
        interview.today = judged_on
    drivers = [
        driver_facts(i, session_ref(o.session, o.questionnaire))
        for o, i in zip(listed, interviews, strict=True)
    ]
    span = timeline(drivers).span
    shared = Shared()
    facts = [collect(o, span, i, shared) for o, i in zip(listed, interviews, strict=True)]
    return compile_facts(facts, client, engagement, warnings, note, language)


def compile_facts(
    facts: Sequence[SessionFacts],
    client: str,
    engagement: str,
    warnings: Sequence[str] = (),
    note: str = "",
    language: str | None = None,
) -> EngagementReport:
    """The report's own sentences (verdict, decisions, messages, the playbook's) are written
    in `language`, by default the one most of the sessions were held in: they are composed
    here, beside the figures they state, and a report in another language is compiled again."""
    chosen = i18n.content_language((f.ref.language for f in facts), language)
    with i18n.use(chosen):
        return _compile_facts(facts, client, engagement, warnings, note, chosen)


def _compile_facts(
    facts: Sequence[SessionFacts],
    client: str,
    engagement: str,
    warnings: Sequence[str],
    note: str,
    language: str,
) -> EngagementReport:
    refs = tuple(f.ref for f in facts)
    findings, strengths = split(merge_findings(facts))
    inventory = merge_inventory(facts)
    covered = roles_covered(refs)
    missing = tuple(r for r in ROLES if r not in covered)
    found_conflicts = conflicts(facts)
    estimate = timeline(_driver_facts(facts))
    dates = key_dates(facts, estimate)
    plan = roadmap(findings, dates)
    risks = register(findings)
    summary = executive(
        facts, findings, strengths, found_conflicts, risks, dates, plan, missing, note
    )
    report = EngagementReport(
        client=client or (refs[0].client if refs else ""),
        engagement=engagement or (refs[0].engagement if refs else ""),
        as_of=max((r.updated for r in refs), default=None),
        sessions=refs,
        roles_covered=covered,
        roles_missing=missing,
        findings=findings,
        strengths=strengths,
        readiness=readiness(findings, strengths),
        timeline=estimate,
        inventory=inventory,
        checklist=checklist(inventory),
        conflicts=found_conflicts,
        follow_ups=tuple(item for f in facts for item in f.follow_ups),
        warnings=tuple(warnings),
        worries=tuple(w for f in facts for w in f.worries),
        executive=summary,
        roadmap=plan,
        risks=risks,
        facilitators=tuple(dict.fromkeys(r.facilitator for r in refs if r.facilitator)),
        language=language,
    )
    return replace(report, playbook=build_playbook(facts, report))


def roles_covered(refs: Sequence[SessionRef]) -> tuple[str, ...]:
    """The spec's roles in their own order, then any other role alphabetically."""
    found = {role for ref in refs for role in ref.roles}
    return tuple(r for r in ROLES if r in found) + tuple(sorted(found - set(ROLES)))


def readiness(
    findings: Sequence[Finding], strengths: Sequence[Finding]
) -> tuple[PhaseReadiness, ...]:
    """Per phase: blocked by a must-fix, at risk with any other finding to fix, else clear."""
    views = []
    for phase in PHASES:
        here = [f for f in findings if f.phase == phase]
        must_fix = sum(1 for f in here if f.must_fix)
        status: Readiness = "blocked" if must_fix else "at risk" if here else "clear"
        kept = sum(1 for f in strengths if f.phase == phase)
        views.append(PhaseReadiness(phase, status, must_fix, len(here), kept))
    return tuple(views)


def _driver_facts(facts: Sequence[SessionFacts]) -> list[DriverFacts]:
    """Facts built without `collect` (tests, tools) only have fired drivers: none declined."""
    return [
        f.driver_facts or DriverFacts(f.ref, tuple((i, label, False) for i, label in f.drivers), ())
        for f in facts
    ]
