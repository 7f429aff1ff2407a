"""The report and the session summary as Markdown: GitHub and wiki friendly, no raw HTML.

Structure only comes from here; every text from a person or a questionnaire goes through
`md.inline` (one line: headings, table cells) or `md.block` / `md.quote` (paragraphs).
"""

from __future__ import annotations

from collections.abc import Iterable

from esp_wizard import __version__
from esp_wizard.export import md
from esp_wizard.export import text as t
from esp_wizard.export.playbook_markdown import playbook_markdown
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
        f"# {md.inline(t.report_title(report))}",
        md.inline(
            f"As of {t.when(report.as_of) or 'no session yet'} · "
            f"{t.plural(len(report.sessions), 'session')} · esp-wizard {__version__}"
        ),
        *_summary(report),
        *_findings(report),
        *_inventory(report.inventory),
        *_checklist(report),
        *_conflicts(report),
        *_follow_ups(report.follow_ups),
        *playbook_markdown(report),
        *_warnings(report.warnings),
    ]
    return "\n\n".join(parts) + "\n"


# -- 1. summary -----------------------------------------------------------------------------
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
    counts = report.category_counts()
    parts = [
        "## 1. Summary",
        "### Sessions and roles",
        sessions,
        f"**Roles covered:** {md.inline(covered)}  \n**Not yet interviewed:** {md.inline(missing)}",
        "### Findings at a glance",
        md.table(["Category", "Findings"], [[t.category(c), str(n)] for c, n in counts.items()]),
        "### Must-fix",
        _must_fix(report.must_fix),
        "### Readiness by phase",
        md.table(
            ["Phase", "Status", "Must-fix", "To fix", "Strengths"],
            [
                [
                    t.phase(r.phase),
                    t.READINESS_LABELS[r.status],
                    str(r.must_fix),
                    str(r.open),
                    str(r.strengths),
                ]
                for r in report.readiness
            ],
        ),
        "### Timeline estimate",
        _timeline(report),
    ]
    return parts


def _must_fix(findings: Iterable[Finding]) -> str:
    lines = [
        f"- **{md.inline(f.title)}** ({md.inline(f.key)}): severity {f.severity}, "
        f"impact {f.impact}, priority {t.number(f.priority)}"
        for f in findings
    ]
    return "\n".join(lines) or "No must-fix finding."


def _timeline(report: EngagementReport) -> str:
    timeline = report.timeline
    head = (
        f"**{timeline.estimate}** from {t.plural(timeline.count, 'timeline driver')} "
        "(0-2 drivers: 3-4 months; 3-5: 6-9 months; 6 or more: 12-18 months)."
    )
    lines = [
        f"- {md.inline(d.label)} ({md.inline(d.id)}): {md.inline(_sessions(d.sessions))}"
        for d in timeline.drivers
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
    return "; ".join(t.who(s) for s in sessions)


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
        "## 2. Findings by priority",
        f"Every priority below is `{report.formula}`; breadth is the number of distinct "
        "roles that raised the finding. Must-fix findings (severity or impact 5) come first.",
    ]
    if report.findings:
        rows = [_finding_row(n, f) for n, f in enumerate(report.findings, start=1)]
        parts.append(md.table(FINDING_COLUMNS, rows))
        parts += [_finding(n, f) for n, f in enumerate(report.findings, start=1)]
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
        f"Key {md.inline(finding.key)} · {t.category(finding.category)} · "
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
    head = f"- **{md.inline(session.people)}**, session {md.inline(session.id)}, " + t.day(
        session.started
    )
    lines = [head]
    if evidence.title != finding.title:
        lines.append(f"  - Said as: {md.inline(evidence.title)}")
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
    parts = ["## 3. Inventory"]
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
        cells.append("; ".join(t.who(s.session) for s in row.sources))
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
    return ["## 4. Acceptance-test checklist", body]


def _conflicts(report: EngagementReport) -> list[str]:
    parts = ["## 5. Conflicting inputs"]
    if not report.conflicts:
        return [*parts, "No conflicting answers between roles."]
    parts.append("The same question, answered differently by different roles: reconcile them.")
    for conflict in report.conflicts:
        rows = [[p.answer, _sessions(p.sessions)] for p in conflict.positions]
        parts += [
            f"### {md.inline(conflict.question)} ({md.inline(conflict.question_id)})",
            md.table(["Answer", "Who said it"], rows),
        ]
    return parts


def _follow_ups(items: Iterable[FollowUp]) -> list[str]:
    rows = [
        [
            f"{i.session.id} ({i.session.people})",
            t.FOLLOW_UP_LABELS[i.kind],
            i.question,
            i.answer,
            i.note,
        ]
        for i in items
    ]
    body = md.table(["Session", "Why", "Question", "Answer", "Note"], rows) if rows else "None."
    return ["## 6. Follow-ups", body]


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
