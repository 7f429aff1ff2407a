"""The engagement report in the TUI: findings by priority, their evidence, and the playbook.

It only presents `esp_wizard.findings`: the report is compiled by the core in a worker
thread (a large engagement never freezes the screen), then shown in tabs. Every text from
a person or a questionnaire is put on screen as a rich `Text`, never parsed as markup.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Select, Static, TabbedContent, TabPane
from textual.worker import Worker, WorkerState

from esp_wizard.export import text as t
from esp_wizard.findings.model import EngagementReport, Finding, InventoryTable
from esp_wizard.i18n import N_, _, ngettext
from esp_wizard.tui.safe import safe
from esp_wizard.tui.widgets.footer import Footer
from esp_wizard.workspace import Workspace

ALL = "all"
COMPILE_GROUP = "report-compile"
CATEGORY_STYLES = {
    "strength": "green",
    "gap": "red",
    "hack": "dark_orange",
    "manual": "medium_purple",
}
CHART_WIDTH = 16


class ReportScreen(Screen[None]):
    """The compiled report of one client and engagement."""

    CSS_PATH = "report.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", N_("Back"), id="report.close"),
        Binding("c", "focus_filter", N_("Category"), id="report.filter"),
        Binding("x", "export", N_("Export"), id="report.export"),
        Binding("n", "edit_note", N_("Executive note"), id="report.note"),
    ]

    def __init__(self, workspace: Workspace, client: str, engagement: str) -> None:
        super().__init__()
        self.workspace = workspace
        self.client = client
        self.engagement = engagement
        self.report: EngagementReport | None = None
        self._by_key: dict[str, Finding] = {}

    def compose(self) -> ComposeResult:
        yield Static(Text(_("Compiling the report…")), id="report-title")
        with TabbedContent(id="report-tabs"):
            with TabPane(_("Findings"), id="tab-findings"):
                with Horizontal(id="findings-bar"):
                    yield Select(
                        _category_options(),
                        allow_blank=False,
                        value=ALL,
                        id="category-filter",
                    )
                    yield Static("", id="must-fix-count")
                with Horizontal(id="findings-body"):
                    yield DataTable(id="findings-table", cursor_type="row", zebra_stripes=True)
                    yield Static("", id="category-chart")
                yield Static(_("Enter: a finding's evidence and quotes"), id="findings-hint")
            with TabPane(_("Inventory"), id="tab-inventory"):
                yield VerticalScroll(id="inventory")
            with TabPane(_("Conflicts"), id="tab-conflicts"):
                yield VerticalScroll(Static("", id="conflicts-text"))
            with TabPane(_("Follow-ups"), id="tab-follow-ups"):
                yield DataTable(id="follow-ups-table", cursor_type="row", zebra_stripes=True)
            with TabPane(_("Timeline"), id="tab-timeline"):
                yield VerticalScroll(Static("", id="timeline-text"))
            with TabPane(_("Executive"), id="tab-executive"):
                yield VerticalScroll(Static("", id="executive-text"))
        yield Footer()

    def on_mount(self) -> None:
        findings = self.query_one("#findings-table", DataTable)
        findings.add_columns(
            "",
            _("Priority"),
            _("Finding"),
            _("Category"),
            _("Sev"),
            _("Imp"),
            _("Roles"),
            _("Phase"),
        )
        follow_ups = self.query_one("#follow-ups-table", DataTable)
        follow_ups.add_columns(_("Session"), _("Why"), _("Question"), _("Answer"), _("Note"))
        self.compile_report()

    @work(thread=True, exclusive=True, exit_on_error=False, group=COMPILE_GROUP)
    def compile_report(self) -> EngagementReport:
        from esp_wizard.findings import compile_workspace

        return compile_workspace(self.workspace, self.client, self.engagement)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != COMPILE_GROUP:
            return
        if event.state == WorkerState.SUCCESS and event.worker.result is not None:
            self.show_report(event.worker.result)
        elif event.state == WorkerState.ERROR:
            message = _("The report could not be compiled: {error}").format(
                error=event.worker.error
            )
            self.query_one("#report-title", Static).update(safe(Text(message, style="bold red")))
            self.notify(message, severity="error")

    # -- showing the report -------------------------------------------------------------
    def show_report(self, report: EngagementReport) -> None:
        first = self.report is None
        self.report = report
        self._by_key = {f.key: f for f in report.all_findings}
        title = Text()
        title.append(t.report_title(report), style="bold")
        title.append(
            "  ·  "
            + ngettext("{count} session", "{count} sessions", len(report.sessions)).format(
                count=len(report.sessions)
            )
            + "  ·  "
            + _("as of {when}").format(when=t.when(report.as_of)),
            style="dim",
        )
        self.query_one("#report-title", Static).update(safe(title))
        must = Text()
        count = len(report.must_fix)
        must_fix = ngettext("{count} must-fix", "{count} must-fix", count).format(count=count)
        must.append(must_fix, style="bold red")
        count = len(report.findings)
        must.append(
            " "
            + ngettext("of {count} finding to fix", "of {count} findings to fix", count).format(
                count=count
            )
        )
        self.query_one("#must-fix-count", Static).update(safe(must))
        self.query_one("#category-chart", Static).update(safe(category_chart(report)))
        self._fill_findings()
        self._fill_inventory(report.inventory)
        self.query_one("#conflicts-text", Static).update(safe(conflicts_text(report)))
        self._fill_follow_ups(report)
        self.query_one("#timeline-text", Static).update(safe(timeline_text(report)))
        self.query_one("#executive-text", Static).update(safe(executive_text(report)))
        if first:  # Enter opens a finding at once, no Tab needed to reach the table
            self.query_one("#findings-table", DataTable).focus()

    def visible_findings(self) -> list[Finding]:
        """Report order (must-fix first, then priority), strengths last, filtered."""
        if self.report is None:
            return []
        chosen = self.query_one("#category-filter", Select).value
        return [f for f in self.report.all_findings if chosen in (ALL, f.category)]

    def _fill_findings(self) -> None:
        table = self.query_one("#findings-table", DataTable)
        table.clear()
        for finding in self.visible_findings():
            table.add_row(*map(safe, finding_cells(finding)), key=finding.key)

    def _fill_inventory(self, tables: Iterable[InventoryTable]) -> None:
        holder = self.query_one("#inventory", VerticalScroll)
        holder.remove_children()
        widgets: list[Static | DataTable] = []
        for table in tables:
            widgets.append(Static(safe(table.title, "bold"), classes="inventory-title"))
            widgets.append(inventory_table(table))
        if not widgets:
            widgets.append(Static(_("No inventory answered yet.")))
        holder.mount_all(widgets)

    def _fill_follow_ups(self, report: EngagementReport) -> None:
        table = self.query_one("#follow-ups-table", DataTable)
        table.clear()
        for item in report.follow_ups:
            table.add_row(
                safe(f"{item.session.id} ({item.session.people})"),
                safe(t.FOLLOW_UP_LABELS[item.kind]),
                safe(item.question),
                safe(item.answer),
                safe(item.note),
            )

    # -- actions ------------------------------------------------------------------------
    @on(Select.Changed, "#category-filter")
    def _filter_changed(self) -> None:
        self._fill_findings()

    @on(DataTable.RowSelected, "#findings-table")
    def _finding_chosen(self, event: DataTable.RowSelected) -> None:
        finding = self._by_key.get(str(event.row_key.value))
        if finding is not None:
            self.app.push_screen(FindingScreen(finding))

    def action_focus_filter(self) -> None:
        self.query_one("#category-filter", Select).focus()

    def action_export(self) -> None:
        from esp_wizard.tui.screens.export_modal import ExportModal

        self.app.push_screen(ExportModal(self.workspace, None, self.client, self.engagement))

    def action_close(self) -> None:
        self.dismiss(None)

    def action_edit_note(self) -> None:
        """Edit the engagement's executive note; saving recompiles the report."""
        from esp_wizard.tui.screens.note_modal import NoteModal

        note = self.report.executive.note if self.report and self.report.executive else ""
        modal = NoteModal(self.workspace, self.client, self.engagement, note)
        self.app.push_screen(modal, callback=self._note_saved)

    def _note_saved(self, saved: bool | None) -> None:
        if saved:
            self.compile_report()


