"""Opening an interview: a new session from the options (asking for what they leave out),
or `--resume SESSION`, locked and read with the exact questionnaire it ran with."""

from __future__ import annotations

import argparse
import sys

from questionary import Choice

from esp_wizard.ask.prompter import Marker, Prompter
from esp_wizard.errors import FileProblems, UserError
from esp_wizard.questionnaire.catalog import Catalog, load_catalog
from esp_wizard.questionnaire.model import ROLES, Questionnaire
from esp_wizard.session.interview import Interview
from esp_wizard.session.model import Interviewee
from esp_wizard.session.opened import questionnaire_of
from esp_wizard.session.store import SessionStore

NEW_SESSION_OPTIONS = ("client", "engagement", "questionnaire", "language", "interviewee")
OTHER_ROLE = Marker("OTHER_ROLE")  # a role typed in, for roles a workspace adds
NO_ROLE = ""


def open_interview(args: argparse.Namespace, store: SessionStore, prompter: Prompter) -> Interview:
    if args.resume:
        return _resume(args, store, prompter)
    return _new(args, store, _catalog(store), prompter)


def _catalog(store: SessionStore) -> Catalog:
    catalog = load_catalog(store.workspace.questionnaires_dir)
    for problems in catalog.problems:
        for line in problems.lines():
            print(f"skipped: {line}", file=sys.stderr)
    return catalog


def _resume(args: argparse.Namespace, store: SessionStore, prompter: Prompter) -> Interview:
    """The session with its own questionnaire copy; the installed one only if that is gone."""
    given = [f"--{name}" for name in NEW_SESSION_OPTIONS if getattr(args, name, None)]
    if given:
        raise UserError(f"--resume continues a session as it is; leave out {', '.join(given)}")
    session = store.open(args.resume)
    try:
        questionnaire, warning = questionnaire_of(store, session)
    except FileProblems:
        questionnaire, warning = questionnaire_of(store, session, _catalog(store))
    if warning:
        prompter.say(f"Warning: {warning}")
    return Interview(questionnaire, session)


def _new(
    args: argparse.Namespace, store: SessionStore, catalog: Catalog, prompter: Prompter
) -> Interview:
    # Options are checked before anything is asked: a typo costs no typing.
    people = [Interviewee.parse(raw) for raw in args.interviewee or []]
    given = catalog.find(args.questionnaire, args.language) if args.questionnaire else None
    offered = [] if given else questionnaire_choices(args.language, catalog)
    client = args.client or _required_text(prompter, "Client")
    engagement = _optional_text(prompter, "Engagement", args.engagement)
    questionnaire = given or prompter.select("Questionnaire", offered)
    people = people or _ask_interviewees(prompter, questionnaire)
    facilitator = _optional_text(prompter, "Facilitator (you)", args.facilitator)
    session = store.create(
        questionnaire_id=questionnaire.id,
        questionnaire_version=questionnaire.version,
        questionnaire_language=questionnaire.language,
        questionnaire_source=questionnaire.source,
        client=client.strip(),
        engagement=engagement,
        facilitator=facilitator,
        interviewees=people,
    )
    return Interview(questionnaire, session)


def questionnaire_choices(language: str | None, catalog: Catalog) -> list[Choice]:
    entries = [e for e in catalog.entries if not language or e.questionnaire.language == language]
    if not entries:
        wanted = f" in language '{language}'" if language else ""
        raise UserError(f"no questionnaires found{wanted} (esp-wizard questionnaires lists them)")
    return [
        Choice(f"{q.id} ({q.language}): {q.title}, {q.minutes} min", value=q)
        for q in (e.questionnaire for e in entries)
    ]


def _ask_interviewees(prompter: Prompter, questionnaire: Questionnaire) -> list[Interviewee]:
    people: list[Interviewee] = []
    while True:
        name = _required_text(prompter, "Interviewee's name")
        people.append(Interviewee(name=name.strip(), role=_ask_role(prompter, questionnaire)))
        if not prompter.confirm("Add another interviewee?", default=False):
            return people


def _ask_role(prompter: Prompter, questionnaire: Questionnaire) -> str:
    roles = list(dict.fromkeys([*questionnaire.roles, *ROLES]))
    choices = [Choice(role, value=role) for role in roles]
    choices += [Choice("Another role…", value=OTHER_ROLE), Choice("No role", value=NO_ROLE)]
    default = questionnaire.roles[0] if questionnaire.roles else None
    role = prompter.select("Role", choices, default=default)
    if role is OTHER_ROLE:
        return prompter.text("Role").strip()
    return role


def _required_text(prompter: Prompter, label: str) -> str:
    return prompter.text(label, validate=lambda text: bool(text.strip()) or f"{label}: required.")


def _optional_text(prompter: Prompter, label: str, given: str | None) -> str:
    if given is not None:
        return given.strip()
    return prompter.text(label, instruction="(optional)").strip()
