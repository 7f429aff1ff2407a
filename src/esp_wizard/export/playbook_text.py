"""Words the playbook's renderers share, so Markdown, HTML, DOCX and the TUI say the same.

The playbook's model keeps codes ("not met", "undocumented", "trigger"); they are read
here, in the language in use (the report's), as labels and sentences every format shows
alike. Numbers are written as that language writes them.
"""

from __future__ import annotations

from esp_wizard import i18n
from esp_wizard.export import text as t
from esp_wizard.findings.playbook.model import (
    InterviewPlan,
    MapEdge,
    Missing,
    Parity,
    PlannedPerson,
    Scorecard,
    WarmupPlan,
)
from esp_wizard.i18n import N_, Labels, _, ngettext
from esp_wizard.roles import role_label

STATUS_MARK = Labels({"met": N_("✔ met"), "not met": N_("✘ not met"), "unknown": N_("? unknown")})
SCORECARD_VERDICTS = Labels(
    {"go": N_("go"), "no-go": N_("no-go"), "not yet decidable": N_("not yet decidable")}
)
CONTRACT_LABELS = Labels(
    {
        "fits": N_("fits the contract"),
        "tight": N_("tight against the contract"),
        "does not fit": N_("does not fit the contract"),
        "unknown": N_("contract end unknown"),
    }
)
FLAG_LABELS = Labels({"undocumented": N_("undocumented"), "no owner": N_("no owner")})
DIRECTION_LABELS = Labels(
    {
        "to_esp": N_("into the ESP"),
        "from_esp": N_("out of the ESP"),
        "both": N_("both ways"),
        "unknown": N_("not given"),
    }
)

MAP_INTRO = N_(
    "Systems around the ESP and the flows between them; dotted flows are undocumented or have "
    "no owner."
)
MAP_INTRO_HTML = N_(
    "Systems around the ESP and the flows between them; dashed red flows are undocumented or "
    "have no owner."
)
MAP_INTRO_DOCX = N_(
    "Systems around the ESP and the flows between them; flagged flows are undocumented or have "
    "no owner."
)
NO_MAP = N_("No integration or data source answered yet.")
PARITY_INTRO = N_(
    "Send at parity before improving anything: each line passes its test on the new platform "
    "before the old one stops sending it."
)
PARITY_CSV = N_("Also as CSV: {command}.")
NO_AUTOMATION = N_("No automation inventoried yet.")
SCORECARD_NOTE = N_(
    "Discovery answers describe today's platform: re-check every criterion on the new one at "
    "cut-over."
)
NO_RAMP = N_("No ramp computed: the peak daily volume is missing.")
NOBODY_NAMED = N_("Nobody named yet.")
EVERY_ROLE_HEARD = N_("Every role has been heard.")


def colon(label: str) -> str:
    """ "Stop rules:" / "Règles d'arrêt :" (French puts a space before the colon)."""
    return _("{label}:").format(label=label)


def missing_line(item: Missing) -> str:
    return _("Missing: {what} ({question}); ask {who}").format(
        what=item.what, question=item.question_id, who=item.ask
    )


def questionnaire(person: PlannedPerson) -> str:
    """The role whose questionnaire fits them, as a client reads it (the id is JSON's)."""
    if not person.questionnaire:
        return _("no bundled questionnaire fits: use kickoff")
    return role_label(person.questionnaire)


def person_status(person: PlannedPerson) -> str:
    return _("interviewed") if person.interviewed else _("to interview")


def candidates(role: str, names: tuple[str, ...]) -> str:
    """ "Analytics: Owen Price" or "Analytics: nobody named yet"."""
    return _("{role}: {people}").format(
        role=role_label(role), people=", ".join(names) or _("nobody named yet")
    )


def weeks(count: int | None) -> str:
    if not count:
        return _("not computed")
    return ngettext("{count} week", "{count} weeks", count).format(count=count)


def kpi_line(parity: Parity) -> str:
    tracked = i18n.semicolons(parity.kpis) or _("not answered")
    return _("KPIs tracked: {kpis}. {baseline}").format(kpis=tracked, baseline=parity.kpi_baseline)


