"""The session file's model: one interview, as stored in `sessions/<name>.toml`.

TOML has no null, so optional values are simply absent from the file; `to_toml_dict` drops
them and writes keys in the fixed order of the fields below, so files diff cleanly.

The model only accepts what a TOML file can give back unchanged, so a save and a load always
round-trip exactly: text must be valid Unicode (no unpaired surrogates, which UTF-8 cannot
encode; control characters are fine, the writer escapes them), numbers must be finite (TOML's
`nan` never equals itself), and timestamps are UTC (a naive datetime is taken as UTC).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

import tomli_w
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationInfo, field_validator

from esp_wizard.i18n import _
from esp_wizard.questionnaire.model import Category, Phase
from esp_wizard.session.names import SESSION_FORMAT as SESSION_FORMAT
from esp_wizard.session.names import progress_digest

AnswerStatus = Literal["answered", "dont_know", "not_applicable"]
SessionStatus = Literal["in_progress", "completed"]

# An answer's value: text, number, bool, a date, option values, or inventory rows.
Scalar = str | int | float | bool | dt.date
Row = dict[str, str | int | float | bool]
AnswerValue = Scalar | list[str] | list[Row]


def utc_now() -> dt.datetime:
    """Timestamps are UTC, to the second, so files stay readable and stable."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def _as_utc(value: dt.datetime) -> dt.datetime:
    """Every stored timestamp is UTC; a naive one is taken to be UTC already."""
    if value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC)


UtcDatetime = Annotated[dt.datetime, AfterValidator(_as_utc)]


