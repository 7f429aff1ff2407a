"""The engagement report in the TUI: findings by priority, their evidence, and the playbook.

It only presents `esp_wizard.findings`: the report is compiled by the core in a worker
thread (a large engagement never freezes the screen), then shown in tabs. Every text from
a person or a questionnaire is put on screen as a rich `Text`, never parsed as markup.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import DataTable, Select, Static, TabbedContent, TabPane

from esp_wizard import i18n
from esp_wizard.export import text as t
from esp_wizard.findings.model import (
    EngagementReport,
    Finding,
    FollowUp,
    InventoryRow,
    InventoryTable,
)
from esp_wizard.i18n import N_, Labels, _, ngettext
from esp_wizard.roles import role_labels
from esp_wizard.tui.compile_worker import EngagementScreen
from esp_wizard.tui.safe import safe
from esp_wizard.tui.widgets.fitted_table import Column, FittedTable
from esp_wizard.tui.widgets.key_bar import KeyFooter
from esp_wizard.workspace import Workspace

ALL = "all"
CATEGORY_STYLES = {
    "strength": "green",
    "gap": "red",
    "hack": "dark_orange",
    "manual": "medium_purple",
}
CHART_WIDTH = 16
# The categories as short as the chart beside the table has room for, read in the language
# in use ("Hack (workaround)" is the report's label).
CHART_LABELS = Labels(
    {"strength": N_("Strength"), "gap": N_("Gap"), "hack": N_("Hack"), "manual": N_("Manual")}
)
WIDE = 110  # from this width on, the category chart has room beside the findings


def finding_columns() -> list[Column]:
    """The findings table: the title takes what is left; scores go first when it is narrow
    (the detail under the table shows every score of the highlighted finding)."""
    return [
        Column("", floor=8),  # the must-fix badge, as wide as its words
        Column(_("Priority"), floor=4, cap=8),
        Column(_("Finding"), floor=24, want=40),
        Column(_("Category"), floor=8, cap=12, drop=1),
        Column(_("Phase"), floor=6, cap=12, drop=2),
        Column(_("Sev"), floor=3, cap=3, drop=5),
        Column(_("Imp"), floor=3, cap=3, drop=4),
        Column(_("Roles"), floor=5, cap=5, drop=3),
    ]


def follow_up_columns() -> list[Column]:
    return [
        Column(_("Session"), floor=8, cap=10),
        Column(_("Why"), floor=10, cap=24),
        Column(_("Question"), floor=20, want=36),
        Column(_("Answer"), floor=8, drop=1),
        Column(_("Note"), floor=8, drop=2),
    ]


class ReportScreen(EngagementScreen):
    """The compiled report of one client and engagement."""

    CSS_PATH = "report.tcss"
    STATUS_ID = "#report-title"
    FAILED = N_("The report could not be compiled: {error}")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", N_("Back"), id="report.close"),
        Binding(
            "right_square_bracket",
            "switch_tab(1)",
            N_("Next tab"),
            id="report.next-tab",
            tooltip=N_("The next tab, with its table ready for the arrows and Enter"),
        ),
        Binding(
            "left_square_bracket",
            "switch_tab(-1)",
            N_("Previous tab"),
            show=False,
            id="report.previous-tab",
            tooltip=N_("The previous tab, with its table ready for the arrows and Enter"),
        ),
        Binding("c", "focus_filter", N_("Category"), id="report.filter"),
        Binding("x", "export", N_("Export"), id="report.export"),
        Binding("n", "edit_note", N_("Executive note"), id="report.note"),
    ]

    def __init__(self, workspace: Workspace, client: str, engagement: str) -> None:
        super().__init__(workspace, client, engagement)
        self._by_key: dict[str, Finding] = {}
        self._inventory: dict[str, tuple[InventoryTable, InventoryRow]] = {}

    def compose(self) -> ComposeResult:
        yield Static(Text(_("Compiling the report…")), id="report-title")
        with TabbedContent(id="report-tabs"):
            with TabPane(_("Findings"), id="tab-findings"):
                with Horizontal(id="findings-bar"):
                    yield Select(
                        _category_options(),
                        allow_blank=False,
                        value=ALL,
                        compact=True,
                        id="category-filter",
                    )
                    yield Static("", id="must-fix-count")
                with Horizontal(id="findings-body"):
                    with Vertical(id="findings-main"):
                        yield FittedTable(finding_columns(), id="findings-table")
                        yield _detail_pane("finding-detail", _("Enter: evidence and quotes"))
                    yield Static("", id="category-chart")
            with TabPane(_("Inventory"), id="tab-inventory"):
                yield VerticalScroll(id="inventory")
                yield _detail_pane("inventory-detail", _("The highlighted row in full"))
            with TabPane(_("Conflicts"), id="tab-conflicts"):
                yield VerticalScroll(Static("", id="conflicts-text"))
            with TabPane(_("Follow-ups"), id="tab-follow-ups"):
                yield FittedTable(follow_up_columns(), id="follow-ups-table")
                yield _detail_pane("follow-up-detail", _("The highlighted follow-up in full"))
            with TabPane(_("Timeline"), id="tab-timeline"):
                yield VerticalScroll(Static("", id="timeline-text"))
            with TabPane(_("Executive"), id="tab-executive"):
                yield VerticalScroll(Static("", id="executive-text"))
        yield KeyFooter()

    def on_mount(self) -> None:
        self.compile_engagement()

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(event.size.width < WIDE, "-narrow")

    # -- showing the report -------------------------------------------------------------
    def show(self, report: EngagementReport) -> None:
        first = self.report is None
        super().show(report)
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
        self._count_categories(report)
        self._fill_findings()
        self._fill_inventory(report.inventory)
        self.query_one("#conflicts-text", Static).update(safe(conflicts_text(report)))
        self._fill_follow_ups(report)
        self.query_one("#timeline-text", Static).update(safe(timeline_text(report)))
        self.query_one("#executive-text", Static).update(safe(executive_text(report)))
        if first:  # Enter opens a finding at once, no Tab needed to reach the table
            self.query_one("#findings-table", FittedTable).focus()

    def _count_categories(self, report: EngagementReport) -> None:
        select = self.query_one("#category-filter", Select)
        chosen = select.value
        with select.prevent(Select.Changed):
            select.set_options(_category_options(report.category_counts()))  # picks "all"
            select.value = "gap" if chosen == ALL else ALL  # the shown label is redrawn
            select.value = chosen  # only when the value changes

    def visible_findings(self) -> list[Finding]:
        """Report order (must-fix first, then priority), strengths last, filtered."""
        if self.report is None:
            return []
        chosen = self.query_one("#category-filter", Select).value
        return [f for f in self.report.all_findings if chosen in (ALL, f.category)]

    def _fill_findings(self) -> None:
        findings = self.visible_findings()
        table = self.query_one("#findings-table", FittedTable)
        table.set_rows([(f.key, finding_cells(f)) for f in findings])
        self._show_finding(table.highlighted_key)

    def _fill_inventory(self, tables: Iterable[InventoryTable]) -> None:
        holder = self.query_one("#inventory", VerticalScroll)
        holder.remove_children()
        self._inventory = {}
        widgets: list[Static | FittedTable] = []
        for number, table in enumerate(tables):
            title = Text(table.title, style="bold")
            title.append(f"  ·  {t.plural(len(table.rows), table.item)}", style="dim")
            widgets.append(Static(safe(title), classes="inventory-title"))
            widget = FittedTable(inventory_columns(table), classes="inventory")
            rows = []
            for index, row in enumerate(table.rows):
                key = f"{number}:{index}"
                self._inventory[key] = (table, row)
                rows.append((key, inventory_cells(table, row)))
            widget.set_rows(rows)
            widgets.append(widget)
        if not widgets:
            widgets.append(Static(_("No inventory answered yet.")))
        holder.mount_all(widgets)
        first = next(iter(self._inventory), None)
        self._show_inventory_row(first)

    def _fill_follow_ups(self, report: EngagementReport) -> None:
        table = self.query_one("#follow-ups-table", FittedTable)
        table.set_rows(
            [
                (
                    str(index),
                    [
                        item.session.id,
                        t.FOLLOW_UP_LABELS[item.kind],
                        item.question,
                        item.answer,
                        item.note,
                    ],
                )
                for index, item in enumerate(report.follow_ups)
            ]
        )
        self._show_follow_up(table.highlighted_key)

    # -- the detail of the highlighted row ------------------------------------------------
    @on(DataTable.RowHighlighted)
    def _row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        key = event.row_key.value
        if event.data_table.id == "findings-table":
            self._show_finding(key)
        elif event.data_table.id == "follow-ups-table":
            self._show_follow_up(key)
        elif event.data_table.has_class("inventory") and event.data_table.has_focus:
            self._show_inventory_row(key)  # not a table re-fitted to a new width

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if isinstance(event.widget, FittedTable) and event.widget.has_class("inventory"):
            self._show_inventory_row(event.widget.highlighted_key)

    def _show_finding(self, key: str | None) -> None:
        finding = self._by_key.get(key or "")
        shown = finding_summary(finding) if finding else Text(_("No finding in this category."))
        self.query_one("#finding-detail", Static).update(safe(shown))

    def _show_follow_up(self, key: str | None) -> None:
        if self.report is None or key is None:
            shown = Text(_("Nothing to follow up."))
        else:
            shown = follow_up_text(self.report.follow_ups[int(key)])
        self.query_one("#follow-up-detail", Static).update(safe(shown))

    def _show_inventory_row(self, key: str | None) -> None:
        found = self._inventory.get(key or "")
        shown = inventory_row_text(*found) if found else Text("")
        self.query_one("#inventory-detail", Static).update(safe(shown))

    # -- actions ------------------------------------------------------------------------
    @on(Select.Changed, "#category-filter")
    def _filter_changed(self) -> None:
        self._fill_findings()

    @on(DataTable.RowSelected, "#findings-table")
    def _finding_chosen(self, event: DataTable.RowSelected) -> None:
        finding = self._by_key.get(str(event.row_key.value))
        if finding is not None:
            self.app.push_screen(FindingScreen(finding))

    def action_switch_tab(self, step: int) -> None:
        """Move through the tabs from anywhere on the screen (Textual's own way needs the
        tab row focused first), and put the keys straight into the tab's table or text."""
        tabs = self.query_one("#report-tabs", TabbedContent)
        order = [pane.id for pane in self.query(TabPane) if pane.id]
        tabs.active = order[(order.index(tabs.active) + step) % len(order)]
        pane = self.query_one(f"#{tabs.active}", TabPane)
        tables, texts = pane.query(DataTable), pane.query(VerticalScroll)
        target = tables.first() if tables else texts.first() if texts else None
        if target is not None:  # once the pane is shown: a hidden widget takes no focus
            self.call_after_refresh(target.focus)

    def action_focus_filter(self) -> None:
        self.query_one("#report-tabs", TabbedContent).active = "tab-findings"
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
            self.compile_engagement()


