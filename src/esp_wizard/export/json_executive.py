"""The executive summary, roadmap and risk register as JSON (keys in a fixed order)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from esp_wizard.findings.model import EngagementReport


def _day(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def executive_data(report: EngagementReport) -> dict[str, Any] | None:
    summary = report.executive
    if summary is None:
        return None
    dates = summary.dates
    return {
        "note": summary.note,
        "verdict": {"level": summary.verdict.level, "reason": summary.verdict.reason},
        "dates": {
            "kickoff": _day(dates.kickoff),
            "contract_end": _day(dates.contract_end),
            "notice_by": _day(dates.notice_by),
            "go_live": _day(dates.go_live),
            "estimate": dates.estimate,
            "estimate_ends": [_day(d) for d in dates.estimate_ends]
            if dates.estimate_ends
            else None,
            "freezes": [[_day(a), _day(b)] for a, b in dates.freezes],
        },
        "decisions": [
            {
                "title": d.title,
                "why": d.why,
                "deadline": _day(d.deadline),
                "deadline_reason": d.deadline_reason,
            }
            for d in summary.decisions
        ],
        "messages": list(summary.messages),
        "top_risks": [r.finding.key for r in summary.top_risks],
        "next_steps": [
            {"action": s.action, "owner": s.owner, "due": _day(s.due), "finding": s.finding}
            for s in summary.next_steps
        ],
        "worries": [
            {
                "theme": g.theme,
                "worries": [{"text": w.answer, "session": w.session.id} for w in g.worries],
            }
            for g in summary.worries
        ],
    }


def roadmap_data(report: EngagementReport) -> dict[str, Any] | None:
    plan = report.roadmap
    if plan is None:
        return None
    return {
        "phases": [
            {
                "phase": p.phase,
                "start": _day(p.start),
                "end": _day(p.end),
                "latest_end": _day(p.latest_end),
                "blocking": [f.key for f in p.blocking],
                "open": p.open,
            }
            for p in plan.phases
        ],
        "milestones": [
            {"label": m.label, "kind": m.kind, "day": _day(m.day), "until": _day(m.until)}
            for m in plan.milestones
        ],
    }


def risks_data(report: EngagementReport) -> list[dict[str, Any]]:
    return [
        {
            "finding": r.finding.key,
            "cause": r.cause_text,
            "likelihood": r.likelihood,
            "impact": r.impact,
            "mitigation": r.mitigation,
            "owner": r.owner,
        }
        for r in report.risks
    ]