def executive_text(report: EngagementReport) -> Text:
    """The executive summary as the client reads it (n edits the note shown first)."""
    text = Text()
    summary = report.executive
    if summary is None:
        return Text(_("No interview yet."))
    text.append(_("Consultant's note (n to edit)\n"), style="bold")
    text.append((summary.note or _("none yet")) + "\n\n", style="" if summary.note else "dim")
    verdict = t.VERDICT_LABELS[summary.verdict.level]
    text.append(_("Readiness: {verdict}.").format(verdict=verdict) + " ", style="bold")
    text.append(t.sentence(summary.verdict.reason) + "\n\n")
    text.append(_("Decisions needed\n"), style="bold")
    for decision in summary.decisions:
        by = t.date(decision.deadline) or _("now")
        text.append(
            _("• {title} (by {by}, {deadline_reason})\n").format(
                title=decision.title, by=by, deadline_reason=decision.deadline_reason
            )
        )
        text.append(f"  {decision.why}\n", style="dim")
    text.append(_("\nKey messages\n"), style="bold")
    for message in summary.messages:
        text.append(f"• {message}\n")
    return text


def _category_options() -> list[tuple[str, str]]:
    return [(_("All categories"), ALL)] + [(label, key) for key, label in t.CATEGORY_LABELS.items()]


