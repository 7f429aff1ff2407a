"""The report and the session summary as JSON, for other tools.

Keys are written in the order built here (never sorted alphabetically, never from a set),
so the same input gives byte-identical output; `format` says which shape this is, and
changes only when a key is removed or changes meaning (new keys may be added).
"""

from __future__ import annotations

import json
from typing import Any

from esp_wizard.export.json_executive import executive_data, risks_data, roadmap_data
from esp_wizard.findings.model import (
    ChecklistItem,
    Conflict,
    DriverFound,
    EngagementReport,
    Evidence,
    Finding,
    FollowUp,
    InventoryTable,
    SessionRef,
    SessionSummary,
    SummaryAnswer,
)

JSON_FORMAT = 1


def dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def report_json(report: EngagementReport) -> str:
    return dumps(report_data(report))


def _driver(driver: DriverFound) -> dict[str, Any]:
    return {"id": driver.id, "label": driver.label, "sessions": [s.id for s in driver.sessions]}


def report_data(report: EngagementReport) -> dict[str, Any]:
    timeline = report.timeline
    return {
        "format": JSON_FORMAT,
        "kind": "engagement-report",
        "client": report.client,
        "engagement": report.engagement,
        "as_of": _time(report.as_of),
        "priority_formula": report.formula,
        "sessions": [session_data(s) for s in report.sessions],
        "roles": {"covered": list(report.roles_covered), "missing": list(report.roles_missing)},
        "summary": {
            "categories": report.category_counts(),
            "must_fix": [f.key for f in report.must_fix],
            "readiness": [
                {
                    "phase": r.phase,
                    "status": r.status,
                    "must_fix": r.must_fix,
                    "open": r.open,
                    "strengths": r.strengths,
                }
                for r in report.readiness
            ],
            "timeline": {
                "estimate": timeline.estimate,
                "driver_count": timeline.count,
                "drivers": [_driver(d) for d in timeline.drivers],
                "low_months": timeline.low_months,
                "high_months": timeline.high_months,
                "doubled_by": [_driver(d) for d in timeline.doubling],
                "overruled": [_driver(d) for d in timeline.overruled],
            },
        },
        "facilitators": list(report.facilitators),
        "executive": executive_data(report),
        "roadmap": roadmap_data(report),
        "risks": risks_data(report),
        "findings": [finding_data(f) for f in report.findings],
        "strengths": [finding_data(f) for f in report.strengths],
        "inventory": [_inventory(table) for table in report.inventory],
        "checklist": [_checklist_item(item) for item in report.checklist],
        "conflicts": [_conflict(c) for c in report.conflicts],
        "follow_ups": [_follow_up(i) for i in report.follow_ups],
        "worries": [
            {
                "session": w.session.id,
                "people": w.session.people,
                "answer": w.answer,
                "note": w.note,
                "quote": w.quote,
            }
            for w in report.worries
        ],
        "warnings": list(report.warnings),
    }


def _time(moment: Any) -> str | None:
    return moment.isoformat().replace("+00:00", "Z") if moment else None


def session_data(session: SessionRef) -> dict[str, Any]:
    return {
        "id": session.id,
        "client": session.client,
        "engagement": session.engagement,
        "facilitator": session.facilitator,
        "status": session.status,
        "started": _time(session.started),
        "updated": _time(session.updated),
        "questionnaire": {
            "id": session.questionnaire_id,
            "title": session.questionnaire_title,
            "language": session.language,
        },
        "interviewees": [{"name": p.name, "role": p.role} for p in session.interviewees],
    }


def finding_data(finding: Finding) -> dict[str, Any]:
    return {
        "key": finding.key,
        "cause": finding.cause,
        "sources": list(finding.sources),
        "owner": finding.owner,
        "source": finding.source,
        "category": finding.category,
        "title": finding.title,
        "detail": finding.detail,
        "recommendation": finding.recommendation,
        "severity": finding.severity,
        "impact": finding.impact,
        "effort": finding.effort,
        "breadth": finding.breadth,
        "priority": finding.priority,
        "must_fix": finding.must_fix,
        "phase": finding.phase,
        "roles": list(finding.roles),
        "sessions": list(finding.sessions),
        "notes": list(finding.notes),
        "evidence": [_evidence(e) for e in finding.evidence],
    }


def _evidence(evidence: Evidence) -> dict[str, Any]:
    return {
        "session": evidence.session.id,
        "interviewees": [{"name": p.name, "role": p.role} for p in evidence.session.interviewees],
        "title": evidence.title,
        "detail": evidence.detail,
        "answers": [
            {
                "question_id": a.question_id,
                "question": a.question,
                "answer": a.answer,
                "note": a.note,
                "quote": a.quote,
            }
            for a in evidence.answers
        ],
    }


def _inventory(table: InventoryTable) -> dict[str, Any]:
    return {
        "question_id": table.question_id,
        "title": table.title,
        "item": table.item,
        "columns": [{"id": f, "label": label} for f, label in table.columns],
        "has_must_move": table.has_must_move,
        "rows": [
            {
                "key": row.key,
                "name": row.name,
                "cells": {f: list(values) for f, values in row.cells.items()},
                "must_move": row.must_move,
                "sources": [{"session": s.session.id, "cells": dict(s.cells)} for s in row.sources],
            }
            for row in table.rows
        ],
    }


def _checklist_item(item: ChecklistItem) -> dict[str, Any]:
    return {
        "kind": item.kind,
        "name": item.name,
        "check": item.check,
        "inventory": item.inventory,
        "sessions": [s.id for s in item.sessions],
    }


def _conflict(conflict: Conflict) -> dict[str, Any]:
    return {
        "question_id": conflict.question_id,
        "question": conflict.question,
        "positions": [
            {"answer": p.answer, "roles": list(p.roles), "sessions": [s.id for s in p.sessions]}
            for p in conflict.positions
        ],
    }


def _follow_up(item: FollowUp) -> dict[str, Any]:
    return {
        "session": item.session.id,
        "kind": item.kind,
        "question_id": item.question_id,
        "question": item.question,
        "answer": item.answer,
        "note": item.note,
    }


def session_json(summary: SessionSummary) -> str:
    return dumps(
        {
            "format": JSON_FORMAT,
            "kind": "session-summary",
            "session": session_data(summary.session),
            "questionnaire_version": summary.questionnaire_version,
            "planned_minutes": summary.planned_minutes,
            "active_minutes": summary.active_minutes,
            "progress": {"answered": summary.answered, "total": summary.total},
            "sections": [
                {
                    "id": s.id,
                    "title": s.title,
                    "answers": [_summary_answer(a) for a in s.answers],
                }
                for s in summary.sections
            ],
            "follow_ups": [_follow_up(i) for i in summary.follow_ups],
            "findings": [finding_data(f) for f in summary.findings],
            "strengths": [finding_data(f) for f in summary.strengths],
            "warnings": list(summary.warnings),
        }
    )


def _summary_answer(answer: SummaryAnswer) -> dict[str, Any]:
    data: dict[str, Any] = {
        "question_id": answer.question_id,
        "question": answer.question,
        "answer": answer.answer,
        "status": answer.status,
        "note": answer.note,
        "quote": answer.quote,
        "follow_up": answer.follow_up,
    }
    if answer.columns:
        data["columns"] = list(answer.columns)
        data["rows"] = [list(r) for r in answer.rows]
    return data
