"""The report and the session summary as Markdown: GitHub and wiki friendly, no raw HTML.

Structure only comes from here; every text from a person or a questionnaire goes through
`md.inline` (one line: headings, table cells) or `md.block` / `md.quote` (paragraphs).
"""

from __future__ import annotations

from collections.abc import Iterable

from esp_wizard.export import markdown_exec as x
from esp_wizard.export import md
from esp_wizard.export import text as t
from esp_wizard.findings.model import (
    EngagementReport,
    Evidence,
    Finding,
    FollowUp,
    InventoryTable,
    SessionRef,
    SessionSummary,
    SummaryAnswer,
)


def report_markdown(report: EngagementReport) -> str:
    parts = [
        *x.cover(report),
        *x.executive(report),
        *x.roadmap(report),
        *x.register(report),
        *_findings(report),
        *_inventory(report.inventory),
        *_checklist(report),
        *_conflicts(report),
        *_follow_ups(report.follow_ups),
        *_summary(report),
        *_warnings(report.warnings),
    ]
    return "\n\n".join(parts) + "\n"


# -- appendix: sessions, roles and the timeline ---------------------------------------------
def _summary(report: EngagementReport) -> list[str]:
    sessions = md.table(
        ["Session", "Date", "Interviewees", "Questionnaire", "Status"],
        [
            [s.id, t.day(s.started), s.people, s.questionnaire_title, t.STATUS_LABELS[s.status]]
            for s in report.sessions
        ],
    )
    covered = ", ".join(report.roles_covered) or "none"
    missing = ", ".join(report.roles_missing) or "none: every role has been heard"
    return [
        "## Appendix F. Sessions and roles",
        sessions,
        f"**Roles covered:** {md.inline(covered)}  \n**Not yet interviewed:** {md.inline(missing)}",
        "### Timeline estimate",
        _timeline(report),
    ]


def _timeline(report: EngagementReport) -> str:
    timeline = report.timeline
    head = (
        f"**{timeline.estimate}** from {t.plural(timeline.count, 'timeline driver')} "
        "(0-2 drivers: 3-4 months; 3-5: 6-9 months; 6 or more: 12-18 months)."
    )
    lines = [
        f"- {md.inline(d.label)} ({md.inline(_sessions(d.sessions))})" for d in timeline.drivers
    ]
    lines += [
        f"- Doubles the estimate: {md.inline(d.label)} ({md.inline(d.id)}): "
        f"{md.inline(_sessions(d.sessions))}"
        for d in timeline.doubling
    ]
    lines += [
        f"- Not counted, the sponsor answered otherwise: {md.inline(d.label)} "
        f"({md.inline(d.id)}): {md.inline(_sessions(d.sessions))}"
        for d in timeline.overruled
    ]
    return "\n".join([head, "", *lines]) if lines else head


def _sessions(sessions: Iterable[SessionRef]) -> str:
    return "; ".join(t.who_role(s) for s in sessions)


# -- 2. findings ----------------------------------------------------------------------------
FINDING_COLUMNS = [
    "No.",
    "Finding",
    "Category",
    "Severity",
    "Impact",
    "Effort",
    "Breadth",
    "Priority",
    "Must-fix",
    "Phase",
]


def _finding_row(number: int, finding: Finding) -> list[str]:
    return [
        str(number),
        finding.title,
        t.category(finding.category),
        str(finding.severity),
        str(finding.impact),
        str(finding.effort),
        str(finding.breadth),
        t.number(finding.priority),
        "MUST FIX" if finding.must_fix else "",
        t.phase(finding.phase),
    ]


