"""The report and the session summary as Markdown: GitHub and wiki friendly, no raw HTML.

Structure only comes from here; every text from a person or a questionnaire goes through
`md.inline` (one line: headings, table cells) or `md.block` / `md.quote` (paragraphs).
"""

from __future__ import annotations

from collections.abc import Iterable

from esp_wizard import i18n
from esp_wizard.export import markdown_exec as x
from esp_wizard.export import md
from esp_wizard.export import text as t
from esp_wizard.export.playbook_markdown import interview_plan, playbook_markdown
from esp_wizard.findings.model import (
    EngagementReport,
    Evidence,
    Finding,
    FollowUp,
    InventoryTable,
    MoveDecision,
    SessionRef,
    SessionSummary,
    SummaryAnswer,
)
from esp_wizard.i18n import N_, _, ngettext
from esp_wizard.roles import role_labels


def report_markdown(report: EngagementReport) -> str:
    parts = [
        *x.cover(report),
        *x.executive(report),
        *x.roadmap(report),
        *x.register(report),
        *playbook_markdown(report, first=4),
        *_findings(report),
        *_inventory(report.inventory),
        *_checklist(report),
        *_conflicts(report),
        *_follow_ups(report.follow_ups),
        *_interview_plan(report),
        *_summary(report),
        *_warnings(report.warnings),
    ]
    return "\n\n".join(parts) + "\n"


# -- appendix: sessions, roles and the timeline ---------------------------------------------
def _summary(report: EngagementReport) -> list[str]:
    sessions = md.table(
        [_("Session"), _("Date"), _("Interviewees"), _("Questionnaire"), _("Status")],
        [
            [s.id, t.day(s.started), s.people, s.questionnaire_title, t.STATUS_LABELS[s.status]]
            for s in report.sessions
        ],
    )
    covered = role_labels(report.roles_covered) or _("none")
    missing = role_labels(report.roles_missing) or _("none: every role has been heard")
    return [
        "## " + _("Appendix F. Sessions and roles"),
        sessions,
        _("**Roles covered:** {covered}").format(covered=md.inline(covered))
        + "  \n"
        + _("**Not yet interviewed:** {missing}").format(missing=md.inline(missing)),
        "### " + _("Timeline estimate"),
        _timeline(report),
    ]


def _timeline(report: EngagementReport) -> str:
    timeline = report.timeline
    drivers = ngettext(
        "{count} timeline driver", "{count} timeline drivers", timeline.count
    ).format(count=timeline.count)
    head = _(
        "**{estimate}** from {drivers} "
        "(0-2 drivers: 3-4 months; 3-5: 6-9 months; 6 or more: 12-18 months)."
    ).format(estimate=timeline.estimate, drivers=drivers)
    lines = [
        f"- {md.inline(d.label)} ({md.inline(_sessions(d.sessions))})" for d in timeline.drivers
    ]
    doubles = _("Doubles the estimate:")
    lines += [
        f"- {doubles} "
        + t.labelled(f"{md.inline(d.label)} ({md.inline(d.id)})", md.inline(_sessions(d.sessions)))
        for d in timeline.doubling
    ]
    overruled = _("Not counted, the sponsor answered otherwise:")
    lines += [
        f"- {overruled} "
        + t.labelled(f"{md.inline(d.label)} ({md.inline(d.id)})", md.inline(_sessions(d.sessions)))
        for d in timeline.overruled
    ]
    return "\n".join([head, "", *lines]) if lines else head


def _sessions(sessions: Iterable[SessionRef]) -> str:
    return i18n.semicolons(t.who_role(s) for s in sessions)


# -- 2. findings ----------------------------------------------------------------------------
FINDING_COLUMNS = [
    N_("No."),
    N_("Finding"),
    N_("Category"),
    N_("Severity"),
    N_("Impact"),
    N_("Effort"),
    N_("Breadth"),
    N_("Priority"),
    N_("Must-fix"),
    N_("Phase"),
]


def _columns(columns: list[str]) -> list[str]:
    return [_(column) for column in columns]


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
        _("MUST FIX") if finding.must_fix else "",
        t.phase(finding.phase),
    ]


