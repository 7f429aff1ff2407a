"""Whatever the model accepts, a save and a load give back exactly: model and bytes.

TOML can hold any Unicode text (tomli_w escapes control characters, NUL included), so the
only text refused is what UTF-8 cannot encode: unpaired surrogates. Numbers must be finite
(TOML's nan never equals itself). Both are refused by the model, before any save.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from esp_wizard.session.model import Answer, Interviewee, Observation, Session
from esp_wizard.session.store import SessionSaveError, SessionStore
from esp_wizard.workspace import Workspace

TRICKY = [
    "",
    '"',
    '""" triple',
    "'single' and \"double\"",
    "back\\slash \\n not a newline",
    "line\nbreak\r\nwindows\rold mac",
    "tab\tand\x00nul\x01\x1f\x7f",
    "emoji 😀👩‍👩‍👧 flags 🇧🇷",
    "עברית RTL \u202e override \u200f mark",
    "العربية",
    "zero\u200bwidth \ufeff bom \u2028 line sep",
    "combining e\u0301 vs é",
    "# not a comment",
    "key = value\n[table]\n[[aot]]",
    " leading and trailing ",
]

text = st.one_of(
    st.sampled_from(TRICKY),
    st.text(st.characters(exclude_categories=("Cs",)), max_size=30),
)
ints = st.integers(min_value=-(2**63), max_value=2**63 - 1)  # TOML integers are 64-bit
floats = st.floats(allow_nan=False, allow_infinity=False)
utc = st.datetimes(
    min_value=dt.datetime(1, 1, 2), max_value=dt.datetime(9999, 12, 30), timezones=st.just(dt.UTC)
)
row = st.dictionaries(text, st.one_of(text, ints, floats, st.booleans()), max_size=4)
value = st.one_of(
    st.none(),
    text,
    ints,
    floats,
    st.booleans(),
    st.dates(),
    st.lists(text, max_size=5),  # multi_choice
    st.lists(row, max_size=4),  # inventory
)
answer = st.builds(
    Answer,
    status=st.sampled_from(["answered", "dont_know", "not_applicable"]),
    value=value,
    other=text,
    note=text,
    quote=text,
    follow_up=st.booleans(),
    at=utc,
)
observation = st.builds(
    Observation,
    id=text,
    category=st.sampled_from(["strength", "gap", "hack", "manual"]),
    severity=st.integers(1, 5),
    impact=st.integers(1, 5),
    phase=st.sampled_from(["discovery", "move", "uat", "send"]),
    title=text,
    text=text,
    question=text,
    at=utc,
)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SessionStore]:
    with SessionStore(Workspace(tmp_path_factory.mktemp("roundtrip"))) as store:
        yield store


@pytest.fixture(scope="module")
def session(store: SessionStore) -> Session:
    return store.create(
        questionnaire_id="core",
        questionnaire_version="1.0",
        questionnaire_language="en",
        questionnaire_source='format = 1\nid = "core"\n',
        client="Acme",
    )


def assert_round_trip(store: SessionStore, session: Session) -> None:
    store.save(session)
    path = store.path_of(session)
    assert path is not None
    written = path.read_bytes()
    loaded = store.load(path)
    assert loaded == session
    assert loaded.to_toml().encode("utf-8") == written


@settings(
    max_examples=120,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    client=text,
    engagement=text,
    facilitator=text,
    current=text,
    people=st.lists(st.builds(Interviewee, name=text, role=text), max_size=3),
    answers=st.dictionaries(text, answer, max_size=6),
    observations=st.lists(observation, max_size=3),
    started=utc,
)
def test_any_accepted_session_round_trips_exactly(
    store: SessionStore,
    session: Session,
    client: str,
    engagement: str,
    facilitator: str,
    current: str,
    people: list[Interviewee],
    answers: dict[str, Answer],
    observations: list[Observation],
    started: dt.datetime,
) -> None:
    session.client = client
    session.engagement = engagement
    session.facilitator = facilitator
    session.current = current
    session.interviewees = people
    session.answers = answers
    session.observations = observations
    session.started = started
    assert_round_trip(store, session)


