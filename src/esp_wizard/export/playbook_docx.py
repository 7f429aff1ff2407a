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
from esp_wizard.export import text as t
from esp_wizard.findings.model import EngagementReport
from esp_wizard.findings.playbook.model import MapEdge, Missing, Playbook, SystemMap
from esp_wizard.i18n import N_, _

if TYPE_CHECKING:
    from esp_wizard.export.docx_export import Body

FLOW_HEADER = (
    N_("From"),
    N_("To"),
    N_("Direction"),
    N_("Transport"),
    N_("Schedule"),
    N_("Owner"),
    N_("Flagged"),
)


def playbook_docx(doc: Body, report: EngagementReport, first: int = 4) -> None:
    """The playbook's numbered parts from `first`, after the risk register."""
    playbook = report.playbook
    if playbook is None:
        return
    doc.heading(f"{first}. " + _("Current-state map"), 1)
    _map(doc, playbook.system_map)
    doc.heading(f"{first + 1}. " + _("Send-at-parity checklist"), 1)
    _parity(doc, playbook)
    doc.heading(f"{first + 2}. " + _("Go/no-go scorecard for cut-over"), 1)
    _score(doc, playbook)
    doc.heading(f"{first + 3}. " + _("Warm-up plan and roadmap"), 1)
    _warmup(doc, playbook, report)


def interview_plan_docx(doc: Body, report: EngagementReport) -> None:
    """Who else to talk to: closes the follow-ups appendix."""
    if report.playbook is None:
        return
    plan = report.playbook.interview_plan
    doc.heading(_("Interview plan: who else to talk to"), 2)
    rows = pt.plan_rows(plan)
    doc.table(pt.header(pt.PLAN_HEADER), rows) if rows else doc.para(_(pt.NOBODY_NAMED))
    doc.heading(_("Roles not yet interviewed"), 3)
    roles = pt.roles_missing(plan)
    doc.bullets(roles) if roles else doc.para(_(pt.EVERY_ROLE_HEARD))


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
        pt.DIRECTION_LABELS[edge.direction],
        edge.transport or _("not given"),
        edge.schedule or _("not given"),
        outer.owner or pt.FLAG_LABELS["no owner"],
        pt.flags(edge.flagged) or "—",
    ]


def _map(doc: Body, system_map: SystemMap) -> None:
    if not system_map.nodes:
        doc.para(_(pt.NO_MAP))
    else:
        doc.para(_(pt.MAP_INTRO_DOCX))
        doc.table(pt.header(FLOW_HEADER), [flow_row(e, system_map) for e in system_map.edges])
        flagged = [t.labelled(n.name, pt.flags(n.flagged)) for n in system_map.nodes if n.flagged]
        if flagged:
            doc.heading(_("Flows to document or give an owner"), 2)
            doc.bullets(flagged)
    _missing(doc, system_map.missing)


def _parity(doc: Body, playbook: Playbook) -> None:
    parity = playbook.parity
    doc.para(_(pt.PARITY_INTRO))
    doc.para(pt.kpi_line(parity))
    rows = pt.parity_rows(parity)
    doc.table(pt.header(pt.PARITY_HEADER), rows) if rows else doc.para(_(pt.NO_AUTOMATION))
    _missing(doc, parity.missing)


def _score(doc: Body, playbook: Playbook) -> None:
    card = playbook.scorecard
    verdict, counts = pt.verdict_line(card)
    doc.para(counts, bold_lead=verdict + " ")
    doc.table(
        pt.score_header(),
        pt.score_rows(card),
    )


def _warmup(doc: Body, playbook: Playbook, report: EngagementReport) -> None:
    plan, contract = playbook.warmup, playbook.contract
    doc.para(
        pt.roadmap_line(
            report.timeline.estimate, plan.length_weeks, contract.verdict, contract.reason
        ),
        bold_lead=pt.colon(_("Roadmap")) + " ",
    )
    if plan.weeks:
        doc.table(pt.header(pt.WARMUP_HEADER), pt.warmup_rows(plan))
    else:
        doc.para(_(pt.NO_RAMP))
    doc.heading(_("Stop rules"), 2)
    doc.bullets(plan.stop_rules)
    if plan.assumptions:
        doc.heading(_("Assumptions"), 2)
        doc.bullets(plan.assumptions)
    _missing(doc, plan.missing)
