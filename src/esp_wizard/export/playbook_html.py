"""The playbook's parts of the HTML report, as one block of escaped markup.

Built here rather than in the report template so the playbook stays one module per
format: the report template only places `playbook_html(report)`. Every text is escaped
with markupsafe; the map is the inline SVG of `playbook_svg`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from markupsafe import Markup, escape

from esp_wizard.export import playbook_text as pt
from esp_wizard.export import text as t
from esp_wizard.export.playbook_svg import map_svg
from esp_wizard.findings.model import EngagementReport
from esp_wizard.findings.playbook.model import InterviewPlan, Missing, Playbook
from esp_wizard.i18n import _


def interview_plan_html(report: EngagementReport) -> Markup:
    """Who else to talk to: closes the follow-ups appendix."""
    if report.playbook is None:
        return Markup("")
    body = _plan(report.playbook)
    title = escape(_("Interview plan: who else to talk to"))
    return Markup(f'<div id="interview-plan">\n<h3>{title}</h3>\n{body}\n</div>')


def playbook_html(report: EngagementReport, first: int = 4) -> Markup:
    """The playbook's numbered parts from `first`, after the risk register."""
    playbook = report.playbook
    if playbook is None:
        return Markup("")
    parts = [
        _section(
            "current-map",
            f"{first}. " + _("Current-state map"),
            _map(playbook),
        ),
        _section("parity", f"{first + 1}. " + _("Send-at-parity checklist"), _parity(playbook)),
        _section(
            "go-no-go", f"{first + 2}. " + _("Go/no-go scorecard for cut-over"), _score(playbook)
        ),
        _section(
            "warm-up", f"{first + 3}. " + _("Warm-up plan and roadmap"), _warmup(playbook, report)
        ),
    ]
    return Markup("\n".join(parts))


def _section(anchor: str, title: str, body: str) -> str:
    return (
        f'<section id="{anchor}" class="playbook">\n  <h2>{escape(title)}</h2>\n{body}\n</section>'
    )


def _table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in header)
    body = "\n".join(
        "<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in rows
    )
    table = f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>"
    return f'<div class="scroll">{table}</div>'  # a wide table scrolls in its box on a phone


def _para(text: str) -> str:
    return f"<p>{escape(text)}</p>"


def _list(items: Iterable[str]) -> str:
    lines = "".join(f"<li>{escape(i)}</li>" for i in items)
    return f"<ul>{lines}</ul>" if lines else ""


def _missing(items: Sequence[Missing]) -> str:
    return _list(pt.missing_line(m) for m in items)


def _plan(playbook: Playbook) -> str:
    plan: InterviewPlan = playbook.interview_plan
    rows = pt.plan_rows(plan)
    header = pt.header(pt.PLAN_HEADER)
    table = _table(header, rows) if rows else _para(_(pt.NOBODY_NAMED))
    roles = pt.roles_missing(plan)
    missing = _list(roles) if roles else _para(_(pt.EVERY_ROLE_HEARD))
    return f"{table}\n<h3>{escape(_('Roles not yet interviewed'))}</h3>\n{missing}"


def _map(playbook: Playbook) -> str:
    system_map = playbook.system_map
    flagged = [t.labelled(n.name, pt.flags(n.flagged)) for n in system_map.nodes if n.flagged]
    parts = [  # the intro and the map print together, and with the heading (class keep)
        '<div class="keep">' + _para(_(pt.MAP_INTRO_HTML)),
        '<figure class="map" style="max-width: 100%; overflow-x: auto">'
        f"{map_svg(system_map)}</figure></div>",
    ]
    if flagged:
        parts += ["<h3>" + _("Flows to document or give an owner") + "</h3>", _list(flagged)]
    return "\n".join([*parts, _missing(system_map.missing)])


def _parity(playbook: Playbook) -> str:
    parity = playbook.parity
    rows = pt.parity_rows(parity)
    header = pt.header(pt.PARITY_HEADER)
    table = _table(header, rows) if rows else _para(_(pt.NO_AUTOMATION))
    kpis = f"<p>{escape(pt.kpi_line(parity))}</p>"
    return f"{kpis}\n{table}\n{_missing(parity.missing)}"


def _score(playbook: Playbook) -> str:
    card = playbook.scorecard
    rows = pt.score_rows(card)
    verdict, counts = pt.verdict_line(card)
    lead = f"<p><strong>{escape(verdict)}</strong> {escape(counts)}</p>"
    return lead + "\n" + _table(pt.score_header(), rows)


def _warmup(playbook: Playbook, report: EngagementReport) -> str:
    plan, contract = playbook.warmup, playbook.contract
    roadmap = pt.roadmap_line(
        report.timeline.estimate, plan.length_weeks, contract.verdict, contract.reason
    )
    lead = escape(pt.colon(_("Roadmap")))
    parts = [f"<p><strong>{lead}</strong> {escape(roadmap)}</p>"]
    if plan.weeks:
        parts.append(_table(pt.header(pt.WARMUP_HEADER), pt.warmup_rows(plan)))
    else:
        parts.append(_para(_(pt.NO_RAMP)))
    parts += ["<h3>" + _("Stop rules") + "</h3>", _list(plan.stop_rules)]
    if plan.assumptions:
        parts += ["<h3>" + _("Assumptions") + "</h3>", _list(plan.assumptions)]
    return "\n".join([*parts, _missing(plan.missing)])