@pytest.mark.parametrize("sample", TRICKY)
def test_tricky_text_round_trips_in_every_text_field(
    store: SessionStore, session: Session, sample: str
) -> None:
    session.client = sample
    session.answers = {
        sample or "empty": Answer(value=sample, note=sample, quote=sample, other=sample),
        "rows": Answer(value=[{sample: sample, "n": 1, "ok": True, "x": 0.5}]),
        "options": Answer(value=[sample, sample]),
    }
    session.observations = [Observation(id="o1", category="gap", severity=3, text=sample)]
    assert_round_trip(store, session)


def test_values_keep_their_types(store: SessionStore, session: Session) -> None:
    session.answers = {
        "text": Answer(value="2026-01-02"),  # a date-looking text stays text
        "int": Answer(value=42),
        "float": Answer(value=42.0),
        "negative_zero": Answer(value=-0.0),
        "big": Answer(value=2**63 - 1),
        "bool": Answer(value=False),
        "date": Answer(value=dt.date(2026, 1, 2)),
        "empty_text": Answer(value=""),  # kept: "" is not the same as no answer
        "none": Answer(status="dont_know"),
        "multi": Answer(value=[]),
        "rows": Answer(value=[{"name": "CRM", "owner": "", "records": 10, "synced": True}]),
    }
    assert_round_trip(store, session)
    path = store.path_of(session)
    assert path is not None
    loaded = store.load(path)
    kinds = {key: type(a.value) for key, a in loaded.answers.items()}
    assert kinds["text"] is str and kinds["int"] is int and kinds["float"] is float
    assert kinds["bool"] is bool and kinds["date"] is dt.date
    assert loaded.answers["empty_text"].value == ""
    assert loaded.answers["none"].value is None
    assert loaded.answers["rows"].value == [
        {"name": "CRM", "owner": "", "records": 10, "synced": True}
    ]


def test_timestamps_are_utc_iso_8601(store: SessionStore, session: Session) -> None:
    paris = dt.timezone(dt.timedelta(hours=1))
    session.started = dt.datetime(2026, 11, 22, 8, 30, tzinfo=paris)
    session.answers = {"naive": Answer(value=1, at=dt.datetime(2026, 11, 22, 7, 0))}
    assert session.started == dt.datetime(2026, 11, 22, 7, 30, tzinfo=dt.UTC)
    assert session.started.tzinfo == dt.UTC
    assert session.answers["naive"].at.tzinfo == dt.UTC  # a naive time is taken as UTC
    assert_round_trip(store, session)
    path = store.path_of(session)
    assert path is not None
    text = path.read_text(encoding="utf-8")
    assert "started = 2026-11-22T07:30:00Z\n" in text
    assert "at = 2026-11-22T07:00:00Z\n" in text
    assert re.search(r"^updated = \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", text, re.MULTILINE)


@pytest.mark.parametrize("bad", ["\ud800", "ok \udfff", "\udc80"])
def test_text_a_file_cannot_hold_is_refused_by_the_model(bad: str) -> None:
    with pytest.raises(ValidationError, match="unpaired surrogate"):
        Answer(note=bad)
    with pytest.raises(ValidationError, match="unpaired surrogate"):
        Answer(value=[{"name": bad}])
    with pytest.raises(ValidationError, match="unpaired surrogate"):
        Answer(value=[{bad: "x"}])


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), float("-inf")])
def test_numbers_that_do_not_round_trip_are_refused(bad: float) -> None:
    with pytest.raises(ValidationError):
        Answer(value=bad)
    with pytest.raises(ValidationError):
        Answer(value=[{"n": bad}])


def test_a_session_smuggled_past_validation_is_not_written(
    store: SessionStore, session: Session
) -> None:
    session.answers = {"ok": Answer(value="fine")}
    store.save(session)
    path = store.path_of(session)
    assert path is not None
    before = path.read_bytes()
    session.answers["bad"] = Answer.model_construct(value="\ud800", status="answered")
    with pytest.raises(SessionSaveError, match="could not save session"):
        store.save(session)
    assert path.read_bytes() == before
    del session.answers["bad"]
