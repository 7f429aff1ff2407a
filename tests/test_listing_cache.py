"""The listings read unchanged files from a cache and see every change (filecache.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from esp_wizard.filecache import cache_dir
from esp_wizard.questionnaire.listing import QuestionnaireListing, list_questionnaires
from esp_wizard.questionnaire.model import Questionnaire
from esp_wizard.session.interview import Interview
from esp_wizard.session.model import Interviewee, Session
from esp_wizard.session.store import SessionStore
from esp_wizard.session.summary import list_summaries
from esp_wizard.workspace import Workspace


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SessionStore]:
    with SessionStore(Workspace(tmp_path)) as store:
        yield store


def started(store: SessionStore, questionnaire: Questionnaire, person: str = "Ana") -> Session:
    return store.create(
        questionnaire_id=questionnaire.id,
        questionnaire_version=questionnaire.version,
        questionnaire_language=questionnaire.language,
        questionnaire_source=questionnaire.source,
        client="Acme",
        interviewees=[Interviewee(name=person, role="email-ops")],
    )


def progress(store: SessionStore) -> list[str]:
    return [row.progress for row in list_summaries(store.workspace).rows]


def test_an_answer_saved_shows_in_the_next_listing(
    store: SessionStore, complete: Questionnaire
) -> None:
    session = started(store, complete)
    total = Interview(complete, session).progress().total
    assert progress(store) == [f"0/{total}"]
    assert progress(store) == [f"0/{total}"]  # from the cache
    Interview(complete, session).answer("story", "We send on Mondays.")
    store.save(session)
    assert progress(store) == [f"1/{total}"]


def test_the_cache_lives_outside_the_workspace(
    store: SessionStore, complete: Questionnaire
) -> None:
    started(store, complete)
    list_summaries(store.workspace)
    assert list(cache_dir().glob("sessions-*.json"))
    assert not list(store.workspace.sessions_dir.glob("*.json"))


def test_a_file_damaged_after_a_listing_is_reported_every_time(
    store: SessionStore, complete: Questionnaire
) -> None:
    session = started(store, complete)
    started(store, complete, person="Bo")
    list_summaries(store.workspace)
    path = store.path_of(session)
    assert path is not None
    path.write_text('format = 1\nid = "x"\nclient = [', encoding="utf-8")
    for _ in range(2):
        listing = list_summaries(store.workspace)
        assert [row.interviewees[0].name for row in listing.rows] == ["Bo"]
        assert len(listing.problems) == 1


def test_a_missing_questionnaire_copy_shows_unknown_progress(
    store: SessionStore, complete: Questionnaire
) -> None:
    session = started(store, complete)
    assert progress(store) != ["?"]
    store.questionnaire_copy_path(session).unlink()
    assert progress(store) == ["?"]


def test_a_changed_workspace_questionnaire_is_listed_as_it_now_is(tmp_path: Path) -> None:
    folder = tmp_path / "questionnaires"
    folder.mkdir()
    own = folder / "own.toml"
    source = (Path(__file__).parent / "data" / "complete.toml").read_text(encoding="utf-8")
    own.write_text(source, encoding="utf-8")
    first = {(e.id, e.language): e for e in list_questionnaires(folder).entries}
    (entry,) = [e for e in first.values() if e.origin == "workspace"]
    own.write_text(source.replace(f'title = "{entry.title}"', 'title = "Renamed"', 1), "utf-8")
    again = {(e.id, e.language): e for e in list_questionnaires(folder).entries}
    assert again[(entry.id, entry.language)].title == "Renamed"
    own.write_text("format = [", encoding="utf-8")
    broken = list_questionnaires(folder)
    assert all(e.origin == "bundled" for e in broken.entries)
    assert len(broken.problems) == 1


def answered_through_the_controller(store: SessionStore, complete: Questionnaire) -> Path:
    """A session answered as both faces answer: the controller saves progress with it."""
    from esp_wizard.session.controller import InterviewController

    session = started(store, complete)
    control = InterviewController(Interview(complete, session), store)
    assert control.answer("story", "We send on Mondays.")
    assert control.answer("uses_lists", True)
    path = store.path_of(session)
    assert path is not None
    return path


def test_a_saved_answer_shows_in_the_listing_from_the_file_alone(
    store: SessionStore, complete: Questionnaire
) -> None:
    path = answered_through_the_controller(store, complete)
    counted = Interview(complete, store.load(path)).progress()
    assert "[progress]" in path.read_text(encoding="utf-8")
    assert progress(store) == [f"{counted.done}/{counted.total}"] == ["2/" + str(counted.total)]


def test_a_progress_table_the_file_no_longer_matches_is_not_believed(
    store: SessionStore, complete: Questionnaire
) -> None:
    path = answered_through_the_controller(store, complete)
    text = path.read_text(encoding="utf-8")
    total = Interview(complete, store.load(path)).progress().total
    path.write_text(text.replace("done = 2", "done = 9"), encoding="utf-8")
    assert progress(store) == [f"2/{total}"]  # the digest is the file's, the count is not
    unanswered = text.replace('value = "We send on Mondays."', 'value = ""')
    path.write_text(unanswered, encoding="utf-8")
    assert progress(store) == [f"1/{total}"]  # an answer edited by hand: counted again


def test_an_answer_damaged_by_hand_is_reported_though_the_file_has_progress(
    store: SessionStore, complete: Questionnaire
) -> None:
    path = answered_through_the_controller(store, complete)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("value = true", 'value = "lots"'), encoding="utf-8")
    listing = list_summaries(store.workspace)
    assert not listing.rows and len(listing.damaged) == 1
    assert "uses_lists" in str(listing.damaged[0])


@pytest.mark.parametrize("damage", [b"", b"{not json", b'{"version": 1, "files": []}', b"\xff"])
def test_a_damaged_listing_cache_is_read_as_no_cache(
    store: SessionStore, complete: Questionnaire, damage: bytes
) -> None:
    answered_through_the_controller(store, complete)
    expected = progress(store)
    for path in cache_dir().glob("sessions-*.json"):
        path.write_bytes(damage)
    assert progress(store) == expected
    assert progress(store) == expected  # and the cache written again is whole


def test_the_bundled_listing_file_is_current() -> None:
    """Stale after a bundled questionnaire changed: run scripts/update_bundled_listing.py."""
    from esp_wizard.questionnaire.listing import CHECKED_NAME, bundled_dir, checked_text

    recorded = (bundled_dir() / CHECKED_NAME).read_text(encoding="utf-8")
    assert recorded == checked_text(bundled_dir()), "run scripts/update_bundled_listing.py"


@pytest.fixture
def shipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the bundled folder, listing.json included, standing in for the bundled one."""
    import shutil

    from esp_wizard.questionnaire import listing

    folder = tmp_path / "bundled"
    shutil.copytree(listing.bundled_dir(), folder)
    monkeypatch.setattr(listing, "bundled_dir", lambda: folder)
    return folder


