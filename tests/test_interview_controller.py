"""The interview controller both faces drive: every action recorded, saved at once, and its
outcome reported; a refused action changes nothing; a failed write is kept and retried."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from esp_wizard import i18n
from esp_wizard.questionnaire.model import Questionnaire
from esp_wizard.session.controller import SKIPPED, InterviewController
from esp_wizard.session.interview import Interview
from esp_wizard.session.model import Session
from esp_wizard.session.store import SessionStore
from esp_wizard.workspace import Workspace


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SessionStore]:
    with SessionStore(Workspace(tmp_path)) as store:
        yield store


@pytest.fixture
def control(store: SessionStore, complete: Questionnaire) -> InterviewController:
    session = store.create(
        questionnaire_id=complete.id,
        questionnaire_version=complete.version,
        questionnaire_language=complete.language,
        questionnaire_source=complete.source,
        client="Acme",
    )
    return InterviewController(Interview(complete, session), store)


def full_disk(_session: Session, **_options: object) -> None:
    """A store's save on a full disk."""
    raise OSError("No space left on device")


def on_disk(control: InterviewController) -> Session:
    path = control.store.path_of(control.session)
    assert path is not None
    return SessionStore(control.store.workspace).load(path)


def test_an_answer_is_on_disk_when_the_action_returns(control: InterviewController) -> None:
    outcome = control.answer("uses_lists", True)
    assert outcome.ok and outcome.changed
    assert on_disk(control).answers["uses_lists"].value is True


def test_a_refused_answer_says_why_and_changes_nothing(control: InterviewController) -> None:
    control.answer("uses_lists", True)
    outcome = control.answer("list_prep_hours", "lots")
    assert outcome.refused.startswith("Enter a number")
    assert not outcome.changed
    assert "list_prep_hours" not in on_disk(control).answers


def test_an_emptied_answer_is_cleared_but_a_don_t_know_stays(
    control: InterviewController,
) -> None:
    control.answer("team_name", "Ops")
    assert control.answer("team_name", "").changed
    assert on_disk(control).answers["team_name"].value is None
    control.dont_know("story")
    assert not control.answer("story", "").changed
    assert on_disk(control).answers["story"].status == "dont_know"


def test_don_t_know_toggles_off_when_asked_to(control: InterviewController) -> None:
    control.mark("story", "dont_know", toggle=True)
    assert on_disk(control).answers["story"].status == "dont_know"
    control.mark("story", "dont_know", toggle=True)
    assert on_disk(control).answers["story"].status == "answered"


def test_notes_quotes_and_flags_are_saved_and_unchanged_text_writes_nothing(
    control: InterviewController,
) -> None:
    assert control.note("story", " Ask IT ").changed
    assert control.quote("story", "It just works").changed
    assert not control.annotate("story", "Ask IT", "It just works").changed
    control.flag("story")
    stored = on_disk(control).answers["story"]
    assert (stored.note, stored.quote, stored.follow_up) == ("Ask IT", "It just works", True)
    control.flag("story")
    assert on_disk(control).answers["story"].follow_up is False


def test_observations_get_distinct_ids_and_their_question(control: InterviewController) -> None:
    first, _ = control.observation("story", category="gap", severity=3, text="A")
    second, outcome = control.observation("story", category="hack", severity=2, text="B")
    assert outcome.ok and first.id != second.id
    stored = on_disk(control).observations
    assert [(o.id, o.question) for o in stored] == [(first.id, "story"), (second.id, "story")]


def test_moving_follows_skip_logic_and_a_hidden_question_cannot_be_jumped_to(
    control: InterviewController,
) -> None:
    assert control.next("uses_lists").id == "stability"
    question, outcome = control.jump("list_source")
    assert question is None and outcome.refused == SKIPPED
    control.answer("uses_lists", True)
    question, outcome = control.jump("list_source")
    assert question is not None and on_disk(control).current == "list_source"
    assert control.back("story").id == "welcome"
    assert control.back("story", skip_notes=True) is None


def test_a_hidden_question_is_refused_in_the_interface_language(
    control: InterviewController,
) -> None:
    with i18n.use("fr"):
        _question, outcome = control.jump("list_source")
    assert outcome.refused == "Une réponse précédente écarte cette question."


def test_complete_is_saved(control: InterviewController) -> None:
    assert control.complete().ok
    assert on_disk(control).status == "completed"


def test_a_completion_the_file_cannot_hold_is_taken_back(
    control: InterviewController, monkeypatch: pytest.MonkeyPatch
) -> None:
    with monkeypatch.context() as patch:
        patch.setattr(control.store, "save", full_disk)
        outcome = control.complete()
        assert "No space left" in outcome.save_error
        assert control.session.status == "in_progress"
    assert control.complete().ok
    assert on_disk(control).status == "completed"


def test_reopen_takes_a_completed_session_back_to_in_progress(
    control: InterviewController,
) -> None:
    assert not control.reopen().changed  # in progress already: nothing to write
    control.complete()
    assert control.reopen().ok
    assert on_disk(control).status == "in_progress"


def test_a_batch_writes_once_at_its_end(control: InterviewController) -> None:
    with control.batch():
        control.answer("uses_lists", True)
        control.move_to("list_source")
        assert "uses_lists" not in on_disk(control).answers
    stored = on_disk(control)
    assert stored.answers["uses_lists"].value is True and stored.current == "list_source"


def test_a_failed_write_is_reported_kept_and_retried(
    control: InterviewController, monkeypatch: pytest.MonkeyPatch
) -> None:
    with monkeypatch.context() as patch:
        patch.setattr(control.store, "save", full_disk)
        outcome = control.answer("team_name", "Ops")
        assert "No space left" in outcome.save_error and not outcome
        assert control.session.answers["team_name"].value == "Ops"
        with pytest.raises(OSError):
            control.require_saved()
    assert control.save().ok
    assert on_disk(control).answers["team_name"].value == "Ops"