def _findings(report: EngagementReport) -> list[str]:
    parts = [
        "## " + _("Appendix A. Findings"),
        _(
            "Every priority below is `{formula}`; breadth is the number of distinct "
            "roles that raised the finding. Must-fix findings (severity or impact 5) are listed "
            "first, each list by priority."
        ).format(formula=t.formula(report)),
    ]
    numbered = list(enumerate(report.findings, start=1))
    must = [(n, f) for n, f in numbered if f.must_fix]
    other = [(n, f) for n, f in numbered if not f.must_fix]
    if must:
        rows = [_finding_row(n, f) for n, f in must]
        parts += ["### " + _("Must-fix"), md.table(_columns(FINDING_COLUMNS), rows)]
    if other:
        rows = [_finding_row(n, f) for n, f in other]
        parts += ["### " + _("Other findings to fix"), md.table(_columns(FINDING_COLUMNS), rows)]
    if numbered:
        parts += [_finding(n, f) for n, f in numbered]
    else:
        parts.append(_("No finding to fix."))
    parts.append("### " + _("Strengths: what the new platform must keep"))
    if report.strengths:
        rows = [_finding_row(n, f) for n, f in enumerate(report.strengths, start=1)]
        header = _columns([*FINDING_COLUMNS[:-2], "Phase"])
        parts.append(md.table(header, [r[:-2] + r[-1:] for r in rows]))
        parts += [_finding(n, f, prefix="S") for n, f in enumerate(report.strengths, start=1)]
    else:
        parts.append(_("No strength recorded."))
    return parts


def _finding(number: int, finding: Finding, prefix: str = "", level: str = "###") -> str:
    mark = " (" + _("MUST FIX") + ")" if finding.must_fix else ""
    facts = t.facts(finding, md.inline(role_labels(finding.roles)))
    lines = [f"{level} {prefix}{number}. {md.inline(finding.title)}{mark}", "", facts]
    if finding.detail:
        lines += ["", md.block(finding.detail)]
    if finding.recommendation:
        recommendation = _("**Recommendation:**")
        lines += ["", f"{recommendation} {md.block(finding.recommendation)}"]
    for note in finding.notes:
        lines += ["", _("*Note:*") + " " + md.block(note)]
    lines += ["", _("**Evidence**"), ""]
    lines += [_evidence(e, finding) for e in finding.evidence]
    return "\n".join(lines)


def _evidence(evidence: Evidence, finding: Finding) -> str:
    session = evidence.session
    head = f"- **{md.inline(session.people)}**, " + t.day(session.started)
    lines = [head]
    said = [title for title in evidence.said if title != finding.title]
    if said:
        lines.append("  - " + _("Said as:") + " " + md.inline(i18n.semicolons(said)))
    if evidence.detail and evidence.detail != finding.detail:
        lines.append(f"  - {md.block(evidence.detail, '    ')}")
    for answer in evidence.answers:
        question = f"*{md.inline(answer.question)}*"
        lines.append("  - " + t.labelled(question, md.block(answer.answer, "    ")))
        if answer.note:
            lines.append("    - " + _("Note:") + " " + md.block(answer.note, "      "))
        if answer.quote:
            lines += ["", md.quote(answer.quote, "    "), ""]
    return "\n".join(lines)


# -- 3. inventory ---------------------------------------------------------------------------
def _inventory(tables: Iterable[InventoryTable]) -> list[str]:
    parts = ["## " + _("Appendix B. Inventory")]
    listed = list(tables)
    if not listed:
        return [*parts, _("No inventory answered yet.")]
    for table in listed:
        parts += [f"### {md.inline(table.title)}", _inventory_table(table)]
        if table.has_must_move:
            parts.append(_move_lines(table))
    return parts


def _inventory_table(table: InventoryTable) -> str:
    labels = [label for _, label in table.columns]
    header = [*labels, *([_("Must move")] if table.has_must_move else []), _("Sources")]
    rows = []
    for row in table.rows:
        cells = [row.name] + [" / ".join(row.cells[f]) for f, _ in table.columns[1:]]
        if table.has_must_move:
            cells.append(t.MOVE_LABELS[row.must_move])
        cells.append(i18n.semicolons(s.session.people for s in row.sources))
        rows.append(cells)
    return md.table(header, rows)


def _move_lines(table: InventoryTable) -> str:
    def names(decision: MoveDecision) -> str:
        found = table.rows_where(decision)
        return md.inline(", ".join(r.name for r in found)) or _("none")

    return _(
        "- **Must move:** {yes}\n- **Must not move:** {no}\n"
        "- **Disputed:** {disputed}\n- **Not said:** {unknown}"
    ).format(yes=names("yes"), no=names("no"), disputed=names("disputed"), unknown=names("unknown"))