def _check_text(value: Any) -> None:
    """Refuse text that a UTF-8 file cannot hold, before it reaches a save."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as error:
            bad = value[error.start]
            message = _("text holds an unpaired surrogate ({code}), which a file cannot store")
            raise ValueError(message.format(code=f"U+{ord(bad):04X}")) from None
    elif isinstance(value, dict):
        for key, item in value.items():
            _check_text(key)
            _check_text(item)
    elif isinstance(value, list):
        for item in value:
            _check_text(item)


# The validation context of data `tomlfile.read_toml` gave: its text was decoded as strict
# UTF-8 (no surrogate can come through) and tomli refuses an escape that is not a Unicode
# scalar value (`"\uD800"`), so every string in it is storable as it is; walking all of
# them again was a tenth of a report's compile.
TOML_TEXT: dict[str, bool] = {"utf8_toml": True}


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True, allow_inf_nan=False)

    @field_validator("*", mode="after")
    @classmethod
    def _storable_text(cls, value: Any, info: ValidationInfo) -> Any:
        if info.context is not TOML_TEXT:  # see TOML_TEXT: that data holds no surrogate
            _check_text(value)
        return value


class Interviewee(_Model):
    name: str
    role: str = ""

    @classmethod
    def parse(cls, raw: str) -> Interviewee:
        """`Name:role`, the role optional: `--interviewee "Ana Souza:email-ops"`.

        In the core so that both faces (the TUI's `new`, `ask`) read the option alike; a
        known role may be given as its label too ("Ana:Opérations email"), the id is kept.
        """
        from esp_wizard.errors import UserError
        from esp_wizard.roles import role_id

        person, _colon, role = raw.rpartition(":") if ":" in raw else (raw, "", "")
        if not person.strip():
            message = _("--interviewee needs a name, as 'Name:role' (got '{raw}')")
            raise UserError(message.format(raw=raw))
        return cls(name=person.strip(), role=role_id(role))


class QuestionnaireRef(_Model):
    """Which questionnaire, exactly, the session runs with (its copy is kept by hash)."""

    id: str
    version: str
    language: str
    hash: str


class Answer(_Model):
    """One question's answer. Frozen: a change is a new Answer (see Session.to_toml)."""

    model_config = ConfigDict(frozen=True)

    status: AnswerStatus = "answered"
    value: AnswerValue | None = None
    other: str = ""  # free text of "Other…" on a choice or multi_choice
    note: str = ""
    quote: str = ""  # the interviewee's words, verbatim
    follow_up: bool = False
    at: UtcDatetime = Field(default_factory=utc_now)


class Observation(_Model):
    """A finding the facilitator records on the spot."""

    id: str
    category: Category
    severity: int = Field(ge=1, le=5)
    impact: int = Field(default=3, ge=1, le=5)
    phase: Phase = "discovery"
    title: str = ""
    text: str
    question: str = ""  # the question it was recorded at
    cause: str = ""  # a rule cause id it belongs to: merged with those rules' finding
    at: UtcDatetime = Field(default_factory=utc_now)


class SavedProgress(_Model):
    """The listing's progress column, as the last save by esp-wizard counted it.

    Written as the file's last table, with the sha256 of everything before it and of the
    counts (names.progress_digest): a listing
    trusts it only while that digest matches (a file changed by any other hand, or an
    older version's, is read and counted the slow way). Never written back from a loaded
    file: only the writer that counted it writes it (see Session.to_toml).
    """

    done: int = Field(ge=0)
    total: int = Field(ge=0)
    digest: str = ""


class Session(_Model):
    format: int = SESSION_FORMAT
    id: str
    client: str
    engagement: str = ""
    facilitator: str = ""
    status: SessionStatus = "in_progress"
    started: UtcDatetime = Field(default_factory=utc_now)
    updated: UtcDatetime = Field(default_factory=utc_now)
    current: str = ""  # the question where the interview was left
    questionnaire: QuestionnaireRef
    # Python factories, not `list`/`dict`: pydantic reads a builtin's signature by tokenizing
    # its text signature (the tokenizer's regexes compiled at start-up, ~5 ms).
    interviewees: list[Interviewee] = Field(default_factory=lambda: [])
    answers: dict[str, Answer] = Field(default_factory=lambda: {})
    observations: list[Observation] = Field(default_factory=lambda: [])
    progress: SavedProgress | None = None  # as read; to_toml writes only the one it is given

    @property
    def roles(self) -> list[str]:
        return [i.role for i in self.interviewees if i.role]

    def to_toml(
        self, cache: AnswerTomlCache | None = None, progress: tuple[int, int] | None = None
    ) -> str:
        """The file's text: fields in declaration order, None and empty defaults dropped.

        Only a field whose default is "" loses an empty text (it comes back as that default);
        an answer's value and an inventory row are written as they are, so "" survives.
        Answers are rendered one table each; `cache` keeps each answer's text while the
        Answer object is unchanged (answers are frozen), so a save after one more answer
        renders one table, not three hundred.

        `progress` (done, total), counted by the caller from these very answers, is written
        last with the digest of the text above it, for the listings; without it the file
        has no progress table (a loaded one may no longer be true).
        """
        head = _toml_table(self, skip=("answers", "observations", "progress"))
        parts = [tomli_w.dumps(head)]
        for question_id, answer in self.answers.items():
            parts.append(_answer_toml(question_id, answer, cache))
        if self.observations:
            parts.append(tomli_w.dumps({"observations": _toml_value(self.observations)}))
        text = "\n".join(parts)
        if progress is None:
            return text
        done, total = progress
        digest = progress_digest(text.encode("utf-8"), done, total)
        table = {"progress": {"done": done, "total": total, "digest": digest}}
        return text + "\n" + tomli_w.dumps(table)  # "\n[progress]\n": names.PROGRESS_MARK


AnswerTomlCache = dict[str, tuple["Answer", str]]


def _answer_toml(question_id: str, answer: Answer, cache: AnswerTomlCache | None) -> str:
    hit = cache.get(question_id) if cache is not None else None
    if hit is not None and hit[0] is answer:
        return hit[1]
    text = tomli_w.dumps({"answers": {question_id: _toml_table(answer)}})
    if cache is not None:
        cache[question_id] = (answer, text)
    return text


class _TomlDatetime(dt.datetime):
    """A UTC timestamp that prints as ISO 8601 `2026-11-22T07:49:51Z`.

    tomli_w writes a datetime as `str(value)`, which Python spells with a space and `+00:00`;
    both forms are valid TOML and read back identically, this one is the ISO form the spec
    asks for. If a future tomli_w formatted datetimes itself, files would still be valid.
    """

    def __str__(self) -> str:
        text = self.isoformat()
        return text[:-6] + "Z" if text.endswith("+00:00") else text


def _toml_table(model: BaseModel, skip: tuple[str, ...] = ()) -> dict[str, Any]:
    table: dict[str, Any] = {}
    for name, field in type(model).model_fields.items():
        if name in skip:
            continue
        value = getattr(model, name)
        if value is None or (isinstance(value, str) and value == "" and field.default == ""):
            continue
        table[name] = _toml_value(value)
    return table


def _toml_value(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return _toml_table(value)
    if isinstance(value, dict):
        return {key: _toml_value(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_toml_value(item) for item in value]
    if isinstance(value, dt.datetime):
        return _TomlDatetime.combine(value.date(), value.timetz())
    return value
