"""A session file in esp-wizard's own layout is read without tomllib, to the same data.

`parse_saved` must never be a different door: on every text it either gives exactly what
`tomllib.loads` gives, or None (and the file is parsed by tomllib as before, so a damaged
or hand-edited file gets tomllib's data or its located error, unchanged).
"""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from esp_wizard.errors import FileProblems
from esp_wizard.session.model import Answer, Interviewee, Observation, QuestionnaireRef, Session
from esp_wizard.session.savedtoml import parse_saved
from esp_wizard.session.store import load_session

TRICKY = [
    "",
    '"',
    "'single' and \"double\"",
    "back\\slash \\n not a newline \\u0041",
    "line\nbreak\r\nwindows\rold mac",
    "tab\tand\x00nul\x01\x1f\x7f\x80\x9f",
    "emoji 😀👩‍👩‍👧 \U0010ffff",
    "zero\u200bwidth \ufeff bom \u2028 line sep",
    "# not a comment",
    "key = value\n[table]\n[[aot]]",
    ' { a = 1 }, "x" ] ',
]
text = st.one_of(
    st.sampled_from(TRICKY), st.text(st.characters(exclude_categories=("Cs",)), max_size=30)
)
bare = st.from_regex(r"[A-Za-z0-9_-]{1,12}", fullmatch=True)
ints = st.integers(min_value=-(2**63), max_value=2**63 - 1)
floats = st.floats(allow_nan=False, allow_infinity=False)
utc = st.datetimes(
    min_value=dt.datetime(1, 1, 2), max_value=dt.datetime(9999, 12, 30), timezones=st.just(dt.UTC)
)
cell = st.one_of(text, ints, floats, st.booleans())
value = st.one_of(
    st.none(),
    text,
    ints,
    floats,
    st.booleans(),
    st.dates(),
    st.lists(text, max_size=4),
    st.lists(st.dictionaries(bare, cell, max_size=4), max_size=3),  # inventory rows
)
answer = st.builds(
    Answer,
    status=st.sampled_from(["answered", "dont_know", "not_applicable"]),
    value=value,
    other=text,
    note=text,
    quote=text,
    follow_up=st.booleans(),
    at=st.one_of(utc, utc.map(lambda t: t.replace(microsecond=0))),
)
observation = st.builds(
    Observation,
    id=text,
    category=st.sampled_from(["strength", "gap", "hack", "manual"]),
    severity=st.integers(1, 5),
    text=text,
    at=utc,
)
sessions = st.builds(
    Session,
    id=bare,
    client=text,
    engagement=text,
    facilitator=text,
    current=text,
    questionnaire=st.builds(QuestionnaireRef, id=bare, version=text, language=bare, hash=text),
    interviewees=st.lists(st.builds(Interviewee, name=text, role=text), max_size=3),
    answers=st.dictionaries(bare, answer, max_size=6),
    observations=st.lists(observation, max_size=3),
    started=utc,
)
PROPERTY = settings(
    max_examples=150,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def saved(session: Session) -> str:
    return session.to_toml(progress=(3, 7))


def tomllib_or_none(text: str) -> dict[str, Any] | None:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return None


@PROPERTY
@given(session=sessions)
def test_a_session_as_saved_reads_as_tomllib_reads_it(session: Session) -> None:
    text = saved(session)
    data = parse_saved(text)
    assert data is not None  # the layout the app writes is always the quick one
    assert data == tomllib.loads(text)
    assert _types(data) == _types(tomllib.loads(text))  # 1 is not 1.0, nor True
    assert Session.model_validate(data).model_copy(update={"progress": None}) == session


def _types(node: Any) -> Any:
    if isinstance(node, dict):
        return {key: _types(item) for key, item in node.items()}
    if isinstance(node, list):
        return [_types(item) for item in node]
    return type(node).__name__, getattr(node, "tzinfo", None)


EDITS = [" ", "\n", "#", '"', "\\", "'", "[", "]", "{", "}", ",", "=", ".", "0", "e", "Z", "\t"]


@PROPERTY
@given(session=sessions, data=st.data())
def test_on_any_damaged_text_it_agrees_with_tomllib_or_declines(
    session: Session, data: st.DataObject
) -> None:
    text = saved(session)
    for _edit in range(data.draw(st.integers(1, 3))):
        at = data.draw(st.integers(0, len(text)))
        kind = data.draw(st.sampled_from(["insert", "delete", "line"]))
        if kind == "insert":
            text = text[:at] + data.draw(st.sampled_from(EDITS)) + text[at:]
        elif kind == "delete":
            text = text[:at] + text[at + 1 :]
        else:  # a line written twice: a key, a header or an array's item met again
            start = text.rfind("\n", 0, at) + 1
            end = text.find("\n", at) + 1 or len(text)
            text = text[:end] + text[start:end] + text[end:]
    quick = parse_saved(text)
    if quick is not None:
        assert quick == tomllib_or_none(text)


@pytest.mark.parametrize(
    "text",
    [
        "a = 1 # a comment\n",
        "a = 1\r\nb = 2\r\n",
        "a = 1",  # no final line end
        "a = 'literal'\n",
        'a = """multi"""\n',
        "a.b = 1\n",
        '"quoted" = 1\n',
        "a  = 1\n",
        "a = 1 \n",
        "a = 1\na = 2\n",
        "[t]\n[t]\n",
        "a = {}\n[a]\n",
        "a = { b = 1 }\n[a.c]\n",
        "a = []\n[[a]]\n",
        "[a]\n[[a]]\n",
        "[[a]]\n[a]\n",
        "[[a]]\n[a.b]\n",
        "[a.b]\n[a]\n",
        "a = 0x10\n",
        "a = +1\n",
        "a = 1_000\n",
        "a = 1234567890123456789\n",
        "a = 1E5\n",
        "a = inf\n",
        "a = nan\n",
        "a = 1e999\n",
        'a = "\\x41"\n',
        'a = "\\uD800"\n',
        'a = "\\U00110000"\n',
        'a = "\\u12"\n',
        'a = "tab\\\tescaped"\n',
        'a = "raw \x01 control"\n',
        "a = 2026-02-30\n",
        "a = 2026-03-02T24:00:00Z\n",
        "a = 2026-03-02T09:00:00\n",
        "a = 2026-03-02T09:00:00+01:00\n",
        "a = 2026-03-02 09:00:00Z\n",
        "a = 2026-03-02T09:00:00.5Z\n",
        "a = [\n  1,\n]\n",
        "a = [\n    1\n]\n",
        "a = [\n    [\n        1,\n    ],\n]\n",
        "a = [\n    1,\n",
        "a = [1, 2]\n",
        "a = { b = [] }\n",
        "a = { b = 1, b = 2 }\n",
        "a = {b = 1}\n",
        "[ a ]\n",
        "[a.b.c.d.e]\n",
        "[a]]\n",
    ],
)
def test_any_other_form_is_left_to_tomllib(text: str) -> None:
    assert parse_saved(text) is None


def test_every_form_the_app_writes_is_read(tmp_path: Path) -> None:
    long_row = {"name": "A system whose name is long enough", "owner": "x" * 80, "n": 1.5}
    session = Session(
        id="k3j5m2pq",
        client="Acme “quoted”",
        questionnaire=QuestionnaireRef(id="core", version="1.0", language="en", hash="ab"),
        interviewees=[Interviewee(name="Ana", role="email-ops")],
        answers={
            "rows": Answer(value=[{"name": "Shopify", "on": True}, {}]),
            "long_rows": Answer(value=[long_row, {"name": "B"}]),  # [[answers.long_rows.value]]
            "options": Answer(value=["o1", "o2"]),
            "none": Answer(value=[]),
            "day": Answer(value=dt.date(2026, 2, 28)),
            "big": Answer(value=1e300, note='tab\there, quote " and \\'),
            "small": Answer(value=-5e-324),
        },
        observations=[Observation(id="o", category="hack", severity=2, text="x" * 120)],
    )
    text = saved(session)
    assert "[[answers.long_rows.value]]" in text and "[[observations]]" in text
    assert parse_saved(text) == tomllib.loads(text)
    path = tmp_path / "s.toml"
    path.write_text(text, encoding="utf-8")
    assert load_session(path).model_copy(update={"progress": None}) == session


def test_a_damaged_file_is_still_named_with_its_line(tmp_path: Path) -> None:
    session = Session(
        id="k3j5m2pq",
        client="Acme",
        questionnaire=QuestionnaireRef(id="core", version="1.0", language="en", hash="ab"),
        answers={"q1": Answer(value=3)},
    )
    lines = saved(session).splitlines(keepends=True)
    at = next(n for n, line in enumerate(lines) if line.startswith("value = "))
    lines.insert(at + 1, "value = 4\n")  # the key twice: tomllib's error, with its line
    path = tmp_path / "s.toml"
    path.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(FileProblems) as raised:
        load_session(path)
    assert f"s.toml:{at + 2}: TOML syntax" in str(raised.value)
