"""One line on the home screen: who is left to interview in the selected engagement.

It follows the highlighted session: the engagement's interview plan is compiled by the
core in a worker (once per engagement until home is shown again), so moving the cursor
never blocks the table. `e` opens the cockpit, where Enter starts any of these interviews.
"""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.widgets import Static

from esp_wizard.i18n import _, ngettext
from esp_wizard.roles import role_label
from esp_wizard.tui.safe import safe
from esp_wizard.workspace import Workspace

SHOWN = 3  # names on the line; the rest are counted


class PlanStrip(Static):
    DEFAULT_CSS = """
    PlanStrip {
        height: auto;
        padding: 0 2;
    }
    """

    def __init__(self, **options: object) -> None:
        super().__init__("", **options)  # type: ignore[arg-type]
        self.engagement: tuple[str, str] | None = None
        self.cache: dict[tuple[str, str], Text] = {}

    def follow(self, workspace: Workspace, client: str, engagement: str) -> None:
        wanted = (client, engagement)
        if wanted == self.engagement:
            return
        self.engagement = wanted
        if wanted in self.cache:
            self.update(self.cache[wanted])
            return
        self.compile_plan(workspace, client, engagement)

    def forget(self) -> None:
        """Answers may have changed: compile again next time."""
        self.cache.clear()
        self.engagement = None

    @work(thread=True, exclusive=True, exit_on_error=False, group="home-plan")
    def compile_plan(self, workspace: Workspace, client: str, engagement: str) -> None:
        from esp_wizard.errors import UserError
        from esp_wizard.findings.glance import cached_plan, glance_of

        glance = cached_plan(workspace, client, engagement)  # no file changed: no compile
        if glance is None:
            from esp_wizard.findings import compile_workspace  # the compiler and its models

            try:
                glance = glance_of(compile_workspace(workspace, client, engagement))
            except UserError:
                return
        text = plan_line(
            [planned(name, questionnaire) for name, questionnaire in glance.to_interview],
            list(glance.roles_missing),
        )
        self.app.call_from_thread(self._show, (client, engagement), text)

    def _show(self, engagement: tuple[str, str], text: Text) -> None:
        self.cache[engagement] = text
        if engagement == self.engagement:
            self.update(text)


def planned(name: str, role: str) -> str:
    """ "Nadia Flores (Creative and content)": the role whose questionnaire fits them, as
    its label in the interface's language; "(kickoff?)" when none fits."""
    return f"{name} ({role_label(role)})" if role else f"{name} {_('(kickoff?)')}"


def plan_line(people: list[str], roles_missing: list[str]) -> Text:
    text = Text()
    text.append(_("Interview plan "), style="bold")
    if people:
        more = (
            " " + _("+{count} more").format(count=len(people) - SHOWN)
            if len(people) > SHOWN
            else ""
        )
        text.append(", ".join(people[:SHOWN]) + more)
    else:
        text.append(_("nobody named yet"), style="dim")
    if roles_missing:
        count = len(roles_missing)
        unheard = ngettext("{count} role unheard", "{count} roles unheard", count)
        text.append(" · " + unheard.format(count=count), style="yellow")
    text.append("  " + _("(e: cockpit)"), style="dim")
    return safe(text, lines=False)