def _detail_pane(widget_id: str, title: str) -> Static:
    """The pane under a table that shows its highlighted row in full, wrapped."""
    pane = Static("", id=widget_id, classes="detail")
    pane.border_title = title
    return pane


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


def _category_options(counts: dict[str, int] | None = None) -> list[tuple[str, str]]:
    """The filter's choices; with the report, each says how many findings it holds (the
    chart beside the table has no room below 110 columns)."""
    counts = counts or {}
    total = sum(counts.values())

    def label(text: str, count: int) -> str:
        return f"{text} ({count})" if counts else text

    options = [(label(_("All categories"), total), ALL)]
    return options + [
        (label(name, counts.get(key, 0)), key) for key, name in t.CATEGORY_LABELS.items()
    ]


def finding_cells(finding: Finding) -> list[Text]:
    mark = Text(_("MUST FIX"), style="bold white on red") if finding.must_fix else Text("")
    style = CATEGORY_STYLES.get(finding.category, "")
    return [
        mark,
        Text(t.number(finding.priority), style="bold", justify="right"),
        Text(finding.title),
        Text(t.category(finding.category), style=style),
        Text(t.phase(finding.phase)),
        Text(str(finding.severity), justify="right"),
        Text(str(finding.impact), justify="right"),
        Text(str(finding.breadth), justify="right"),
    ]


