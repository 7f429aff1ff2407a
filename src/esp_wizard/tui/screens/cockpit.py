"""The engagement cockpit: where an engagement stands, on one screen that fits 80x24.

Roles heard and missing, must-fix count, go/no-go verdict, timeline against the contract
on top; below, the interview plan (Enter starts an interview with that person, the
questionnaire that fits their role already chosen), open conflicts and follow-ups. The
core compiles the engagement in a worker (tui/compile_worker.py); this screen only presents
it, every text from a person as a rich `Text`, never as markup. Roles read as their labels
and questionnaires as their titles, in the interface's language: ids are for files.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import getters, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Static, TabbedContent, TabPane

from esp_wizard import i18n
from esp_wizard.export import playbook_text as pt
from esp_wizard.export import text as t
from esp_wizard.findings.model import EngagementReport
from esp_wizard.findings.playbook.model import PlannedPerson
from esp_wizard.i18n import N_, Labels, _, ngettext
from esp_wizard.questionnaire.catalog import Catalog
from esp_wizard.roles import role_labels
from esp_wizard.tui.app import WizardApp
from esp_wizard.tui.compile_worker import EngagementScreen
from esp_wizard.tui.safe import safe
from esp_wizard.tui.widgets.fitted_table import Column, FittedTable
from esp_wizard.tui.widgets.key_bar import KeyFooter
from esp_wizard.workspace import Workspace

VERDICT_STYLES = {"go": "bold green", "no-go": "bold red", "not yet decidable": "bold yellow"}
VERDICT_LABELS = Labels(
    {"go": N_("go"), "no-go": N_("no-go"), "not yet decidable": N_("not yet decidable")}
)
CONTRACT_STYLES = {"fits": "green", "tight": "yellow", "does not fit": "bold red", "unknown": ""}


def plan_columns() -> list[Column]:
    """The plan at 80 columns: a questionnaire's long title and the topics share what the
    name and the status leave, each cut with "…" (Enter opens the form with the title whole)."""
    return [
        Column(_("Person"), floor=10, want=16),
        Column(_("Interview as"), floor=12, want=16),
        Column(_("Status"), floor=8, cap=14),
        Column(_("Topics"), floor=10, want=16, drop=1),
    ]


class CockpitScreen(EngagementScreen):
    app = getters.app(WizardApp)  # typed access to the app's own actions
    CSS_PATH = "cockpit.tcss"
    STATUS_ID = "#cockpit-title"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", N_("Back"), id="cockpit.close"),
        Binding("r", "report", N_("Report"), id="cockpit.report"),
    ]

    def __init__(self, workspace: Workspace, client: str, engagement: str) -> None:
        super().__init__(workspace, client, engagement)
        self.people: list[PlannedPerson] = []
        self.titles: dict[str, str] = {}  # questionnaire id -> its title, looked up off-thread

    def compose(self) -> ComposeResult:
        yield Static(Text(_("Compiling the engagement…")), id="cockpit-title")
        yield Static("", id="cockpit-summary")
        with TabbedContent(id="cockpit-tabs"):
            with TabPane(_("Plan (Enter: interview)"), id="tab-plan"):
                yield FittedTable(plan_columns(), id="plan-table")
                yield Static("", id="plan-detail")  # the highlighted person, nothing cut
            with TabPane(_("Conflicts"), id="tab-conflicts"):
                yield VerticalScroll(Static("", id="cockpit-conflicts"))
            with TabPane(_("Follow-ups"), id="tab-chase"):
                yield DataTable(id="chase-table", cursor_type="row", zebra_stripes=True)
            with TabPane(_("Go/no-go"), id="tab-go"):
                yield VerticalScroll(Static("", id="cockpit-go"))
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#chase-table", DataTable).add_columns(_("Who"), _("Question"), _("Answer"))
        self.compile_engagement()

    def compile_in_thread(self) -> EngagementReport:
        report = super().compile_in_thread()
        planned = report.playbook.interview_plan.people if report.playbook else ()
        wanted = {person.questionnaire for person in planned if person.questionnaire}
        catalog = self.app.catalog()  # loaded once, here off the UI thread if not yet
        self.titles = {qid: questionnaire_title(catalog, qid, self.language) for qid in wanted}
        return report

    # -- presenting ---------------------------------------------------------------------
    def show(self, report: EngagementReport) -> None:
        super().show(report)
        title = Text(t.report_title(report), style="bold")
        count = len(report.sessions)
        title.append(
            "  ·  " + ngettext("{count} session", "{count} sessions", count).format(count=count),
            style="dim",
        )
        self.query_one("#cockpit-title", Static).update(safe(title))
        self.query_one("#cockpit-summary", Static).update(safe(summary_text(report)))
        self._fill_plan(report)
        self.query_one("#cockpit-conflicts", Static).update(safe(conflicts_text(report)))
        chase = self.query_one("#chase-table", DataTable)
        chase.clear()
        for item in report.follow_ups:
            chase.add_row(safe(t.who(item.session)), safe(item.question), safe(item.answer))
        self.query_one("#cockpit-go", Static).update(safe(scorecard_text(report)))
        self.query_one("#plan-table", DataTable).focus()

    def _fill_plan(self, report: EngagementReport) -> None:
        self.people = list(report.playbook.interview_plan.people) if report.playbook else []
        rows = []
        for index, person in enumerate(self.people):
            status = pt.person_status(person)
            cells = [
                Text(person.name, "bold" if not person.interviewed else "dim"),
                Text(self.title_of(person)),
                Text(status, "dim" if person.interviewed else "cyan"),
                Text("; ".join(person.topics)),
            ]
            rows.append((str(index), cells))
        table = self.query_one("#plan-table", FittedTable)
        table.set_rows(rows)
        self._show_person(table.cursor_row)

    def title_of(self, person: PlannedPerson) -> str:
        return self.titles.get(person.questionnaire, person.questionnaire) or _("(kickoff?)")

    @on(DataTable.RowHighlighted, "#plan-table")
    def _person_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_person(event.cursor_row)

    def _show_person(self, row: int) -> None:
        shown = Text("")
        if 0 <= row < len(self.people):
            person = self.people[row]
            shown = person_text(person, self.title_of(person))
        self.query_one("#plan-detail", Static).update(safe(shown))

    # -- actions ------------------------------------------------------------------------
    @on(DataTable.RowSelected, "#plan-table")
    def _interview(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if 0 <= event.cursor_row < len(self.people):
            self.start_interview(self.people[event.cursor_row])

    def start_interview(self, person: PlannedPerson) -> None:
        """The new-interview form with this engagement, this person and their questionnaire."""
        from esp_wizard.errors import UserError
        from esp_wizard.session.model import Interviewee
        from esp_wizard.tui.start import NewPresets

        questionnaire = None
        if person.questionnaire:
            language = self.report.sessions[-1].language if self.report else None
            catalog = self.app.catalog()
            try:
                questionnaire = catalog.find(person.questionnaire, language)
            except UserError:
                questionnaire = None  # not installed here: the form offers them all
        role = person.questionnaire or " / ".join(person.roles_given)
        presets = NewPresets(
            client=self.client,
            engagement=self.engagement,
            questionnaire=questionnaire,
            interviewees=(Interviewee(name=person.name, role=role),),
        )
        self.app.new_interview(presets)

    def action_report(self) -> None:
        from esp_wizard.tui.screens.report import ReportScreen

        self.app.push_screen(ReportScreen(self.workspace, self.client, self.engagement))

    def action_close(self) -> None:
        self.dismiss(None)


def summary_text(report: EngagementReport) -> Text:
    """Four short lines that stay readable at 80 columns."""
    text = Text()
    text.append(_("Heard   "), style="bold")
    text.append(role_labels(report.roles_covered) or _("nobody yet"), style="green")
    text.append(_("\nMissing "), style="bold")
    text.append(role_labels(report.roles_missing) or _("none: every role heard"), style="yellow")
    text.append("\n")
    count = len(report.must_fix)
    must_fix = ngettext("{count} must-fix", "{count} must-fix", count).format(count=count)
    text.append(must_fix, style="bold red" if report.must_fix else "")
    count = len(report.conflicts)
    text.append(
        " · "
        + ngettext("{count} conflict to settle", "{count} conflicts to settle", count).format(
            count=count
        )
    )
    count = len(report.follow_ups)
    text.append(
        " · "
        + ngettext("{count} follow-up to chase", "{count} follow-ups to chase", count).format(
            count=count
        )
    )
    book = report.playbook
    if book is None:
        return text
    card, contract = book.scorecard, book.contract
    text.append(_("\nGo/no-go "), style="bold")
    text.append(VERDICT_LABELS.get(card.verdict, card.verdict), style=VERDICT_STYLES[card.verdict])
    text.append(" " + _("· timeline "), style="bold")
    warmup = pt.weeks(book.warmup.length_weeks)
    text.append(
        _("{estimate} + warm-up {warmup}").format(estimate=report.timeline.estimate, warmup=warmup)
    )
    text.append(" · ")
    text.append(pt.CONTRACT_LABELS[contract.verdict], style=CONTRACT_STYLES[contract.verdict])
    return text


def conflicts_text(report: EngagementReport) -> Text:
    if not report.conflicts:
        return Text(_("No conflicting answers between roles."))
    text = Text()
    for conflict in report.conflicts:
        text.append(f"{conflict.question}\n", style="bold")
        for position in conflict.positions:  # roles only: the report names every session
            text.append("  • " + _("{label}: ").format(label=position.answer))
            text.append(f"{role_labels(position.roles)}\n", style="dim")
    return text


def person_text(person: PlannedPerson, title: str) -> Text:
    """The highlighted person of the plan in full: the table cuts a long title or topic."""
    text = Text()
    text.append(person.name, style="bold")
    for label, value in (
        (_("Interview as"), title),
        (_("Topics"), i18n.semicolons(person.topics)),
        (_("Named by"), i18n.semicolons(person.named_by)),
    ):
        if value:
            text.append("\n" + _("{label}: ").format(label=label), style="bold")
            text.append(value)
    return text


def scorecard_text(report: EngagementReport) -> Text:
    if report.playbook is None:
        return Text("")
    card = report.playbook.scorecard
    # The marks' column as wide as the longest mark in the language shown ("✘ non rempli").
    indent = " " * max(11, 1 + max(len(mark) for mark in pt.STATUS_MARK.values()))
    text = Text()
    for criterion in card.criteria:
        style = {"met": "green", "not met": "red", "unknown": "yellow"}[criterion.status]
        text.append(pt.STATUS_MARK[criterion.status].ljust(len(indent)), style=style)
        text.append(f"{criterion.label}\n", style="bold")
        text.append(f"{indent}{criterion.reason}\n", style="dim")
        if criterion.ask:
            text.append(indent + _("ask {ask}\n").format(ask=criterion.ask), style="dim")
    return text


def questionnaire_title(catalog: Catalog, questionnaire_id: str, language: str) -> str:
    """The title a consultant knows a questionnaire by, in the interface's language when it
    exists in it, else in any language; the id when this workspace does not have it."""
    from esp_wizard.errors import UserError

    for wanted in (language, None):
        try:
            return catalog.find(questionnaire_id, wanted).title
        except UserError:
            continue
    return questionnaire_id
