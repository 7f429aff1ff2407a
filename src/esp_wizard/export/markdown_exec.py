"""The client-facing head of the Markdown report: cover lines, executive summary, roadmap
as a table, and the risk register. People's words go through `md` like everywhere else."""

from __future__ import annotations

from esp_wizard import __version__
from esp_wizard.export import md
from esp_wizard.export import text as t
from esp_wizard.findings.model import EngagementReport, Executive, Roadmap


def cover(report: EngagementReport) -> list[str]:
    return [
        f"# {md.inline(t.report_title(report))}",
        "\n".join(
            [
                f"**Client:** {md.inline(report.client)}  ",
                f"**Engagement:** {md.inline(report.engagement or 'not named')}  ",
                f"**Facilitator:** {md.inline(t.facilitators(report))}  ",
                f"**Date:** {md.inline(t.when(report.as_of) or 'no session yet')} · "
                f"{t.plural(len(report.sessions), 'interview')} · esp-wizard {__version__}  ",
                f"*{md.inline(t.confidential(report))}*",
            ]
        ),
    ]


def executive(report: EngagementReport) -> list[str]:
    summary = report.executive
    parts = ["## 1. Executive summary"]
    if summary is None:
        return [*parts, "No interview yet."]
    if summary.note:
        parts += ["### Consultant's note", md.block(summary.note)]
    verdict = summary.verdict
    parts.append(
        f"**Readiness: {t.VERDICT_LABELS[verdict.level]}.** {md.inline(t.sentence(verdict.reason))}"
    )
    parts += ["### Decisions needed", _decisions(summary)]
    parts += ["### Key messages", "\n".join(f"- {md.inline(m)}" for m in summary.messages)]
    parts += ["### Top risks", _top_risks(summary)]
    parts += ["### Next steps", _next_steps(summary)]
    parts += ["### What worries people most", _worries(summary)]
    return parts


def _decisions(summary: Executive) -> str:
    if not summary.decisions:
        return "No decision is waiting on the sponsor."
    rows = [
        [d.title, d.why, f"{t.date(d.deadline)} ({d.deadline_reason})" if d.deadline else "now"]
        for d in summary.decisions
    ]
    return md.table(["Decision", "Why", "Decide by"], rows)


def _top_risks(summary: Executive) -> str:
    if not summary.top_risks:
        return "No risk to report."
    rows = [
        [r.finding.title, t.LEVEL_LABELS[r.likelihood], t.LEVEL_LABELS[r.impact]]
        for r in summary.top_risks
    ]
    return md.table(["Risk", "Likelihood", "Impact"], rows)


def _next_steps(summary: Executive) -> str:
    if not summary.next_steps:
        return "None yet."
    rows = [[s.action, s.owner or "to assign", t.date(s.due) or "—"] for s in summary.next_steps]
    return md.table(["Action", "Owner", "By"], rows)


def _worries(summary: Executive) -> str:
    if not summary.worries:
        return "Nobody was asked yet."
    lines = []
    for group in summary.worries:
        lines.append(f"- **{md.inline(group.theme)}**")
        lines += [
            f"  - {md.inline(w.answer)} ({md.inline(w.session.people)})" for w in group.worries
        ]
    return "\n".join(lines)


def roadmap(report: EngagementReport) -> list[str]:
    plan = report.roadmap
    parts = ["## 2. Roadmap"]
    if plan is None or not plan.phases:
        return [*parts, "No timeline estimate yet: the roadmap needs the kickoff date."]
    parts.append(
        f"From the kickoff on {t.date(plan.start)}, with the {report.timeline.estimate} estimate "
        "(the later end date is the estimate's longest duration)."
    )
    parts.append(_phases(plan))
    if plan.milestones:
        rows = [
            [m.label, t.date(m.day) + (f" to {t.date(m.until)}" if m.until else "")]
            for m in plan.milestones
        ]
        parts += ["### Dates that constrain the plan", md.table(["Date", "When"], rows)]
    return parts


def _phases(plan: Roadmap) -> str:
    rows = [
        [
            t.phase(p.phase),
            t.date(p.start),
            f"{t.date(p.end)} to {t.date(p.latest_end)}",
            str(p.open),
            "; ".join(f.title for f in p.blocking) or "nothing",
        ]
        for p in plan.phases
    ]
    return md.table(["Phase", "Starts", "Ends", "To fix", "Blocked by (must-fix)"], rows)


def register(report: EngagementReport) -> list[str]:
    parts = ["## 3. Risk register"]
    if not report.risks:
        return [*parts, "No risk to report."]
    parts.append(
        "Likelihood: high when severity is 5, or 4 and felt by two roles or more. "
        "Mitigation: the finding's recommendation (in full in the appendix)."
    )
    rows = [
        [
            str(n),
            r.finding.title,
            r.cause_text,
            t.LEVEL_LABELS[r.likelihood],
            t.LEVEL_LABELS[r.impact],
            r.mitigation,
            r.owner or "to assign",
        ]
        for n, r in enumerate(report.risks, start=1)
    ]
    header = ["No.", "Risk", "Cause", "Likelihood", "Impact", "Mitigation", "Owner"]
    return [*parts, md.table(header, rows)]
