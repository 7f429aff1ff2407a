"""The playbook's parts of the Markdown report: interview plan (in the follow-ups),
current-state map (a Mermaid block wikis draw), parity checklist, go/no-go scorecard and
warm-up plan. Text from people goes through `md` like the rest of the report; inside the
Mermaid block, anything but letters, digits and plain punctuation becomes an entity code.
"""

from __future__ import annotations

import re

from esp_wizard.export import md
from esp_wizard.export import playbook_text as pt
from esp_wizard.export import text as t
from esp_wizard.findings.model import EngagementReport
from esp_wizard.findings.playbook.model import (
    InterviewPlan,
    Missing,
    Parity,
    Playbook,
    Scorecard,
    SystemMap,
    WarmupPlan,
)
from esp_wizard.i18n import _

_MERMAID_SAFE = re.compile(r"[^A-Za-z0-9 .,:/'()_-]")
# an edge is written source to target, so one-way flows both use "-->"
MERMAID_ARROWS = {"to_esp": "-->", "from_esp": "-->", "both": "<-->", "unknown": "---"}
FLAGGED_ARROWS = {"to_esp": "-.->", "from_esp": "-.->", "both": "<-.->", "unknown": "-.-"}


def playbook_markdown(report: EngagementReport, first: int = 4) -> list[str]:
    """The playbook's numbered parts from `first` (the interview plan closes the follow-ups)."""
    playbook = report.playbook
    if playbook is None:
        return []
    return [
        *system_map(playbook.system_map, f"## {first}. " + _("Current-state map")),
        *parity(playbook.parity, f"## {first + 1}. " + _("Send-at-parity checklist")),
        *scorecard(playbook.scorecard, f"## {first + 2}. " + _("Go/no-go scorecard for cut-over")),
        *warmup(playbook, report, f"## {first + 3}. " + _("Warm-up plan and roadmap")),
    ]


def _missing(items: tuple[Missing, ...]) -> list[str]:
    return ["\n".join(f"- {md.inline(pt.missing_line(m))}" for m in items)] if items else []


def interview_plan(plan: InterviewPlan) -> list[str]:
    rows = pt.plan_rows(plan)
    header = pt.header(pt.PLAN_HEADER)
    body = (
        md.table(header, rows) if rows else _("Nobody named yet: ask “who else should we talk to?”")
    )
    missing = ["- " + md.inline(line) for line in pt.roles_missing(plan)]
    roles = "\n".join(missing) if missing else _(pt.EVERY_ROLE_HEARD)
    return [
        "### " + _("Interview plan: who else to talk to"),
        body,
        "**" + pt.colon(_("Roles not yet interviewed")) + "**",
        roles,
    ]


def mermaid_text(text: str) -> str:
    return _MERMAID_SAFE.sub(lambda m: f"#{ord(m.group())};", " ".join(text.split()))


def mermaid(system_map: SystemMap) -> str:
    lines = ["flowchart LR", f'  esp[["{mermaid_text(system_map.esp)}"]]']
    for node in system_map.nodes:
        flag = f" ({pt.flags(node.flagged)})" if node.flagged else ""
        lines.append(f'  {node.id}["{mermaid_text(node.name + flag)}"]')
    for edge in system_map.edges:
        arrows = FLAGGED_ARROWS if edge.flagged else MERMAID_ARROWS
        arrow = arrows[edge.direction]
        label = mermaid_text(pt.edge_label(edge))
        lines.append(f'  {edge.source} {arrow}|"{label}"| {edge.target}')
    return "```mermaid\n" + "\n".join(lines) + "\n```"


def system_map(system_map: SystemMap, heading: str) -> list[str]:
    flagged = [
        "- " + md.inline(t.labelled(n.name, pt.flags(n.flagged)))
        for n in system_map.nodes
        if n.flagged
    ]
    parts = [heading]
    if system_map.nodes:
        parts += [_(pt.MAP_INTRO), mermaid(system_map)]
        if flagged:
            title = _("Flows to document or give an owner")
            parts += [f"**{pt.colon(title)}**", "\n".join(flagged)]
    else:
        parts.append(_(pt.NO_MAP))
    return parts + _missing(system_map.missing)


def parity(parity: Parity, heading: str) -> list[str]:
    rows = pt.parity_rows(parity)
    header = pt.header(pt.PARITY_HEADER)
    body = md.table(header, rows) if rows else _(pt.NO_AUTOMATION)
    command = "`esp-wizard report --part parity -o parity.csv`"
    intro = _(pt.PARITY_INTRO) + " " + _(pt.PARITY_CSV).format(command=command)
    kpis = md.inline(pt.kpi_line(parity))
    return [heading, intro, kpis, body, *_missing(parity.missing)]


def scorecard(card: Scorecard, heading: str) -> list[str]:
    rows = pt.score_rows(card)
    lead, counts = pt.verdict_line(card)
    return [
        heading,
        f"**{lead}** {counts}",
        md.table(pt.score_header(), rows),
    ]


def warmup(playbook: Playbook, report: EngagementReport, heading: str) -> list[str]:
    plan: WarmupPlan = playbook.warmup
    contract = playbook.contract
    said = pt.roadmap_line(
        report.timeline.estimate, plan.length_weeks, contract.verdict, contract.reason
    )
    roadmap = "**" + pt.colon(_("Roadmap")) + "** " + md.inline(said)
    parts = [heading, roadmap]
    if plan.weeks:
        parts.append(md.table(pt.header(pt.WARMUP_HEADER), pt.warmup_rows(plan)))
    else:
        parts.append(_(pt.NO_RAMP))
    rules = "\n".join(f"- {md.inline(r)}" for r in plan.stop_rules)
    parts += ["**" + pt.colon(_("Stop rules")) + "**", rules]
    if plan.assumptions:
        said = "\n".join(f"- {md.inline(a)}" for a in plan.assumptions)
        parts += ["**" + pt.colon(_("Assumptions")) + "**", said]
    return parts + _missing(plan.missing)
