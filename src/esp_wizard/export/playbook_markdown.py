"""The playbook's parts of the Markdown report: interview plan (in the follow-ups),
current-state map (a Mermaid block wikis draw), parity checklist, go/no-go scorecard and
warm-up plan. Text from people goes through `md` like the rest of the report; inside the
Mermaid block, anything but letters, digits and plain punctuation becomes an entity code.
"""

from __future__ import annotations

import re

from esp_wizard.export import md
from esp_wizard.export import playbook_text as pt
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
from esp_wizard.findings.roles import role_label
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
    header = [
        _("Person"),
        _("Role given"),
        _("Questionnaire"),
        _("Topics"),
        _("Named by"),
        _("Status"),
    ]
    body = md.table(header, rows) if rows else "Nobody named yet: ask “who else should we talk to?”"
    missing = [
        f"- {md.inline(role_label(role))}: "
        + md.inline(", ".join(plan.candidates.get(role, ())) or "nobody named yet")
        for role in plan.roles_missing
    ]
    roles = "\n".join(missing) if missing else "Every role has been heard."
    return [
        "### " + _("Interview plan: who else to talk to"),
        body,
        "**Roles not yet interviewed:**",
        roles,
    ]


def mermaid_text(text: str) -> str:
    return _MERMAID_SAFE.sub(lambda m: f"#{ord(m.group())};", " ".join(text.split()))


def mermaid(system_map: SystemMap) -> str:
    lines = ["flowchart LR", f'  esp[["{mermaid_text(system_map.esp)}"]]']
    for node in system_map.nodes:
        flag = f" ({', '.join(node.flagged)})" if node.flagged else ""
        lines.append(f'  {node.id}["{mermaid_text(node.name + flag)}"]')
    for edge in system_map.edges:
        arrows = FLAGGED_ARROWS if edge.flagged else MERMAID_ARROWS
        arrow = arrows[edge.direction]
        label = mermaid_text(edge.label)
        lines.append(f'  {edge.source} {arrow}|"{label}"| {edge.target}')
    return "```mermaid\n" + "\n".join(lines) + "\n```"


def system_map(system_map: SystemMap, heading: str) -> list[str]:
    flagged = [
        f"- {md.inline(n.name)}: {md.inline(', '.join(n.flagged))}"
        for n in system_map.nodes
        if n.flagged
    ]
    parts = [heading]
    if system_map.nodes:
        parts += [
            "Systems around the ESP and the flows between them; dotted flows are undocumented "
            "or have no owner.",
            mermaid(system_map),
        ]
        if flagged:
            parts += ["**Flows to document or give an owner:**", "\n".join(flagged)]
    else:
        parts.append("No integration or data source answered yet.")
    return parts + _missing(system_map.missing)


def parity(parity: Parity, heading: str) -> list[str]:
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
    header = [
        _("Kind"),
        _("Automation"),
        _("Baseline"),
        _("Owner"),
        _("Depends on"),
        _("Parity test"),
    ]
    body = md.table(header, rows) if rows else "No automation inventoried yet."
    intro = (
        "Send at parity before improving anything: each line passes its test on the new "
        "platform before the old one stops sending it. Also as CSV: "
        "`esp-wizard report --part parity -o parity.csv`."
    )
    kpis = md.inline(pt.kpi_line(parity))
    return [heading, intro, kpis, body, *_missing(parity.missing)]


def scorecard(card: Scorecard, heading: str) -> list[str]:
    rows = [
        [
            c.label,
            pt.STATUS_MARK[c.status],
            c.reason,
            "; ".join(c.blocking) or "—",
            c.ask or "—",
        ]
        for c in card.criteria
    ]
    counts = ", ".join(f"{card.count(s)} {s}" for s in ("met", "not met", "unknown"))
    return [
        heading,
        f"**Verdict today: {card.verdict}** ({counts}). Discovery answers describe today's "
        "platform: re-check every criterion on the new one at cut-over.",
        md.table([_("Criterion"), _("Status"), _("Why"), _("Blocking findings"), _("Ask")], rows),
    ]


def warmup(playbook: Playbook, report: EngagementReport, heading: str) -> list[str]:
    plan: WarmupPlan = playbook.warmup
    contract = playbook.contract
    roadmap = (
        f"**Roadmap:** migration {md.inline(report.timeline.estimate)}, warm-up "
        f"{pt.weeks(plan.length_weeks)}; {pt.CONTRACT_LABELS[contract.verdict]}: "
        f"{md.inline(contract.reason)}"
    )
    parts = [heading, roadmap]
    if plan.weeks:
        parts.append(
            md.table(
                [_("Week"), _("Daily volume"), _("Audience")],
                [[str(w.week), f"{w.daily_volume:,}", w.audience] for w in plan.weeks],
            )
        )
    else:
        parts.append("No ramp computed: the peak daily volume is missing.")
    parts += ["**Stop rules:**", "\n".join(f"- {md.inline(r)}" for r in plan.stop_rules)]
    if plan.assumptions:
        parts += ["**Assumptions:**", "\n".join(f"- {md.inline(a)}" for a in plan.assumptions)]
    return parts + _missing(plan.missing)