def _findings(report: EngagementReport) -> list[str]:
    parts = [
        "## Appendix A. Findings",
        f"Every priority below is `{report.formula}`; breadth is the number of distinct "
        "roles that raised the finding. Must-fix findings (severity or impact 5) are listed "
        "first, each list by priority.",
    ]
    numbered = list(enumerate(report.findings, start=1))
    must = [(n, f) for n, f in numbered if f.must_fix]
    other = [(n, f) for n, f in numbered if not f.must_fix]
    if must:
        parts += ["### Must-fix", md.table(FINDING_COLUMNS, [_finding_row(n, f) for n, f in must])]
    if other:
        rows = [_finding_row(n, f) for n, f in other]
        parts += ["### Other findings to fix", md.table(FINDING_COLUMNS, rows)]
    if numbered:
        parts += [_finding(n, f) for n, f in numbered]
    else:
        parts.append("No finding to fix.")
    parts.append("### Strengths: what the new platform must keep")
    if report.strengths:
        rows = [_finding_row(n, f) for n, f in enumerate(report.strengths, start=1)]
        parts.append(md.table([*FINDING_COLUMNS[:-2], "Phase"], [r[:-2] + r[-1:] for r in rows]))
        parts += [_finding(n, f, prefix="S") for n, f in enumerate(report.strengths, start=1)]
    else:
        parts.append("No strength recorded.")
    return parts


def _finding(number: int, finding: Finding, prefix: str = "", level: str = "###") -> str:
    mark = " (MUST FIX)" if finding.must_fix else ""
    facts = (
        f"{t.category(finding.category)} · "
        f"phase {t.phase(finding.phase)} · severity {finding.severity} · impact "
        f"{finding.impact} · effort {finding.effort} · breadth {finding.breadth} "
        f"({md.inline(', '.join(finding.roles))}) · priority {t.number(finding.priority)}"
    )
    lines = [f"{level} {prefix}{number}. {md.inline(finding.title)}{mark}", "", facts]
    if finding.detail:
        lines += ["", md.block(finding.detail)]
    if finding.recommendation:
        lines += ["", f"**Recommendation:** {md.block(finding.recommendation)}"]
    for note in finding.notes:
        lines += ["", f"*Note:* {md.block(note)}"]
    lines += ["", "**Evidence**", ""]
    lines += [_evidence(e, finding) for e in finding.evidence]
    return "\n".join(lines)


def _evidence(evidence: Evidence, finding: Finding) -> str:
    session = evidence.session
    head = f"- **{md.inline(session.people)}**, " + t.day(session.started)
    lines = [head]
    said = [title for title in evidence.said if title != finding.title]
    if said:
        lines.append(f"  - Said as: {md.inline('; '.join(said))}")
    if evidence.detail and evidence.detail != finding.detail:
        lines.append(f"  - {md.block(evidence.detail, '    ')}")
    for answer in evidence.answers:
        lines.append(f"  - *{md.inline(answer.question)}*: {md.block(answer.answer, '    ')}")
        if answer.note:
            lines.append(f"    - Note: {md.block(answer.note, '      ')}")
        if answer.quote:
            lines += ["", md.quote(answer.quote, "    "), ""]
    return "\n".join(lines)


# -- 3. inventory ---------------------------------------------------------------------------
def _inventory(tables: Iterable[InventoryTable]) -> list[str]:
    parts = ["## Appendix B. Inventory"]
    listed = list(tables)
    if not listed:
        return [*parts, "No inventory answered yet."]
    for table in listed:
        parts += [f"### {md.inline(table.title)}", _inventory_table(table)]
        if table.has_must_move:
            parts.append(_move_lines(table))
    return parts


def _inventory_table(table: InventoryTable) -> str:
    labels = [label for _, label in table.columns]
    header = [*labels, *(["Must move"] if table.has_must_move else []), "Sources"]
    rows = []
    for row in table.rows:
        cells = [row.name] + [" / ".join(row.cells[f]) for f, _ in table.columns[1:]]
        if table.has_must_move:
            cells.append(t.MOVE_LABELS[row.must_move])
        cells.append("; ".join(s.session.people for s in row.sources))
        rows.append(cells)
    return md.table(header, rows)


def _move_lines(table: InventoryTable) -> str:
    def names(decision: str) -> str:
        found = table.rows_where(decision)  # type: ignore[arg-type]
        return md.inline(", ".join(r.name for r in found)) or "none"

    return (
        f"- **Must move:** {names('yes')}\n- **Must not move:** {names('no')}\n"
        f"- **Disputed:** {names('disputed')}\n- **Not said:** {names('unknown')}"
    )


