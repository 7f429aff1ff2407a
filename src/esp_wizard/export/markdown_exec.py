"""The client-facing head of the Markdown report: cover lines, executive summary, roadmap
as a table, and the risk register. People's words go through `md` like everywhere else."""

from __future__ import annotations

import datetime as dt

from esp_wizard import __version__, i18n
from esp_wizard.export import md
from esp_wizard.export import text as t
from esp_wizard.findings.model import EngagementReport, Executive, Roadmap
from esp_wizard.i18n import _, ngettext


def cover(report: EngagementReport) -> list[str]:
    return [
        f"# {md.inline(t.report_title(report))}",
        "\n".join(
            [
                _("**Client:** {client}").format(client=md.inline(report.client)) + "  ",
                _("**Engagement:** {engagement}").format(
                    engagement=md.inline(report.engagement or _("not named"))
                )
                + "  ",
                _("**Facilitator:** {names}").format(names=md.inline(t.facilitators(report)))
                + "  ",
                _("**Date:** {date}").format(
                    date=md.inline(t.when(report.as_of) or _("no session yet"))
                )
                + " · "
                + ngettext("{count} interview", "{count} interviews", len(report.sessions)).format(
                    count=len(report.sessions)
                )
                + f" · esp-wizard {__version__}  ",
                f"*{md.inline(t.confidential(report))}*",
            ]
        ),
    ]


def executive(report: EngagementReport) -> list[str]:
    summary = report.executive
    parts = ["## " + _("1. Executive summary")]
    if summary is None:
        return [*parts, _("No interview yet.")]
    if summary.note:
        parts += ["### " + _("Consultant's note"), md.block(summary.note)]
    verdict = summary.verdict
    readiness = _("**Readiness: {verdict}.**").format(verdict=t.VERDICT_LABELS[verdict.level])
    parts.append(f"{readiness} {md.inline(t.sentence(verdict.reason))}")
    parts += ["### " + _("Decisions needed"), _decisions(summary)]
    messages = "\n".join(f"- {md.inline(m)}" for m in summary.messages)
    parts += ["### " + _("Key messages"), messages]
    parts += ["### " + _("Top risks"), _top_risks(summary)]
    parts += ["### " + _("Next steps"), _next_steps(summary)]
    parts += ["### " + _("What worries people most"), _worries(summary)]
    return parts


def _decisions(summary: Executive) -> str:
    if not summary.decisions:
        return _("No decision is waiting on the sponsor.")
    rows = [
        [d.title, d.why, f"{t.date(d.deadline)} ({d.deadline_reason})" if d.deadline else _("now")]
        for d in summary.decisions
    ]
    return md.table([_("Decision"), _("Why"), _("Decide by")], rows)


def _top_risks(summary: Executive) -> str:
    if not summary.top_risks:
        return _("No risk to report.")
    rows = [
        [r.finding.title, t.LEVEL_LABELS[r.likelihood], t.LEVEL_LABELS[r.impact]]
        for r in summary.top_risks
    ]
    return md.table([_("Risk"), _("Likelihood"), _("Impact")], rows)


def _next_steps(summary: Executive) -> str:
    if not summary.next_steps:
        return _("None yet.")
    rows = [[s.action, s.owner or _("to assign"), t.date(s.due) or "—"] for s in summary.next_steps]
    return md.table([_("Action"), _("Owner"), _("By")], rows)


def _worries(summary: Executive) -> str:
    if not summary.worries:
        return _("Nobody was asked yet.")
    lines = []
    for group in summary.worries:
        lines.append(f"- **{md.inline(group.theme)}**")
        lines += [
            f"  - {md.inline(w.answer)} ({md.inline(w.session.people)})" for w in group.worries
        ]
    return "\n".join(lines)


def roadmap(report: EngagementReport) -> list[str]:
    plan = report.roadmap
    parts = ["## " + _("2. Roadmap")]
    if plan is None or not plan.phases:
        return [*parts, _("No timeline estimate yet: the roadmap needs the kickoff date.")]
    parts.append(
        _(
            "From the kickoff on {start}, with the {estimate} estimate "
            "(the later end date is the estimate's longest duration)."
        ).format(start=t.date(plan.start), estimate=report.timeline.estimate)
    )
    parts.append(_phases(plan))
    if plan.milestones:
        rows = [[m.label, _span(m.day, m.until)] for m in plan.milestones]
        header = [_("Date"), _("When")]
        parts += ["### " + _("Dates that constrain the plan"), md.table(header, rows)]
    return parts


def _span(start: dt.date, until: dt.date | None) -> str:
    if until is None:
        return t.date(start)
    return _("{start} to {end}").format(start=t.date(start), end=t.date(until))


def _phases(plan: Roadmap) -> str:
    rows = [
        [
            t.phase(p.phase),
            t.date(p.start),
            _span(p.end, p.latest_end),
            str(p.open),
            i18n.semicolons(f.title for f in p.blocking) or _("nothing"),
        ]
        for p in plan.phases
    ]
    header = [_("Phase"), _("Starts"), _("Ends"), _("To fix"), _("Blocked by (must-fix)")]
    return md.table(header, rows)


def register(report: EngagementReport) -> list[str]:
    parts = ["## " + _("3. Risk register")]
    if not report.risks:
        return [*parts, _("No risk to report.")]
    parts.append(
        _(
            "Likelihood: high when severity is 5, or 4 and felt by two roles or more. "
            "Mitigation: the finding's recommendation (in full in the appendix)."
        )
    )
    rows = [
        [
            str(n),
            r.finding.title,
            r.cause_text,
            t.LEVEL_LABELS[r.likelihood],
            t.LEVEL_LABELS[r.impact],
            r.mitigation,
            r.owner or _("to assign"),
        ]
        for n, r in enumerate(report.risks, start=1)
    ]
    header = [
        _("No."),
        _("Risk"),
        _("Cause"),
        _("Likelihood"),
        _("Impact"),
        _("Mitigation"),
        _("Owner"),
    ]
    return [*parts, md.table(header, rows)]