# -- 4, 5, 6 --------------------------------------------------------------------------------
def _checklist(report: EngagementReport) -> list[str]:
    lines = [
        "- [ ] "
        + t.labelled(
            f"**{md.inline(t.labelled(t.sentence(t.kind(item.kind)), item.name))}**",
            md.inline(item.check),
        )
        + f" ({md.inline(_sessions(item.sessions))})"
        for item in report.checklist
    ]
    body = "\n".join(lines) or _("Nothing to test yet: no trigger, template or integration named.")
    return ["## " + _("Appendix C. Acceptance-test checklist"), body]


def _conflicts(report: EngagementReport) -> list[str]:
    parts = ["## " + _("Appendix D. Conflicting inputs")]
    if not report.conflicts:
        return [*parts, _("No conflicting answers between roles.")]
    parts.append(_("The same question, answered differently by different roles: reconcile them."))
    for conflict in report.conflicts:
        rows = [[p.answer, _sessions(p.sessions)] for p in conflict.positions]
        parts += [
            f"### {md.inline(conflict.question)}",
            md.table([_("Answer"), _("Who said it")], rows),
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
    header = [_("Session"), _("Why"), _("Question"), _("Answer"), _("Note")]
    body = md.table(header, rows) if rows else _("None.")
    return ["## " + _("Appendix E. Follow-ups"), body]


def _interview_plan(report: EngagementReport) -> list[str]:
    return interview_plan(report.playbook.interview_plan) if report.playbook else []


def _warnings(warnings: Iterable[str]) -> list[str]:
    lines = [f"- {md.inline(w)}" for w in warnings]
    return ["## " + _("Notes on sources"), "\n".join(lines)] if lines else []


# -- a session's summary --------------------------------------------------------------------
def session_markdown(summary: SessionSummary) -> str:
    session = summary.session
    name = f"{session.client} — {session.engagement}" if session.engagement else session.client
    facts = [
        (_("Client"), name),
        (_("Interviewees"), session.people),
        (_("Facilitator"), session.facilitator or _("not named")),
        (
            _("Questionnaire"),
            f"{session.questionnaire_title} ({session.questionnaire_id} "
            f"{summary.questionnaire_version}, {session.language})",
        ),
        (_("Started"), t.when(session.started)),
        (_("Last change"), t.when(session.updated)),
        (
            _("Time spent"),
            _("{minutes} min (planned {planned})").format(
                minutes=summary.active_minutes, planned=summary.planned_minutes
            ),
        ),
        (
            _("Progress"),
            _("{answered} of {total} questions").format(
                answered=summary.answered, total=summary.total
            ),
        ),
        (_("Status"), t.STATUS_LABELS[session.status]),
    ]
    item = _("- **{label}:** {value}")
    listed = "\n".join(item.format(label=label, value=md.inline(value)) for label, value in facts)
    title = _("Session summary: {people}").format(people=session.people)
    parts = [f"# {md.inline(title)}", listed]
    for section in summary.sections:
        parts.append(f"## {md.inline(section.title)}")
        parts += [_summary_answer(a) for a in section.answers]
    parts += _follow_ups(summary.follow_ups)
    parts.append("## " + _("Observations"))
    parts.append(
        "\n".join(
            f"- **{md.inline(o.title)}** ("
            + _("{category}, severity {severity}").format(
                category=t.category(o.category), severity=o.severity
            )
            + ")"
            + t.colon()
            + f" {md.block(o.detail, '  ')}"
            for o in summary.observations
        )
        or _("None.")
    )
    parts.append("## " + _("Findings raised"))
    findings = [_finding(n, f, level="###") for n, f in enumerate(summary.findings, start=1)]
    parts += findings or [_("No finding to fix.")]
    if summary.strengths:
        parts.append("## " + _("Strengths"))
        parts += [_finding(n, f, "S") for n, f in enumerate(summary.strengths, start=1)]
    parts += _warnings(summary.warnings)
    return "\n\n".join(parts) + "\n"


def _summary_answer(answer: SummaryAnswer) -> str:
    flag = " (" + _("follow up") + ")" if answer.follow_up else ""
    lines = [f"**{md.inline(answer.question)}**{flag}", ""]
    if answer.rows:
        lines.append(md.table(list(answer.columns), [list(r) for r in answer.rows]))
    else:
        lines.append(md.block(answer.answer))
    if answer.note:
        lines += ["", _("*Note:*") + " " + md.block(answer.note)]
    if answer.quote:
        lines += ["", md.quote(answer.quote)]
    return "\n".join(lines)
