"""New interview: who, with whom, which questionnaire; confirming creates the file at once.

Enter moves from field to field and, on the questionnaire list, starts; ctrl+s starts from
anywhere. Options given on the command line are filled in and locked, not asked again.
Problems are shown beside their field, and the form keeps everything typed.

Typing ahead is safe: keys that arrive before the form has its focus (the screen is still
being built, the questionnaires still loading) reach the screen itself and are put, in order,
into the field that is focused when they are handled, Enter moving on at once, so a fast
typist's "Acme⏎Move⏎" lands in Client and Engagement as typed.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import events, getters, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.suggester import SuggestFromList
from textual.widgets import Button, Input, Label, Static
from textual.worker import Worker, WorkerState

from esp_wizard.errors import UserError
from esp_wizard.i18n import N_, _
from esp_wizard.questionnaire.catalog import Catalog
from esp_wizard.questionnaire.model import ROLES, Questionnaire
from esp_wizard.reasons import error_text
from esp_wizard.roles import ROLE_LABELS, role_id, role_labels
from esp_wizard.session.model import Interviewee
from esp_wizard.tui.app import WizardApp
from esp_wizard.tui.safe import suggestible
from esp_wizard.tui.start import NewPresets
from esp_wizard.tui.widgets.form_input import FormInput, apply_key
from esp_wizard.tui.widgets.interviewee_row import IntervieweeRow, role_suggestions
from esp_wizard.tui.widgets.key_bar import KeyFooter
from esp_wizard.tui.widgets.questionnaire_picker import QuestionnairePicker

PROBLEM_IDS = ("client-problem", "people-problem", "questionnaire-problem", "form-problem")


class NewInterviewScreen(Screen[None]):
    app = getters.app(WizardApp)
    CSS_PATH = "new_interview.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+s",
            "start",
            N_("Start interview"),
            priority=True,
            id="new.start",
            tooltip=N_("Create the session file and begin the interview"),
        ),
        Binding(
            "ctrl+n",
            "add_person",
            N_("Add interviewee"),
            priority=True,
            id="new.add-person",
            tooltip=N_("Another person in the same interview"),
        ),
        Binding(
            "escape",
            "cancel",
            N_("Cancel"),
            id="new.cancel",
            tooltip=N_("Back home; nothing is created"),
        ),
    ]

    def __init__(self, presets: NewPresets, clients: list[str] | None, facilitator: str) -> None:
        super().__init__()
        self.presets = presets
        self.clients = clients
        self.facilitator = presets.facilitator if presets.facilitator is not None else facilitator
        self.catalog: Catalog | None = None

    def compose(self) -> ComposeResult:
        presets = self.presets
        yield Static(Text(_("New interview"), style="bold"), id="new-title")
        with VerticalScroll(id="form", can_focus=False):
            yield from _field(
                _("Client"),
                FormInput(
                    presets.client,
                    placeholder=_("Client (→ completes a known one)"),
                    suggester=SuggestFromList(
                        suggestible(self.clients or []), case_sensitive=False
                    ),
                    compact=True,
                    disabled=bool(presets.client),
                    id="client",
                ),
            )
            yield Static("", id="client-problem", classes="problem")
            yield from _field(
                _("Engagement"),
                FormInput(
                    presets.engagement or "",
                    placeholder=_("e.g. ESP migration 2027 (optional)"),
                    compact=True,
                    disabled=presets.engagement is not None,
                    id="engagement",
                ),
            )
            yield from _field(
                _("Facilitator"),
                FormInput(
                    self.facilitator,
                    placeholder=_("You (remembered next time)"),
                    compact=True,
                    disabled=presets.facilitator is not None,
                    id="facilitator",
                ),
            )
            with Horizontal(classes="field"):
                yield Label(_("Interviewees"), classes="field-label")
                with Vertical(id="people"):
                    for person in presets.interviewees or (None,):
                        yield IntervieweeRow(person)
            yield Static(_roles_hint(), id="people-hint")
            yield Static("", id="people-problem", classes="problem")
            yield Label(_("Questionnaire (★ written for these roles)"), id="questionnaire-label")
            yield QuestionnairePicker(id="questionnaires")
            yield Static("", id="questionnaire-problem", classes="problem")
            yield Static("", id="form-problem", classes="problem")
            with Horizontal(id="new-buttons"):
                yield Button(_("Start interview (ctrl+s)"), variant="primary", id="start")
                yield Button(_("Cancel (esc)"), id="cancel")
        yield KeyFooter()

    def on_mount(self) -> None:
        for problem in PROBLEM_IDS:
            self.query_one(f"#{problem}").display = False
        self.query_one("#questionnaires", QuestionnairePicker).set_options(
            [Text(_("Loading questionnaires…"), style="dim")]
        )
        self.load_catalog()
        self._focus_first_open()

    def _focus_first_open(self) -> None:
        """Focus now, not after the next refresh: keys typed ahead need a field to go to."""
        for widget in self.query("#form Input"):
            if isinstance(widget, Input) and not widget.disabled and not widget.value:
                self.set_focus(widget)
                return
        self.set_focus(self.query_one("#questionnaires", QuestionnairePicker))

    def on_key(self, event: events.Key) -> None:
        """A key that reached the screen itself: nothing had the focus when it arrived."""
        if self.route_key(event):
            event.stop()
            event.prevent_default()

    def route_key(self, event: events.Key) -> bool:
        """Apply a key of the form to the field focused now (see FormInput), in order.

        Enter and Tab move the focus here and now instead of through a binding that runs
        later, so the keys after them go to the next field.
        """
        field = self.focused
        if not isinstance(field, Input) or field.disabled:
            return False
        if event.key == "enter":
            self._advance(field)
        elif event.key == "tab":
            self.focus_next()
        elif event.key == "shift+tab":
            self.focus_previous()
        else:
            return apply_key(field, event)
        return True

    @work(thread=True, exclusive=True, group="new-catalog", exit_on_error=False)
    def load_catalog(self) -> None:
        """Questionnaires (and, started from the command line, the known clients)."""
        catalog = self.app.catalog()
        clients = self.clients
        if clients is None:
            clients = sorted({e.session.client for e in self.app.store.list()}, key=str.casefold)
        self.app.call_from_thread(self._catalog_loaded, catalog, clients)

    @on(Worker.StateChanged)
    def _catalog_failed(self, event: Worker.StateChanged) -> None:
        """Questionnaires that cannot be read are said in the list; the form stays open."""
        if event.worker.group != "new-catalog" or event.state != WorkerState.ERROR:
            return
        error = error_text(event.worker.error) if event.worker.error else ""
        message = _("Could not load the questionnaires: {error}").format(error=error)
        picker = self.query_one("#questionnaires", QuestionnairePicker)
        picker.set_options([Text(message, style="bold red")])
        self.notify(message, severity="error", timeout=10, markup=False)

    def _catalog_loaded(self, catalog: Catalog, clients: list[str]) -> None:
        self.catalog = catalog
        self.clients = clients
        self.query_one("#client", Input).suggester = SuggestFromList(
            suggestible(clients), case_sensitive=False
        )
        for problems in catalog.problems:
            self.notify(
                _("Skipped: {problems}").format(problems=problems),
                severity="warning",
                timeout=8,
                markup=False,
            )
        self._show_questionnaires()

    # -- the questionnaire list follows the roles ---------------------------------------------
    def offered(self) -> list[Questionnaire]:
        if self.presets.questionnaire is not None:
            return [self.presets.questionnaire]
        if self.catalog is None:
            return []
        language = self.presets.language
        return [q for q in self.catalog.questionnaires() if not language or q.language == language]

    def roles(self) -> set[str]:
        return {role for _, role in (row.value() for row in self.query(IntervieweeRow)) if role}

    def _show_questionnaires(self) -> None:
        picker = self.query_one("#questionnaires", QuestionnairePicker)
        offered = self.offered()
        if offered:
            picker.show(offered, self.roles())
        elif self.catalog is not None:
            language = self.presets.language
            found = (
                _("No questionnaires found in language '{language}'.").format(language=language)
                if language
                else _("No questionnaires found.")
            )
            picker.set_options([Text(found, style="bold")])

    @on(Input.Changed, ".person-role")
    def _roles_changed(self) -> None:
        if self.catalog is not None or self.presets.questionnaire is not None:
            self._show_questionnaires()

    @on(Input.Changed)
    def _clear_problem(self, event: Input.Changed) -> None:
        target = {"client": "client-problem"}.get(event.input.id or "", "people-problem")
        self._problem(target, "")

    # -- moving through the form ----------------------------------------------------------------
    @on(Input.Submitted)
    def _next_field(self, event: Input.Submitted) -> None:
        event.stop()
        self._advance(event.input)

    def _advance(self, field: Input) -> None:
        if field.has_class("person-role"):
            field.value = _complete_role(field.value)
            self._roles_changed()  # before the list takes focus and keeps its highlight
        self.focus_next()

    @on(QuestionnairePicker.Start)
    def _picked(self, event: QuestionnairePicker.Start) -> None:
        """Enter in the list: the message names the questionnaire."""
        self._start(event.questionnaire)

    @on(Button.Pressed, "#start")
    def action_start(self) -> None:
        """The button or ctrl+s: the questionnaire highlighted in the list."""
        self._start(self.query_one("#questionnaires", QuestionnairePicker).chosen)

    def _start(self, questionnaire: Questionnaire | None) -> None:
        people, problem = self._people()
        client = self.query_one("#client", Input).value.strip()
        self._problem("client-problem", "" if client else _("Client: required."))
        self._problem("people-problem", problem)
        self._problem("questionnaire-problem", "" if questionnaire else _("Pick a questionnaire."))
        if not client or problem or questionnaire is None:
            self._focus_problem(client, problem)
            return
        self._create(client, people, questionnaire)

    def _people(self) -> tuple[list[Interviewee], str]:
        people: list[Interviewee] = []
        for number, row in enumerate(self.query(IntervieweeRow), start=1):
            name, role = row.value()
            if not name and not role:
                continue
            if not name:
                return people, _("Interviewee {number}: a name is needed.").format(number=number)
            people.append(Interviewee(name=name, role=role))
        return people, "" if people else _("Name at least one interviewee.")

    def _focus_problem(self, client: str, people_problem: str) -> None:
        if not client:
            self.query_one("#client", Input).focus()
        elif people_problem:
            self.query(IntervieweeRow).first().focus_name()
        else:
            self.query_one("#questionnaires", QuestionnairePicker).focus()

    def _create(self, client: str, people: list[Interviewee], questionnaire: Questionnaire) -> None:
        engagement = self.query_one("#engagement", Input).value.strip()
        facilitator = self.query_one("#facilitator", Input).value.strip()
        try:
            self.app.create_interview(questionnaire, client, engagement, facilitator, people)
        except UserError as error:
            self._problem("form-problem", _("Not created: {error}").format(error=error))

    def _problem(self, widget_id: str, message: str) -> None:
        problem = self.query_one(f"#{widget_id}", Static)
        problem.update(Text(message))
        problem.display = bool(message)

    def action_add_person(self) -> None:
        row = IntervieweeRow()
        self.query_one("#people", Vertical).mount(row)
        self.call_after_refresh(row.focus_name)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.app.pop_screen()


def _field(label: str, widget: FormInput) -> ComposeResult:
    with Horizontal(classes="field"):
        yield Label(label, classes="field-label")
        yield widget


def _roles_hint() -> Text:
    return Text(
        _("Roles: {roles}, or your own. ctrl+n adds a person.").format(roles=role_labels(ROLES)),
        style="dim",
    )


def _complete_role(typed: str) -> str:
    """Enter on a role takes the suggested role, as → would: a label, or an id being typed."""
    wanted = typed.strip().casefold()
    if not wanted or role_id(typed) in ROLE_LABELS:  # nothing, or a whole label or id
        return typed.strip()
    known = role_suggestions(list(ROLES))
    return next((role for role in known if role.casefold().startswith(wanted)), typed.strip())