def finding_summary(finding: Finding) -> Text:
    """The highlighted finding under the table: its whole title, scores and what to do."""
    text = Text()
    if finding.must_fix:
        text.append(_("MUST FIX"), style="bold white on red")
        text.append(" ")
    text.append(finding.title, style="bold")
    text.append("\n")
    text.append(t.category(finding.category), style=CATEGORY_STYLES.get(finding.category, ""))
    scores = _(
        "phase {phase} · severity {severity} · impact {impact} · effort {effort} · "
        "{roles} roles · priority {priority}"
    ).format(
        phase=t.phase(finding.phase),
        severity=finding.severity,
        impact=finding.impact,
        effort=finding.effort,
        roles=finding.breadth,
        priority=t.number(finding.priority),
    )
    text.append(f" · {scores}\n", style="dim")
    if finding.recommendation:
        text.append(_("Recommendation: "), style="bold")
        text.append(finding.recommendation)
    elif finding.detail:
        text.append(finding.detail)
    return text


def follow_up_text(item: FollowUp) -> Text:
    """One follow-up in full: who, why, the whole question, the answer and the note."""
    text = Text()
    text.append(t.FOLLOW_UP_LABELS[item.kind], style="bold yellow")
    text.append(f"  ·  {t.who(item.session)}\n", style="dim")
    text.append(item.question, style="bold")
    text.append("\n")
    for label, value in ((_("Answer: "), item.answer), (_("Note: "), item.note)):
        if value:
            text.append(label, style="bold")
            text.append(f"{value}\n")
    return text


