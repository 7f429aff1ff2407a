"""A questionnaire text checked once is not checked again, and the cache never lets a
text pass that the check refuses (questionnaire/checkedcopy.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import new_session
from esp_wizard.errors import FileProblems
from esp_wizard.filecache import cache_dir
from esp_wizard.questionnaire.checkedcopy import FOLDER, load_checked
from esp_wizard.questionnaire.loader import parse_questionnaire
from esp_wizard.session.interview import Interview

DATA = Path(__file__).parent / "data"


@pytest.fixture
def text() -> str:
    return (DATA / "complete.toml").read_text(encoding="utf-8")


def entries() -> list[Path]:
    return sorted((cache_dir() / FOLDER).glob("*.pickle"))


def test_a_checked_text_opens_again_from_the_cache_as_it_was_parsed(text: str) -> None:
    fresh = parse_questionnaire(text, "copy.toml")
    first = load_checked(text, "copy.toml")
    assert len(entries()) == 1
    again = load_checked(text, "copy.toml")
    assert again is not first and again == fresh  # conditions included (private state)
    assert again.source == text and again.hash == fresh.hash
    resumed = Interview(again, new_session(again)).resume_question()
    expected = Interview(fresh, new_session(fresh)).resume_question()
    assert resumed is not None and expected is not None and resumed.id == expected.id


def test_a_changed_text_is_checked_anew(text: str) -> None:
    title = parse_questionnaire(text).title
    load_checked(text, "copy.toml")
    changed = text.replace(f'title = "{title}"', 'title = "Renamed"', 1)
    assert load_checked(changed, "copy.toml").title == "Renamed"
    broken = changed.replace("\nminutes = ", "\nminutes = -", 1)
    for _ in range(2):
        with pytest.raises(FileProblems, match="minutes"):
            load_checked(broken, "copy.toml")
    assert len(entries()) == 2  # the refused text left nothing behind


@pytest.mark.parametrize("damage", ["empty", "cut", "flipped", "other-key"])
def test_a_damaged_entry_is_ignored_and_written_again(text: str, damage: str) -> None:
    expected = load_checked(text, "copy.toml")
    (entry,) = entries()
    good = entry.read_bytes()
    damaged = {
        "empty": b"",
        "cut": good[: len(good) // 2],
        "flipped": good[:-1] + bytes([good[-1] ^ 1]),
        "other-key": bytes(32) + good[32:],
    }[damage]
    entry.write_bytes(damaged)
    assert load_checked(text, "copy.toml") == expected
    assert entry.read_bytes() != damaged
    assert load_checked(text, "copy.toml") == expected


def test_an_entry_moved_to_another_texts_name_is_not_believed(text: str) -> None:
    """A signed entry for text A, placed where text B's would be: B is parsed itself."""
    load_checked(text, "copy.toml")
    (entry,) = entries()
    other = text.replace("\nminutes = ", "\nminutes = -", 1)  # a text the check refuses
    from esp_wizard.questionnaire.loader import content_hash

    entry.rename(entry.with_name(f"{content_hash(other)}.pickle"))
    with pytest.raises(FileProblems, match="minutes"):
        load_checked(other, "copy.toml")


def test_an_unusable_cache_folder_only_costs_the_check(
    text: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder should be", encoding="utf-8")
    monkeypatch.setenv("ESP_WIZARD_CACHE_DIR", str(blocked))
    assert load_checked(text, "copy.toml") == parse_questionnaire(text, "copy.toml")
    with pytest.raises(FileProblems):
        load_checked(text.replace("\nminutes = ", "\nminutes = -", 1), "copy.toml")


def test_a_questionnaire_remembered_at_a_sessions_start_opens_without_a_check(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The TUI remembers the catalog's questionnaire when it starts a session with it."""
    from esp_wizard.questionnaire import checkedcopy

    started = parse_questionnaire(text, "bundled.toml")
    Interview(started, new_session(started)).resume_question()  # in use already
    checkedcopy.remember_checked(started)

    def no_parse(*_: object) -> None:
        raise AssertionError("parsed and checked again")

    monkeypatch.setattr(checkedcopy, "parse_questionnaire", no_parse)
    reopened = load_checked(text, "copy.toml")
    assert reopened.title == started.title and reopened.source == text
    assert [q.id for q in reopened.questions()] == [q.id for q in started.questions()]


def test_a_copy_checked_to_be_kept_later_is_checked_now_and_written_only_when_kept(
    text: str,
) -> None:
    """The TUI's resume: the check before the first question, the write after it."""
    from esp_wizard.questionnaire.checkedcopy import kept_later, remember_checked

    with kept_later():
        checked = load_checked(text, "copy.toml")
        with pytest.raises(FileProblems, match="minutes"):
            load_checked(text.replace("\nminutes = ", "\nminutes = -", 1), "copy.toml")
    assert entries() == []
    remember_checked(checked)
    assert len(entries()) == 1
    assert load_checked(text, "copy.toml") == checked


def test_an_entry_another_version_left_is_replaced_when_the_copy_is_kept_later(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After an upgrade, the first resume checks the copy again and keeps it for this
    version: the resumes after it are not checked again, forever."""
    from esp_wizard.questionnaire import checkedcopy
    from esp_wizard.questionnaire.checkedcopy import kept_later, remember_checked

    load_checked(text, "copy.toml")  # kept by the version before
    monkeypatch.setattr(checkedcopy, "code_stamp", lambda: "the-upgraded-code")
    with kept_later():
        checked = load_checked(text, "copy.toml")  # not believed: checked again
    remember_checked(checked)

    def no_parse(*_: object) -> None:
        raise AssertionError("parsed and checked again")

    monkeypatch.setattr(checkedcopy, "parse_questionnaire", no_parse)
    assert load_checked(text, "copy.toml") == checked