def kind(code: str) -> str:
    return t.kind(code)


def flags(codes: tuple[str, ...]) -> str:
    """ "undocumented, no owner" in the report's language."""
    return ", ".join(FLAG_LABELS.get(code, code) for code in codes)


def edge_label(edge: MapEdge) -> str:
    """How a flow travels: "File feed (SFTP) · Daily 01:30"."""
    return edge.label


def verdict_line(card: Scorecard) -> tuple[str, str]:
    """The scorecard's verdict (bold in every format) and the counts and caveat after it."""
    lead = _("Verdict today: {verdict}").format(
        verdict=SCORECARD_VERDICTS.get(card.verdict, card.verdict)
    )
    met, not_met, unknown = (card.count(code) for code in ("met", "not met", "unknown"))
    counts = ", ".join(
        (
            ngettext("{count} met", "{count} met", met).format(count=met),
            ngettext("{count} not met", "{count} not met", not_met).format(count=not_met),
            ngettext("{count} unknown", "{count} unknown", unknown).format(count=unknown),
        )
    )
    return lead, _("({counts}). {note}").format(counts=counts, note=_(SCORECARD_NOTE))


def roadmap_line(estimate: str, length_weeks: int | None, verdict: str, reason: str) -> str:
    """ "migration 12-18 months, warm-up 8 weeks; fits the contract: …"."""
    return _("migration {estimate}, warm-up {weeks}; {contract}: {reason}").format(
        estimate=estimate,
        weeks=weeks(length_weeks),
        contract=CONTRACT_LABELS.get(verdict, verdict),
        reason=reason,
    )


def volume(count: int) -> str:
    return i18n.integer(count)


# The playbook's tables, as every format heads and fills them (cells still to escape), so a
# column added or renamed changes Markdown, HTML and DOCX together.
SCORE_HEADER = (N_("Criterion"), N_("Status"), N_("Why"), N_("Blocking findings"), N_("Ask"))
PLAN_HEADER = (
    N_("Person"),
    N_("Role given"),
    N_("Questionnaire"),
    N_("Topics"),
    N_("Named by"),
    N_("Status"),
)
PARITY_HEADER = (
    N_("Kind"),
    N_("Automation"),
    N_("Baseline"),
    N_("Owner"),
    N_("Depends on"),
    N_("Parity test"),
)
WARMUP_HEADER = (N_("Week"), N_("Daily volume"), N_("Audience"))


def header(titles: tuple[str, ...]) -> list[str]:
    """A table's column titles in the language in use."""
    return [_(title) for title in titles]


def score_header() -> list[str]:
    return header(SCORE_HEADER)


def plan_rows(plan: InterviewPlan) -> list[list[str]]:
    """The people named so far: who they are, what to ask them, whether they were heard."""
    return [
        [
            p.name,
            " / ".join(p.roles_given),
            questionnaire(p),
            i18n.semicolons(p.topics),
            i18n.semicolons(p.named_by),
            person_status(p),
        ]
        for p in plan.people
    ]


def roles_missing(plan: InterviewPlan) -> list[str]:
    """One line per role nobody has answered for yet, with who could."""
    return [candidates(role, plan.candidates.get(role, ())) for role in plan.roles_missing]


def parity_rows(parity: Parity) -> list[list[str]]:
    """One line per automation to rebuild and test at parity."""
    return [
        [
            kind(line.kind),
            line.name,
            line.baseline,
            line.owner,
            i18n.semicolons(line.dependencies) or "—",
            line.test,
        ]
        for line in parity.lines
    ]


def warmup_rows(plan: WarmupPlan) -> list[list[str]]:
    """The warm-up ramp, one line per week."""
    return [[str(w.week), volume(w.daily_volume), w.audience] for w in plan.weeks]


def score_rows(card: Scorecard) -> list[list[str]]:
    """The go/no-go criteria as every format tabulates them (cells still to escape)."""
    return [
        [
            c.label,
            STATUS_MARK[c.status],
            c.reason,
            i18n.semicolons(c.blocking) or "—",
            c.ask or "—",
        ]
        for c in card.criteria
    ]