def category_chart(report: EngagementReport) -> Text:
    """Findings per category as horizontal bars, longest for the largest count."""
    counts = report.category_counts()
    most = max(counts.values(), default=0) or 1
    chart = Text()
    chart.append(_("Findings per category\n"), style="bold")
    for key, count in counts.items():
        length = round(CHART_WIDTH * count / most)
        chart.append(f"{CHART_LABELS.get(key, key):<9} ")
        chart.append("█" * length, style=CATEGORY_STYLES.get(key, ""))
        chart.append(f" {count}\n")
    return chart


def inventory_columns(table: InventoryTable) -> list[Column]:
    """The first field names the row and stays; the later a column, the sooner it gives way
    (the detail under the tables shows every field of the highlighted row)."""
    columns = [Column(table.columns[0][1], floor=10)]
    columns += [
        Column(label, floor=8, drop=rank)
        for rank, (_field, label) in enumerate(table.columns[1:], 1)
    ]
    extra = len(columns)
    if table.has_must_move:
        columns.append(Column(_("Must move"), floor=8, cap=10, drop=extra))
    columns.append(Column(_("Sources"), floor=8, drop=extra + 1))
    return columns


def inventory_cells(table: InventoryTable, row: InventoryRow) -> list[Text]:
    cells = [Text(row.name, style="bold")]
    cells += [Text(" / ".join(row.cells[f])) for f, _label in table.columns[1:]]
    if table.has_must_move:
        cells.append(Text(t.MOVE_LABELS[row.must_move]))
    cells.append(Text("; ".join(s.session.id for s in row.sources)))
    return cells


def inventory_row_text(table: InventoryTable, row: InventoryRow) -> Text:
    """Every field of one inventory row, one per line, wrapped: nothing the table cut."""
    text = Text()
    text.append(row.name, style="bold")
    text.append(f"  ·  {table.title}\n", style="dim")
    for field, label in table.columns[1:]:
        if row.cells[field]:
            text.append(_("{label}: ").format(label=label), style="bold")
            text.append(" / ".join(row.cells[field]) + "\n")
    if table.has_must_move:
        text.append(_("Must move: "), style="bold")
        text.append(t.MOVE_LABELS[row.must_move] + "\n")
    text.append(_("Sources: "), style="bold")
    text.append(i18n.semicolons(t.who(s.session) for s in row.sources))
    return text


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
            sessions = i18n.semicolons(t.who(s) for s in position.sessions)
            colon = _("{label}: ").format(label="")  # ": ", in French " : "
            text.append(f"{colon}{sessions}\n")
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
        text.append(f"  ({i18n.semicolons(t.who(s) for s in driver.sessions)})\n", style="dim")
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
    text.append(role_labels(report.roles_covered) or _("none"))
    text.append(_("\nNot yet interviewed: "), style="bold")
    text.append(role_labels(report.roles_missing) or _("none"))
    text.append(f"\n\n{t.formula(report)}\n", style="dim")
    for warning in report.warnings:
        text.append(f"\n⚠ {warning}", style="yellow")
    return text


def evidence_text(finding: Finding) -> Text:
    """A finding with who raised it, the answers behind it, notes and verbatim quotes."""
    text = Text()
    text.append(finding.title, style="bold")
    if finding.must_fix:
        text.append("  " + _("MUST FIX"), style="bold white on red")
    text.append("\n" + t.facts(finding, role_labels(finding.roles)) + "\n", style="dim")
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
        dialog = VerticalScroll(id="finding-dialog")
        dialog.border_subtitle = _("↑↓ PgUp PgDn: read on · Esc: back")  # no footer here
        with dialog:
            yield Static(safe(evidence_text(self.finding)), id="finding-evidence")

    def action_close(self) -> None:
        self.dismiss(None)