def titles(listing: QuestionnaireListing) -> dict[tuple[str, str], str]:
    return {(e.id, e.language): e.title for e in listing.entries}


def test_a_bundled_file_changed_since_it_was_checked_is_checked_again(shipped: Path) -> None:
    expected = titles(list_questionnaires(None))
    assert len(expected) == len(list(shipped.glob("*.toml")))
    path = shipped / "analytics.en.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\nminutes = ", "\nminutes = -", 1), encoding="utf-8")
    for cache in cache_dir().glob("questionnaires-*.json"):
        cache.unlink()  # as on a first run: only listing.json could vouch for the file
    broken = list_questionnaires(None)
    assert ("analytics", "en") not in titles(broken)
    assert [p.path for p in broken.problems] == [str(path)]
    assert "minutes" in broken.problems[0].lines()[0]
    title = expected[("analytics", "en")]
    path.write_text(text.replace(f'title = "{title}"', 'title = "Renamed"', 1), "utf-8")
    assert titles(list_questionnaires(None))[("analytics", "en")] == "Renamed"


@pytest.mark.parametrize("damage", [b"", b"[]", b'{"files": {"analytics.en.toml": 3}}', b"\xff"])
def test_a_damaged_bundled_listing_file_only_costs_a_full_check(
    shipped: Path, damage: bytes
) -> None:
    expected = titles(list_questionnaires(None))
    for cache in cache_dir().glob("questionnaires-*.json"):
        cache.unlink()
    (shipped / "listing.json").write_bytes(damage)
    again = list_questionnaires(None)
    assert titles(again) == expected and not again.problems


def test_a_damaged_cache_entry_is_read_again_and_rebuilt(shipped: Path) -> None:
    import json

    expected = titles(list_questionnaires(None))
    (cache,) = cache_dir().glob("questionnaires-*.json")
    stored = json.loads(cache.read_bytes())
    for entry in stored["files"].values():
        entry[1] = {"id": 3, "title": ["not", "text"]}  # the right key, fields gone bad
    cache.write_text(json.dumps(stored), encoding="utf-8")
    (shipped / "listing.json").unlink()  # so each file is read again, not vouched for
    assert titles(list_questionnaires(None)) == expected
    rebuilt = json.loads(cache.read_bytes())
    assert all(entry[1]["title"] for entry in rebuilt["files"].values())