def finding_cells(finding: Finding) -> list[Text]:
    mark = Text(_("MUST FIX"), style="bold white on red") if finding.must_fix else Text("")
    style = CATEGORY_STYLES.get(finding.category, "")
    return [
        mark,
        Text(t.number(finding.priority), style="bold", justify="right"),
        Text(finding.title),
        Text(t.category(finding.category), style=style),
        Text(str(finding.severity), justify="right"),
        Text(str(finding.impact), justify="right"),
        Text(str(finding.breadth), justify="right"),
        Text(t.phase(finding.phase)),
    ]


def category_chart(report: EngagementReport) -> Text:
    """Findings per category as horizontal bars, longest for the largest count."""
    counts = report.category_counts()
    most = max(counts.values(), default=0) or 1
    chart = Text()
    chart.append(_("Findings per category\n"), style="bold")
    for key, count in counts.items():
        length = round(CHART_WIDTH * count / most)
        chart.append(f"{t.sentence(key):<10}")
        chart.append("█" * length, style=CATEGORY_STYLES.get(key, ""))
        chart.append(f" {count}\n")
    return chart


def inventory_table(table: InventoryTable) -> DataTable:
    widget: DataTable = DataTable(cursor_type="row", zebra_stripes=True, classes="inventory")
    labels = [label for _, label in table.columns]
    if table.has_must_move:
        labels.append(_("Must move"))
    widget.add_columns(*(safe(label, lines=False) for label in labels), _("Sources"))
    for row in table.rows:
        cells = [Text(row.name, style="bold")]
        cells += [Text(" / ".join(row.cells[f])) for f, _ in table.columns[1:]]
        if table.has_must_move:
            cells.append(Text(t.MOVE_LABELS[row.must_move]))
        cells.append(Text("; ".join(s.session.id for s in row.sources)))
        widget.add_row(*map(safe, cells))
    return widget


def conflicts_text(report: EngagementReport) -> Text:
    if not report.conflicts:
        return Text(_("No conflicting answers between roles."))
    text = Text(_("The same question, answered differently by different roles:\n\n"))
    for conflict in report.conflicts:
        text.append(conflict.question, style="bold")
        text.append(f"  ({conflict.question_id})\n", style="dim")
        for position in conflict.positions:
            text.append("  • ")
            text.append(position.answer, style="bold")
            text.append(f": {'; '.join(t.who(s) for s in position.sessions)}\n")
        text.append("\n")
    return text


