"""Build the fictional example engagement in `sessions/`, and its French twin in
`examples/fr/sessions/`, from their descriptions.

The description lives in `scripts/example/`: `engagement.toml` (client, engagement,
facilitator, language) and one TOML file per interview under `sessions/` (see the README
there); the French one, the same story told in French through the French questionnaires,
in `scripts/example/fr/`. Every answer goes through the interview engine, so the files are
valid for the current session format and questionnaires; any invalid answer stops the build
with one line naming the description file and the question.

Deterministic: fixed session ids and timestamps, so two runs give byte-identical files. A
run replaces the example's own sessions (the description's ids, for the example's client)
and nothing else. It first builds into a scratch folder, so a bad description leaves the
workspace untouched.

    .venv/bin/python scripts/build_example.py                 # both examples
    .venv/bin/python scripts/build_example.py WORKSPACE [--description DIR]
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import tomli
from pydantic import ValidationError

from esp_wizard.errors import UserError
from esp_wizard.questionnaire.catalog import Catalog, load_catalog
from esp_wizard.questionnaire.kinds.base import AnswerError
from esp_wizard.questionnaire.model import ROLES, Questionnaire
from esp_wizard.session.interview import Interview
from esp_wizard.session.model import Answer, Interviewee, Observation
from esp_wizard.session.store import SessionStore
from esp_wizard.workspace import Workspace

REPO = Path(__file__).resolve().parents[1]
DESCRIPTION = Path(__file__).resolve().parent / "example"
# (description, workspace) of each bundled example, built when no workspace is named.
EXAMPLES = ((DESCRIPTION, REPO), (DESCRIPTION / "fr", REPO / "examples" / "fr"))

SESSION_KEYS = (
    "id",
    "questionnaire",
    "started",
    "minutes",
    "interviewees",
    "answers",
    "observations",
)
ANSWER_KEYS = ("value", "other", "status", "note", "quote", "follow_up")
OBSERVATION_KEYS = (
    "id",
    "category",
    "severity",
    "impact",
    "phase",
    "title",
    "text",
    "question",
    "cause",
    "at",
)
MARKS = ("dont_know", "not_applicable")
OBSERVATION_DELAY = dt.timedelta(seconds=30)  # noted just after the answer it belongs to


class DescriptionError(Exception):
    """A description that cannot become a valid session; str() is one line."""


@dataclass(frozen=True)
class Engagement:
    client: str
    engagement: str
    facilitator: str
    language: str


@dataclass(frozen=True)
class Description:
    """One interview as described in `scripts/example/sessions/<name>.toml`."""

    path: Path
    data: dict[str, Any]

    def fail(self, where: str, message: str) -> DescriptionError:
        return DescriptionError(f"{shown(self.path)}: {where}: {message}")

    @property
    def session_id(self) -> str:
        return self.data["id"]

    def answers(self) -> dict[str, Any]:
        answers = self.data.get("answers", {})
        if not isinstance(answers, dict):
            raise self.fail("answers", "must be a table of question ids")
        return answers

    def observations(self) -> list[dict[str, Any]]:
        observations = self.data.get("observations", [])
        if not isinstance(observations, list) or not all(isinstance(o, dict) for o in observations):
            raise self.fail("observations", "must be an array of tables ([[observations]])")
        return observations

    def interviewees(self) -> list[Interviewee]:
        people = self.data.get("interviewees")
        if not isinstance(people, list) or not people:
            raise self.fail("interviewees", "name at least one person: [{ name, role }]")
        result = []
        for number, person in enumerate(people, start=1):
            if not isinstance(person, dict) or set(person) != {"name", "role"}:
                raise self.fail(f"interviewees #{number}", "needs exactly a name and a role")
            if not isinstance(person["name"], str) or not person["name"].strip():
                raise self.fail(f"interviewees #{number}", "the name is text")
            if person["role"] not in ROLES:
                raise self.fail(f"interviewees #{number}", f"unknown role {person['role']!r}")
            result.append(Interviewee(name=person["name"], role=person["role"]))
        return result

    def times(self, questionnaire: Questionnaire) -> tuple[dt.datetime, dt.datetime]:
        """Start and end; the interview lasts `minutes` (the questionnaire's by default)."""
        started = self.data.get("started")
        if not isinstance(started, dt.datetime) or started.tzinfo is None:
            raise self.fail("started", "give a date and time with its offset (…T10:00:00+01:00)")
        minutes = self.data.get("minutes", questionnaire.minutes)
        if isinstance(minutes, bool) or not isinstance(minutes, int) or minutes < 1:
            raise self.fail("minutes", "give the interview's length in whole minutes")
        return started, started + dt.timedelta(minutes=minutes)


# -- reading the description ------------------------------------------------------------------
def read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as file:
            return tomli.load(file)
    except (OSError, tomli.TOMLDecodeError) as error:
        raise DescriptionError(f"{shown(path)}: {error}") from None


def load_engagement(path: Path) -> Engagement:
    data = read_toml(path)
    keys = {"client", "engagement", "facilitator", "language"}
    if set(data) != keys or not all(isinstance(v, str) and v for v in data.values()):
        raise DescriptionError(f"{shown(path)}: give exactly {', '.join(sorted(keys))}, as text")
    return Engagement(**data)


def load_descriptions(folder: Path) -> list[Description]:
    paths = sorted(folder.glob("*.toml"))
    if not paths:
        raise DescriptionError(f"{shown(folder)}: no session descriptions (*.toml)")
    descriptions = [Description(path, read_toml(path)) for path in paths]
    seen: dict[str, Description] = {}
    for description in descriptions:
        check_keys(description)
        earlier = seen.setdefault(description.session_id, description)
        if earlier is not description:
            message = f"{description.session_id!r} is also the id in {shown(earlier.path)}"
            raise description.fail("id", message)
    return descriptions


def check_keys(description: Description) -> None:
    unknown = sorted(set(description.data).difference(SESSION_KEYS))
    if unknown:
        raise description.fail(unknown[0], f"unknown key (allowed: {', '.join(SESSION_KEYS)})")
    for key in ("id", "questionnaire"):
        if not isinstance(description.data.get(key), str):
            raise description.fail(key, "required, as text")


# -- building ---------------------------------------------------------------------------------
def build(description_dir: Path, workspace: Workspace) -> list[Path]:
    """Write the example's sessions into `workspace`, replacing its earlier build."""
    engagement = load_engagement(description_dir / "engagement.toml")
    descriptions = load_descriptions(description_dir / "sessions")
    catalog = load_catalog()  # the bundled questionnaires only, as a new user has them
    with SessionStore(workspace) as store:
        old_copies = remove_previous(store, engagement, {d.session_id for d in descriptions})
        paths = [build_session(store, catalog, engagement, d) for d in descriptions]
        prune_copies(store, old_copies)
        return paths


def remove_previous(store: SessionStore, engagement: Engagement, ids: set[str]) -> set[Path]:
    """Delete the example's own session files; returns the questionnaire copies they used.

    Every one is locked before any is deleted, so a session open for writing elsewhere stops
    the build with nothing removed; a session of another client with one of the ids is refused.
    """
    entries = [entry for entry in store.list() if entry.session.id in ids]
    for entry in entries:
        if entry.session.client != engagement.client:
            raise DescriptionError(
                f"session id {entry.session.id} is used by {shown(entry.path)} "
                f"(client {entry.session.client!r}), not by the example: change the example's id"
            )
    for entry in entries:
        store.open(str(entry.path))  # SessionLocked if it is open in another window
    for entry in entries:
        entry.path.unlink()
        store.close(entry.session.id)
    return {store.questionnaire_copy_path(entry.session) for entry in entries}


def prune_copies(store: SessionStore, candidates: set[Path]) -> None:
    """Remove copies of questionnaires that only the replaced sessions used (one changed)."""
    listing = store.list()
    if listing.problems:
        return  # an unreadable session may still need its copy
    used = {store.questionnaire_copy_path(entry.session) for entry in listing}
    for path in sorted(candidates - used):
        path.unlink(missing_ok=True)


def build_session(
    store: SessionStore, catalog: Catalog, engagement: Engagement, description: Description
) -> Path:
    questionnaire = find_questionnaire(catalog, description, engagement.language)
    started, ended = description.times(questionnaire)
    session = store.create(
        questionnaire_id=questionnaire.id,
        questionnaire_version=questionnaire.version,
        questionnaire_language=questionnaire.language,
        questionnaire_source=questionnaire.source,
        client=engagement.client,
        engagement=engagement.engagement,
        facilitator=engagement.facilitator,
        interviewees=description.interviewees(),
        session_id=description.session_id,
        started=started,
    )
    interview = Interview(questionnaire, session)
    answered_at = answer_all(interview, description, started, ended)
    check_complete(interview, description)
    add_observations(interview, description, answered_at)
    last = interview.active_questions()[-1]
    interview.move_to(last.id)
    session.status = "completed"
    store.save(session, updated=ended)
    path = store.path_of(session)
    store.close(session)
    assert path is not None  # it was open for writing until the line above
    return path


def find_questionnaire(catalog: Catalog, description: Description, language: str) -> Questionnaire:
    try:
        return catalog.find(description.data["questionnaire"], language)
    except UserError as error:
        raise description.fail("questionnaire", str(error)) from None


def answer_all(
    interview: Interview, description: Description, started: dt.datetime, ended: dt.datetime
) -> dict[str, dt.datetime]:
    """Record every described answer in questionnaire order; returns when each was given."""
    answers = description.answers()
    questionnaire = interview.questionnaire
    for question_id in answers:
        if questionnaire.question(question_id) is None:
            message = f"no such question in questionnaire {questionnaire.id}"
            raise description.fail(f"answers.{question_id}", message)
    order = [q.id for q in questionnaire.questions() if q.id in answers]
    times = spread(started, ended, len(order))
    for question_id, when in zip(order, times, strict=True):
        record(interview, description, question_id, answers[question_id])
        restamp(interview, question_id, when)
    return dict(zip(order, times, strict=True))


def spread(started: dt.datetime, ended: dt.datetime, count: int) -> list[dt.datetime]:
    """`count` moments evenly inside the interview, to the second."""
    step = (ended - started) / (count + 1)
    return [(started + step * (n + 1)).replace(microsecond=0) for n in range(count)]


def record(interview: Interview, description: Description, question_id: str, raw: Any) -> None:
    """One answer: a bare value, or a table with value/status, other, note, quote, follow_up."""
    spec = raw if isinstance(raw, dict) else {"value": raw}
    where = f"answers.{question_id}"
    unknown = sorted(set(spec).difference(ANSWER_KEYS))
    if unknown:
        raise description.fail(where, f"unknown key {unknown[0]!r} (allowed: value, status, …)")
    status = spec.get("status", "answered")
    try:
        if status == "answered" and "value" in spec:
            interview.answer(question_id, tidy(spec["value"]), tidy(spec.get("other", "")))
        elif status in MARKS and "value" not in spec:
            interview.mark(question_id, status)
        else:
            raise AnswerError(f"give a value, or a status ({' or '.join(MARKS)}) without one")
        annotations = annotations_of(spec)
        if annotations:
            interview.annotate(question_id, **annotations)
    except AnswerError as error:
        raise description.fail(where, str(error)) from None


def annotations_of(spec: dict[str, Any]) -> dict[str, Any]:
    notes = {key: tidy(spec[key]) for key in ("note", "quote") if key in spec}
    if not all(isinstance(text, str) for text in notes.values()):
        raise AnswerError("note and quote are text")
    if "follow_up" in spec:
        if not isinstance(spec["follow_up"], bool):
            raise AnswerError("follow_up is true or false")
        notes["follow_up"] = spec["follow_up"]
    return notes


def tidy(value: Any) -> Any:
    """Text as written in a multi-line TOML string, without the line breaks around it."""
    return value.strip() if isinstance(value, str) else value


def restamp(interview: Interview, question_id: str, when: dt.datetime) -> None:
    """Give the answer the moment it was given in the story instead of the build's clock."""
    answer = interview.session.answers[question_id]
    interview.session.answers[question_id] = Answer.model_validate(
        {**answer.model_dump(), "at": when}
    )


def check_complete(interview: Interview, description: Description) -> None:
    """A completed session: nothing answered that is not asked, nothing required left open."""
    for question_id in description.answers():
        if not interview.is_active(question_id):
            message = "not asked: its condition is false with these answers"
            raise description.fail(f"answers.{question_id}", message)
    missing = interview.unanswered_required()
    if missing:
        raise description.fail(f"answers.{missing[0].id}", "required but not answered")


def add_observations(
    interview: Interview, description: Description, answered_at: dict[str, dt.datetime]
) -> None:
    for number, raw in enumerate(description.observations(), start=1):
        where = f"observations #{number}"
        unknown = sorted(set(raw).difference(OBSERVATION_KEYS))
        if unknown:
            raise description.fail(where, f"unknown key {unknown[0]!r}")
        question = raw.get("question", "")
        if question and question not in answered_at:
            raise description.fail(where, f"question {question!r} is not answered here")
        data = dict(raw)
        if question and "at" not in data:
            data["at"] = answered_at[question] + OBSERVATION_DELAY
        elif "at" not in data:
            raise description.fail(where, "give the question it was noted at, or its time (at)")
        try:
            observation = Observation.model_validate(data)
        except ValidationError as error:
            problem = error.errors()[0]
            field = ".".join(str(step) for step in problem["loc"])
            raise description.fail(f"{where} {field}", problem["msg"]) from None
        interview.session.observations.append(observation)


# -- command line -----------------------------------------------------------------------------
def shown(path: Path) -> str:
    try:
        return str(path.absolute().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Build the example engagement's sessions.")
    parser.add_argument(
        "workspace",
        nargs="?",
        help="workspace folder (default: both examples: the repo, and examples/fr in French)",
    )
    parser.add_argument("--description", default=str(DESCRIPTION), help="the description folder")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.workspace is None:
        for description_dir, root in EXAMPLES:
            root.mkdir(parents=True, exist_ok=True)
            status = build_one(str(root), description_dir)
            if status:
                return status
        return 0
    return build_one(args.workspace, Path(args.description))


def build_one(workspace: str, description_dir: Path) -> int:
    root = Path(workspace).absolute()
    if not root.is_dir():
        print(f"build_example: workspace folder not found: {workspace}", file=sys.stderr)
        return 2
    try:
        with tempfile.TemporaryDirectory() as scratch:  # a bad description touches nothing
            build(description_dir, Workspace(Path(scratch)))
        paths = build(description_dir, Workspace(root))
    except (DescriptionError, UserError) as error:
        print(f"build_example: {error}", file=sys.stderr)
        return 2
    print(f"{len(paths)} example sessions in {shown(Workspace(root).sessions_dir)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