# -- 4, 5, 6 --------------------------------------------------------------------------------
def _checklist(report: EngagementReport) -> list[str]:
    lines = [
        f"- [ ] **{md.inline(t.sentence(item.kind))}: {md.inline(item.name)}**: "
        f"{md.inline(item.check)} ({md.inline(_sessions(item.sessions))})"
        for item in report.checklist
    ]
    body = "\n".join(lines) or "Nothing to test yet: no trigger, template or integration named."
    return ["## Appendix C. Acceptance-test checklist", body]


def _conflicts(report: EngagementReport) -> list[str]:
    parts = ["## Appendix D. Conflicting inputs"]
    if not report.conflicts:
        return [*parts, "No conflicting answers between roles."]
    parts.append("The same question, answered differently by different roles: reconcile them.")
    for conflict in report.conflicts:
        rows = [[p.answer, _sessions(p.sessions)] for p in conflict.positions]
        parts += [
            f"### {md.inline(conflict.question)}",
            md.table(["Answer", "Who said it"], rows),
        ]
    return parts


def _follow_ups(items: Iterable[FollowUp]) -> list[str]:
    rows = [
        [
            i.session.people,
            t.FOLLOW_UP_LABELS[i.kind],
            i.question,
            i.answer,
            i.note,
        ]
        for i in items
    ]
    body = md.table(["Session", "Why", "Question", "Answer", "Note"], rows) if rows else "None."
    return ["## Appendix E. Follow-ups", body]


def _warnings(warnings: Iterable[str]) -> list[str]:
    lines = [f"- {md.inline(w)}" for w in warnings]
    return ["## Notes on sources", "\n".join(lines)] if lines else []


# -- a session's summary --------------------------------------------------------------------
def session_markdown(summary: SessionSummary) -> str:
    session = summary.session
    name = f"{session.client} — {session.engagement}" if session.engagement else session.client
    facts = [
        ("Client", name),
        ("Interviewees", session.people),
        ("Facilitator", session.facilitator or "not named"),
        (
            "Questionnaire",
            f"{session.questionnaire_title} ({session.questionnaire_id} "
            f"{summary.questionnaire_version}, {session.language})",
        ),
        ("Started", t.when(session.started)),
        ("Last change", t.when(session.updated)),
        ("Time spent", f"{summary.active_minutes} min (planned {summary.planned_minutes})"),
        ("Progress", f"{summary.answered} of {summary.total} questions"),
        ("Status", t.STATUS_LABELS[session.status]),
    ]
    listed = "\n".join(f"- **{label}:** {md.inline(value)}" for label, value in facts)
    parts = [f"# {md.inline(f'Session summary: {session.people}')}", listed]
    for section in summary.sections:
        parts.append(f"## {md.inline(section.title)}")
        parts += [_summary_answer(a) for a in section.answers]
    parts += _follow_ups(summary.follow_ups)
    parts.append("## Observations")
    parts.append(
        "\n".join(
            f"- **{md.inline(o.title)}** ({t.category(o.category)}, severity {o.severity}): "
            f"{md.block(o.detail, '  ')}"
            for o in summary.observations
        )
        or "None."
    )
    parts.append("## Findings raised")
    findings = [_finding(n, f, level="###") for n, f in enumerate(summary.findings, start=1)]
    parts += findings or ["No finding to fix."]
    if summary.strengths:
        parts.append("## Strengths")
        parts += [_finding(n, f, "S") for n, f in enumerate(summary.strengths, start=1)]
    parts += _warnings(summary.warnings)
    return "\n\n".join(parts) + "\n"


def _summary_answer(answer: SummaryAnswer) -> str:
    flag = " (follow up)" if answer.follow_up else ""
    lines = [f"**{md.inline(answer.question)}**{flag}", ""]
    if answer.rows:
        lines.append(md.table(list(answer.columns), [list(r) for r in answer.rows]))
    else:
        lines.append(md.block(answer.answer))
    if answer.note:
        lines += ["", f"*Note:* {md.block(answer.note)}"]
    if answer.quote:
        lines += ["", md.quote(answer.quote)]
    return "\n".join(lines)