def timeline_text(report: EngagementReport) -> Text:
    timeline = report.timeline
    text = Text()
    text.append(_("Timeline estimate: "), style="bold")
    text.append(timeline.estimate, style="bold cyan")
    drivers = ngettext(
        "from {count} distinct driver", "from {count} distinct drivers", timeline.count
    )
    text.append("  " + drivers.format(count=timeline.count) + "\n")
    for driver in timeline.drivers:
        text.append(f"  • {driver.label}")
        text.append(f"  ({'; '.join(t.who(s) for s in driver.sessions)})\n", style="dim")
    text.append(_("\nReadiness by phase\n"), style="bold")
    for view in report.readiness:
        style = {"blocked": "red", "at risk": "yellow", "clear": "green"}[view.status]
        text.append(f"  {t.phase(view.phase):<10}")
        text.append(f"{t.READINESS_LABELS[view.status]:<22}", style=style)
        text.append(
            _("{must_fix} must-fix · {open} to fix · {strengths} kept\n").format(
                must_fix=view.must_fix, open=view.open, strengths=view.strengths
            )
        )
    text.append(_("\nRoles covered: "), style="bold")
    text.append(", ".join(report.roles_covered) or _("none"))
    text.append(_("\nNot yet interviewed: "), style="bold")
    text.append(", ".join(report.roles_missing) or _("none"))
    text.append(f"\n\n{report.formula}\n", style="dim")
    for warning in report.warnings:
        text.append(f"\n⚠ {warning}", style="yellow")
    return text


def evidence_text(finding: Finding) -> Text:
    """A finding with who raised it, the answers behind it, notes and verbatim quotes."""
    text = Text()
    text.append(finding.title, style="bold")
    if finding.must_fix:
        text.append("  " + _("MUST FIX"), style="bold white on red")
    text.append(
        "\n"
        + _(
            "{category} · phase {phase} · severity {severity} · impact {impact} · effort "
            "{effort} · breadth {breadth} ({roles}) · priority {priority}"
        ).format(
            category=t.category(finding.category),
            phase=t.phase(finding.phase),
            severity=finding.severity,
            impact=finding.impact,
            effort=finding.effort,
            breadth=finding.breadth,
            roles=", ".join(finding.roles),
            priority=t.number(finding.priority),
        )
        + "\n",
        style="dim",
    )
    if finding.detail:
        text.append(f"\n{finding.detail}\n")
    if finding.recommendation:
        text.append(_("\nRecommendation: "), style="bold")
        text.append(f"{finding.recommendation}\n")
    for note in finding.notes:
        text.append(f"\n{note}\n", style="italic dim")
    text.append(_("\nEvidence\n"), style="bold underline")
    for evidence in finding.evidence:
        session = evidence.session
        text.append(f"\n{session.people}", style="bold")
        started = t.day(session.started)
        text.append(
            "  " + _("session {id} · {started}").format(id=session.id, started=started) + "\n",
            style="dim",
        )
        said = [title for title in evidence.said if title != finding.title]
        if said:
            text.append("  " + _("Said as: {titles}").format(titles="; ".join(said)) + "\n")
        for answer in evidence.answers:
            text.append(f"  {answer.question} ", style="dim")
            text.append(f"{answer.answer}\n", style="bold")
            if answer.note:
                text.append("    " + _("Note: {note}\n").format(note=answer.note), style="italic")
            if answer.quote:
                text.append(f"    “{answer.quote}”\n", style="italic cyan")
    return text


class FindingScreen(ModalScreen[None]):
    """One finding's evidence and quotes; Escape or Enter goes back to the table."""

    CSS_PATH = "report.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", N_("Back"), id="finding.close"),
        Binding("enter", "close", N_("Back"), show=False, id="finding.close-enter"),
    ]

    def __init__(self, finding: Finding) -> None:
        super().__init__()
        self.finding = finding

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="finding-dialog"):
            yield Static(safe(evidence_text(self.finding)), id="finding-evidence")

    def action_close(self) -> None:
        self.dismiss(None)
