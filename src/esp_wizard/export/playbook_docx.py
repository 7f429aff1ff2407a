"""The playbook's parts of the DOCX report: the same numbered parts as HTML and Markdown
(current-state map, parity checklist, go/no-go scorecard, warm-up plan) after the risk
register, and the interview plan closing the follow-ups appendix.

The current-state map is a table of flows (from, to, direction, transport, schedule,
owner, flagged) rather than the SVG drawing of the HTML report: Word cannot embed SVG
without a PNG fallback, and rasterising it needs a library (cairosvg, LibreOffice) this
project does not depend on. The table carries the same facts and stays editable.

Writes through `docx_export.Body`, so every text is a text run (never markup) and
attribution has already been applied to the report by `render_report_any`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from esp_wizard.export import playbook_text as pt
from esp_wizard.findings.model import EngagementReport
from esp_wizard.findings.playbook.model import MapEdge, Missing, Playbook, SystemMap
from esp_wizard.findings.roles import role_label

if TYPE_CHECKING:
    from esp_wizard.export.docx_export import Body

DIRECTION_LABELS = {
    "to_esp": "into the ESP",
    "from_esp": "out of the ESP",
    "both": "both ways",
    "unknown": "not given",
}
FLOW_HEADER = ["From", "To", "Direction", "Transport", "Schedule", "Owner", "Flagged"]


def playbook_docx(doc: Body, report: EngagementReport, first: int = 4) -> None:
    """The playbook's numbered parts from `first`, after the risk register."""
    playbook = report.playbook
    if playbook is None:
        return
    doc.heading(f"{first}. Current-state map", 1)
    _map(doc, playbook.system_map)
    doc.heading(f"{first + 1}. Send-at-parity checklist", 1)
    _parity(doc, playbook)
    doc.heading(f"{first + 2}. Go/no-go scorecard for cut-over", 1)
    _score(doc, playbook)
    doc.heading(f"{first + 3}. Warm-up plan and roadmap", 1)
    _warmup(doc, playbook, report)


def interview_plan_docx(doc: Body, report: EngagementReport) -> None:
    """Who else to talk to: closes the follow-ups appendix."""
    if report.playbook is None:
        return
    plan = report.playbook.interview_plan
    doc.heading("Interview plan: who else to talk to", 2)
    rows = [
        [
            p.name,
            " / ".join(p.roles_given),
            pt.questionnaire(p),
            "; ".join(p.topics),
            "; ".join(p.named_by),
            pt.person_status(p),
        ]
        for p in plan.people
    ]
    header = ["Person", "Role given", "Questionnaire", "Topics", "Named by", "Status"]
    doc.table(header, rows) if rows else doc.para("Nobody named yet.")
    doc.heading("Roles not yet interviewed", 3)
    roles = [
        f"{role_label(role)}: {', '.join(plan.candidates.get(role, ())) or 'nobody named yet'}"
        for role in plan.roles_missing
    ]
    doc.bullets(roles) if roles else doc.para("Every role has been heard.")


def _missing(doc: Body, items: tuple[Missing, ...]) -> None:
    doc.bullets(pt.missing_line(m) for m in items)


def flow_row(edge: MapEdge, system_map: SystemMap) -> list[str]:
    """One flow as the reader follows the data: from where, to where, and who owns it."""
    nodes = {n.id: n for n in system_map.nodes}
    outer = nodes[edge.target] if edge.source == "esp" else nodes[edge.source]
    ends = [outer.name, system_map.esp]
    if edge.direction == "from_esp":
        ends.reverse()
    return [
        *ends,
        DIRECTION_LABELS[edge.direction],
        edge.transport or "not given",
        edge.schedule or "not given",
        outer.owner or "no owner",
        ", ".join(edge.flagged) or "—",
    ]


def _map(doc: Body, system_map: SystemMap) -> None:
    if not system_map.nodes:
        doc.para("No integration or data source answered yet.")
    else:
        doc.para(
            "Systems around the ESP and the flows between them; flagged flows are "
            "undocumented or have no owner.",
        )
        doc.table(FLOW_HEADER, [flow_row(e, system_map) for e in system_map.edges])
        flagged = [f"{n.name}: {', '.join(n.flagged)}" for n in system_map.nodes if n.flagged]
        if flagged:
            doc.heading("Flows to document or give an owner", 2)
            doc.bullets(flagged)
    _missing(doc, system_map.missing)


def _parity(doc: Body, playbook: Playbook) -> None:
    parity = playbook.parity
    doc.para(
        "Send at parity before improving anything: each line passes its test on the new "
        "platform before the old one stops sending it.",
    )
    doc.para(pt.kpi_line(parity))
    rows = [
        [
            line.kind,
            line.name,
            line.baseline,
            line.owner,
            "; ".join(line.dependencies) or "—",
            line.test,
        ]
        for line in parity.lines
    ]
    header = ["Kind", "Automation", "Baseline", "Owner", "Depends on", "Parity test"]
    doc.table(header, rows) if rows else doc.para("No automation inventoried yet.")
    _missing(doc, parity.missing)


def _score(doc: Body, playbook: Playbook) -> None:
    card = playbook.scorecard
    counts = ", ".join(f"{card.count(s)} {s}" for s in ("met", "not met", "unknown"))
    doc.para(
        f"({counts}). Discovery answers describe today's platform: re-check every "
        "criterion on the new one at cut-over.",
        bold_lead=f"Verdict today: {card.verdict} ",
    )
    doc.table(
        ["Criterion", "Status", "Why", "Blocking findings", "Ask"],
        [
            [
                c.label,
                pt.STATUS_MARK[c.status],
                c.reason,
                "; ".join(c.blocking) or "—",
                c.ask or "—",
            ]
            for c in card.criteria
        ],
    )


def _warmup(doc: Body, playbook: Playbook, report: EngagementReport) -> None:
    plan, contract = playbook.warmup, playbook.contract
    doc.para(
        f"Migration {report.timeline.estimate}, warm-up {pt.weeks(plan.length_weeks)}; "
        f"{pt.CONTRACT_LABELS[contract.verdict]}: {contract.reason}",
        bold_lead="Roadmap: ",
    )
    if plan.weeks:
        rows = [[str(w.week), f"{w.daily_volume:,}", w.audience] for w in plan.weeks]
        doc.table(["Week", "Daily volume", "Audience"], rows)
    else:
        doc.para("No ramp computed: the peak daily volume is missing.")
    doc.heading("Stop rules", 2)
    doc.bullets(plan.stop_rules)
    if plan.assumptions:
        doc.heading("Assumptions", 2)
        doc.bullets(plan.assumptions)
    _missing(doc, plan.missing)
