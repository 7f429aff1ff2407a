"""The send-at-parity checklist: one line per automation to rebuild and prove before go-live.

Journeys and triggers, template families and inbound API messages come from the
acceptance checklist (so both always list the same things); recurring reports are added
from the analytics inventory. Each line gets its baseline (a year of volume from the
monthly volume answered, and the KPIs the engagement tracks), its owner, the feeds it
depends on, and the parity test: same audience, content and volume within the tolerance
before the old platform stops sending it.
"""

from __future__ import annotations

from collections.abc import Sequence

from esp_wizard import i18n
from esp_wizard.findings.model import ChecklistItem, InventoryRow, InventoryTable
from esp_wizard.findings.playbook.answers import Answers
from esp_wizard.findings.playbook.model import Missing, Parity, ParityLine
from esp_wizard.i18n import N_, Labels, _

TOLERANCE = 0.1  # ±10%: within it, a parallel week's volume and KPIs are at parity
PARITY_KINDS = ("trigger", "template family", "inbound API")
OWNER_ROLES = {
    "trigger": ("email-ops",),
    "template family": ("creative-content",),
    "inbound API": ("it-integrations",),
    "report": ("analytics",),
}
FEED_TABLES = ("integrations", "data_sources")
KPI_BASELINES = Labels(
    {
        "per_flow": N_("KPI baselines exist per flow: compare each line's KPIs with its own."),
        "overall": N_(
            "Only overall KPI averages exist: record each line's KPIs on the old platform "
            "during the parallel run."
        ),
        "no_baseline": N_(
            "No KPI baseline: record each line's KPIs on the old platform before switching "
            "it, or parity cannot be shown."
        ),
    }
)


def tolerance() -> str:
    """ "±10%" / "±10 %"."""
    return "±" + i18n.percent(TOLERANCE)


def parity(checklist: Sequence[ChecklistItem], answers: Answers) -> Parity:
    feeds = _feeds(answers)
    lines = [_line(item, answers, feeds) for item in checklist if item.kind in PARITY_KINDS]
    lines += _reports(answers)
    kpis = tuple(dict.fromkeys(g.shown for g in answers.values("kpis")))
    missing: list[Missing] = []
    if not lines:
        missing.append(
            answers.missing(
                _("the automations: journeys, templates, API messages, reports"),
                "journeys",
                ("email-ops", "creative-content", "it-integrations", "analytics"),
            )
        )
    if not kpis:
        missing.append(answers.missing(_("the KPIs that define parity"), "kpis", ("analytics",)))
    kpi_baseline = KPI_BASELINES.get(str(answers.one("baselines")), "")
    if not kpi_baseline:
        missing.append(
            answers.missing(_("whether KPI baselines exist per flow"), "baselines", ("analytics",))
        )
    if any(line.yearly_volume is None and line.kind == "trigger" for line in lines):
        missing.append(
            answers.missing(_("the monthly volume of every journey"), "journeys", ("email-ops",))
        )
    return Parity(tuple(lines), kpis, kpi_baseline, tuple(missing))


def _feeds(answers: Answers) -> dict[str, str]:
    """Every known feed by its key: its name with how and when it moves."""
    found: dict[str, str] = {}
    for question_id in FEED_TABLES:
        table = answers.table(question_id)
        for row in table.rows if table else ():
            how = [_cell(row, f) for f in ("transport", "schedule", "frequency")]
            said = ", ".join(h for h in how if h)
            shown = _("{name} ({how})").format(name=row.name, how=said) if said else row.name
            found.setdefault(row.key, shown)
    return found


def _row(answers: Answers, item: ChecklistItem) -> InventoryRow | None:
    table = answers.table(item.inventory)
    if table is None:
        return None
    return next((r for r in table.rows if r.name == item.name), None)


def _cell(row: InventoryRow | None, field_id: str) -> str:
    return " / ".join(row.cells.get(field_id, ())) if row else ""


def _monthly(row: InventoryRow | None) -> float | None:
    if row is None:
        return None
    found = [s.raw["monthly_volume"] for s in row.sources if "monthly_volume" in s.raw]
    numbers = [v for v in found if isinstance(v, int | float) and not isinstance(v, bool)]
    return max(numbers) if numbers else None


def _line(item: ChecklistItem, answers: Answers, feeds: dict[str, str]) -> ParityLine:
    row = _row(answers, item)
    monthly = _monthly(row)
    yearly = round(monthly * 12) if monthly is not None else None
    depends = [_cell(row, "depends_on"), _cell(row, "trigger_system")]
    return ParityLine(
        kind=item.kind,
        name=item.name,
        baseline=_baseline(yearly) if item.kind != "template family" else _variants(row),
        yearly_volume=yearly,
        owner=_cell(row, "owner")
        or _("not named: ask {who}").format(who=answers.ask(OWNER_ROLES[item.kind])),
        dependencies=_dependencies([d for d in depends if d], feeds),
        test=_test(item.check, yearly) if item.kind != "template family" else item.check,
        sources=tuple(s.id for s in item.sessions),
    )


def _dependencies(said: Sequence[str], feeds: dict[str, str]) -> tuple[str, ...]:
    """The feeds a line names, described as the inventories describe them."""
    found = []
    for text in said:
        lowered = text.casefold()
        known = [desc for key, desc in feeds.items() if key and key in lowered]
        found += known or [text]
    return tuple(dict.fromkeys(found))


def _baseline(yearly: int | None) -> str:
    if yearly is None:
        return _("volume not given")
    return _("{count} messages in 12 months").format(count=i18n.integer(yearly))


def _variants(row: InventoryRow | None) -> str:
    del row  # a family's templates are named in its test
    return _("every variant renders like today's (screenshots of the old platform as reference)")


def _test(check: str, yearly: int | None) -> str:
    if yearly is None:
        return _("{check} Record its volume first: no baseline to compare against.").format(
            check=check
        )
    weekly = round(yearly / 52)
    return _(
        "{check} Over a parallel week, volume within {tolerance} of {weekly} and the tracked "
        "KPIs within the same tolerance."
    ).format(check=check, tolerance=tolerance(), weekly=i18n.integer(weekly))


def _reports(answers: Answers) -> list[ParityLine]:
    table: InventoryTable | None = answers.table("reports")
    rows = [r for r in table.rows if r.must_move != "no"] if table else []
    return [
        ParityLine(
            kind="report",
            name=row.name,
            baseline=_report_baseline(row),
            yearly_volume=None,
            owner=answers.ask(OWNER_ROLES["report"]),
            dependencies=tuple(s for s in row.cells.get("source", ()) if s),
            test=_(
                "Rebuilt from the new platform's data, it shows the same figures as the old one "
                "for the same period (within {tolerance}), on the same schedule."
            ).format(tolerance=tolerance()),
            sources=tuple(dict.fromkeys(s.session.id for s in row.sources)),
        )
        for row in rows
    ]


def _report_baseline(row: InventoryRow) -> str:
    how = [_cell(row, "frequency"), _cell(row, "production")]
    said = ", ".join(h for h in how if h)
    if not said:
        return _("how and how often it is produced: not given")
    return _("today: {how}").format(how=said)
