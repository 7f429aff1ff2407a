"""The session store: names, finding, listing, bad files, questionnaire copies, workspace."""

from __future__ import annotations

import datetime as dt
import errno
import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from esp_wizard.errors import FileProblems, UserError
from esp_wizard.session import atomic
from esp_wizard.session import store as store_module
from esp_wizard.session.atomic import atomic_create_bytes, atomic_write_bytes
from esp_wizard.session.model import Answer, Interviewee, Session
from esp_wizard.session.store import (
    ID_ALPHABET,
    SessionNotOpen,
    SessionSaveError,
    SessionStore,
    slugify,
)
from esp_wizard.workspace import Workspace

SOURCE = 'format = 1\nid = "core"\ntitle = "Core discovery"\n'


@pytest.fixture
def workspace(tmp_path: Path) -> Workspace:
    return Workspace(tmp_path)


@pytest.fixture
def store(workspace: Workspace) -> Iterator[SessionStore]:
    with SessionStore(workspace) as store:
        yield store


def file_of(store: SessionStore, session: Session) -> Path:
    """The file an open session is written to (it is open: the store knows it)."""
    path = store.path_of(session)
    assert path is not None
    return path


def create(
    store: SessionStore, client: str = "Acme", person: str = "Ana Souza", source: str = SOURCE
) -> Session:
    return store.create(
        questionnaire_id="core",
        questionnaire_version="1.2.0",
        questionnaire_language="en",
        questionnaire_source=source,
        client=client,
        engagement="ESP move",
        facilitator="Bo",
        interviewees=[Interviewee(name=person, role="email-ops")] if person else [],
    )


def fixed_ids(monkeypatch: pytest.MonkeyPatch, *ids: str) -> None:
    draws = iter(ids)
    monkeypatch.setattr(store_module, "new_session_id", lambda: next(draws))


# -- creating ----------------------------------------------------------------------------------
def test_create_names_the_file_by_date_client_interviewee_and_id(store: SessionStore) -> None:
    session = create(store, client="Société Générale", person="Zoë Ærøskøbing-Straße")
    path = file_of(store, session)
    assert path is not None and path.is_file()
    assert re.fullmatch(r"[a-z2-7]{8}", session.id) and set(session.id) <= set(ID_ALPHABET)
    today = session.started.date().isoformat()
    assert path.name == f"{today}-societe-generale-zoe-aeroskobing-strasse-{session.id}.toml"
    assert store.load(path) == session
    assert session.questionnaire.id == "core" and session.questionnaire.version == "1.2.0"


def test_empty_slugs_are_left_out_and_long_ones_cut(store: SessionStore) -> None:
    bare = create(store, client="!!!", person="")
    assert file_of(store, bare).name == f"{bare.started.date()}-{bare.id}.toml"
    assert slugify("東京 Tokyo") == "tokyo"
    assert slugify("a" * 40 + " b") == "a" * 30
    assert slugify("The  Very -- Long Client Name Incorporated") == "the-very-long-client-name-inco"
    assert slugify("ab " * 20).endswith("b")  # no trailing hyphen after the cut


def test_names_never_collide(store: SessionStore, monkeypatch: pytest.MonkeyPatch) -> None:
    first = create(store)
    fixed_ids(monkeypatch, first.id, "zzzzzzzz")  # the first draw is taken: draw again
    second = create(store)
    assert second.id == "zzzzzzzz"
    assert file_of(store, first) != file_of(store, second)
    assert len(list(store.workspace.sessions_dir.glob("*.toml"))) == 2


def test_create_keeps_the_session_open_and_locked(store: SessionStore) -> None:
    session = create(store)
    path = file_of(store, session)
    assert path is not None
    assert Path(f"{path}.lock").is_file()
    session.answers["list_source"] = Answer(value="csv")
    store.save(session)
    assert store.read(session.id).answers["list_source"].value == "csv"
    store.close(session)
    assert not Path(f"{path}.lock").exists()
    with pytest.raises(SessionNotOpen, match=f"session {session.id} is not open for writing"):
        store.save(session)


def test_save_refuses_a_session_it_did_not_open(store: SessionStore) -> None:
    session = create(store)
    stranger = SessionStore(store.workspace)
    copy = stranger.read(session.id)  # read-only: no lock, no writing
    with pytest.raises(SessionNotOpen):
        stranger.save(copy)


def test_save_sets_updated(store: SessionStore, monkeypatch: pytest.MonkeyPatch) -> None:
    session = create(store)
    later = dt.datetime(2030, 1, 2, 3, 4, 5, tzinfo=dt.UTC)
    monkeypatch.setattr(store_module, "utc_now", lambda: later)
    store.save(session)
    assert session.updated == later
    assert store.read(session.id).updated == later


def test_a_failed_save_leaves_the_file_and_says_why(
    store: SessionStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = create(store)
    path = file_of(store, session)
    assert path is not None
    before = path.read_bytes()

    def disk_full(target: object, data: bytes) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(store_module, "atomic_write_bytes", disk_full)
    session.answers["q"] = Answer(value="kept in memory")
    with pytest.raises(SessionSaveError, match=r"could not save session .*No space left on device"):
        store.save(session)
    assert path.read_bytes() == before


# -- finding -------------------------------------------------------------------------------------
def test_find_by_id_prefix_name_and_path(
    store: SessionStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    fixed_ids(monkeypatch, "abcdefgh", "abczzzzz", "qrstuvwx")
    one, two, three = create(store), create(store, person="Bo"), create(store, client="Other")
    path = file_of(store, one)
    assert path is not None
    assert store.find("abcdefgh") == path
    assert store.find("ABCDEFGH") == path  # ids are case-insensitive
    assert store.find("abcd") == path
    assert store.find("q") == file_of(store, three)
    assert store.find(str(path)) == path
    assert store.find(path.name) == path
    assert store.find(path.stem) == path
    monkeypatch.chdir(store.workspace.root)
    assert store.find(f"sessions/{path.name}") == path
    assert store.read("abcz").id == two.id


def test_unknown_and_ambiguous_refs(store: SessionStore, monkeypatch: pytest.MonkeyPatch) -> None:
    fixed_ids(monkeypatch, "abcdefgh", "abczzzzz")
    create(store), create(store, person="Bo")
    with pytest.raises(UserError) as unknown:
        store.find("xyz")
    assert str(unknown.value) == "no session matches 'xyz' (esp-wizard sessions lists them)"
    with pytest.raises(UserError) as ambiguous:
        store.find("abc")
    message = str(ambiguous.value)
    assert message.startswith("'abc' matches several sessions: abcdefgh (")
    assert "abczzzzz (" in message and message.endswith("give more of the id")
    with pytest.raises(UserError, match=r"no session file nowhere/x\.toml"):
        store.find("nowhere/x.toml")
    with pytest.raises(UserError, match="no session matches ''"):
        store.find("")


def test_a_renamed_file_is_still_found_by_the_id_it_holds(store: SessionStore) -> None:
    session = create(store)
    path = file_of(store, session)
    store.close(session)
    renamed = path.with_name("interview-with-ana.toml")
    path.rename(renamed)
    assert store.find(session.id) == renamed
    assert store.open(session.id).id == session.id


def test_one_id_in_two_files_is_ambiguous(store: SessionStore) -> None:
    session = create(store)
    path = file_of(store, session)
    assert path is not None
    (path.parent / "copy.toml").write_bytes(path.read_bytes())
    with pytest.raises(UserError, match=r"matches several sessions.*give the file's path"):
        store.find(session.id)


# -- bad files ------------------------------------------------------------------------------------
def good_text(store: SessionStore) -> str:
    session = create(store)
    session.answers["list_source"] = Answer(value="csv", note="weekly")
    store.save(session)
    path = file_of(store, session)
    store.close(session)
    text = path.read_text(encoding="utf-8")
    path.unlink()
    return text


def line_of(text: str, fragment: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if fragment in line)


def test_a_syntax_error_names_file_and_line_and_the_file_is_never_written(
    store: SessionStore,
) -> None:
    text = good_text(store).replace('note = "weekly"', 'note = "weekly')
    bad = store.workspace.sessions_dir / "2026-01-01-acme-ana-badbadba.toml"
    bad.write_text(text, encoding="utf-8")
    before, mtime = bad.read_bytes(), bad.stat().st_mtime_ns
    with pytest.raises(FileProblems) as caught:
        store.load(bad)
    line = line_of(text, 'note = "weekly')
    assert str(caught.value).startswith(f"{bad}:{line}: TOML syntax (column ")
    with pytest.raises(FileProblems):
        store.open(bad.name)  # found, refused, and not left locked
    assert not Path(f"{bad}.lock").exists()
    listing = store.list()
    assert [p.path for p in listing.problems] == [str(bad)]
    assert bad.read_bytes() == before and bad.stat().st_mtime_ns == mtime


def test_a_bad_value_names_the_key_path_and_its_line(store: SessionStore) -> None:
    text = good_text(store).replace('status = "answered"', 'status = "maybe"', 1)
    bad = store.workspace.sessions_dir / "bad.toml"
    bad.write_text(text, encoding="utf-8")
    before = bad.read_bytes()
    with pytest.raises(FileProblems) as caught:
        store.load(bad)
    line = line_of(text, 'status = "maybe"')
    assert caught.value.lines() == [
        f"{bad}:{line}: answers › list_source › status: "
        "'maybe' is not one of answered, dont_know, not_applicable"
    ]
    with pytest.raises(FileProblems):
        SessionStore(store.workspace).open(str(bad))
    assert bad.read_bytes() == before


def test_missing_unknown_and_ill_typed_keys(store: SessionStore) -> None:
    text = good_text(store)
    text = re.sub(r'^client = ".*"\n', "", text, flags=re.MULTILINE)
    text = text.replace('note = "weekly"', 'note = "weekly"\nmood = "tired"')
    text = text.replace("follow_up = false", 'follow_up = "perhaps"')
    text = text.replace('value = "csv"', "value = { a = 1 }")
    bad = store.workspace.sessions_dir / "bad.toml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(FileProblems) as caught:
        store.load(bad)
    lines = caught.value.lines()
    assert f"{bad}: client: missing (required)" in lines
    assert any(
        line.startswith(f"{bad}:{line_of(text, 'mood')}: answers › list_source › mood: unknown key")
        and "(allowed: status, value, other, note, quote, follow_up, at)" in line
        for line in lines
    )
    follow_up = line_of(text, 'follow_up = "perhaps"')
    assert (
        f"{bad}:{follow_up}: answers › list_source › follow_up: "
        "expected true or false, got 'perhaps'"
    ) in lines
    value = line_of(text, "value = { a = 1 }")
    assert any(
        line.startswith(f"{bad}:{value}: answers › list_source › value: expected text")
        for line in lines
    )
    assert len(lines) == 4


def test_a_newer_format_asks_for_an_update(store: SessionStore) -> None:
    bad = store.workspace.sessions_dir / "future.toml"
    bad.write_text(good_text(store).replace("format = 1", "format = 9"), encoding="utf-8")
    with pytest.raises(FileProblems, match="format 9 is newer than this esp-wizard reads"):
        store.load(bad)


def test_unreadable_files_are_problems_not_crashes(store: SessionStore) -> None:
    folder = store.workspace.sessions_dir
    folder.mkdir()
    (folder / "latin1.toml").write_bytes('client = "Soci\xe9t\xe9"\n'.encode("latin-1"))
    (folder / "empty.toml").write_bytes(b"")
    (folder / "list.toml").write_text("[[x]]\n", encoding="utf-8")
    listing = store.list()
    assert listing.entries == []
    messages = sorted(str(p) for p in listing.problems)
    assert any("empty.toml: id: missing (required)" in m for m in messages)
    assert any("latin1.toml:1: not UTF-8 text (byte 0xE9 " in m for m in messages)
    with pytest.raises(FileProblems, match="file not found"):
        store.load(folder / "gone.toml")


# -- listing -------------------------------------------------------------------------------------
def test_listing_skips_hidden_temporary_and_other_files(
    store: SessionStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    times = iter(dt.datetime(2026, 1, day, tzinfo=dt.UTC) for day in (1, 3, 2))
    monkeypatch.setattr(store_module, "utc_now", lambda: next(times))
    first, newest, middle = create(store), create(store), create(store)
    for session in (first, newest, middle):
        store.save(session)
    folder = store.workspace.sessions_dir
    text = file_of(store, first).read_text(encoding="utf-8")
    (folder / ".hidden.toml").write_text(text, encoding="utf-8")
    (folder / f".{file_of(store, first).name}.0a1b2c3d.tmp").write_text(text, encoding="utf-8")
    (folder / "notes.txt").write_text("not a session", encoding="utf-8")
    (folder / "sub").mkdir()
    (folder / "sub" / "deeper.toml").write_text(text, encoding="utf-8")
    listing = store.list()
    assert [e.session.id for e in listing.entries] == [newest.id, middle.id, first.id]
    assert listing.problems == []
    assert len(listing) == 3 and [e.name for e in listing] == [e.path.stem for e in listing.entries]


def test_listing_an_empty_or_missing_folder(tmp_path: Path) -> None:
    listing = SessionStore(Workspace(tmp_path / "nowhere")).list()
    assert listing.entries == [] and listing.problems == []


def test_opening_sweeps_a_crashed_writers_temporary_files(store: SessionStore) -> None:
    session = create(store)
    path = file_of(store, session)
    store.close(session)
    stray = path.with_name(f".{path.name}.deadbeef.tmp")
    other = path.with_name(".someone-else.toml.deadbeef.tmp")
    stray.write_bytes(b"half a file")
    other.write_bytes(b"not ours")
    store.open(session.id)
    assert not stray.exists() and other.exists()


# -- questionnaire copies ------------------------------------------------------------------
def test_the_questionnaire_is_copied_once_by_hash(store: SessionStore) -> None:
    first = create(store)
    copy = store.questionnaire_copy_path(first)
    assert copy.parent == store.workspace.sessions_dir / ".questionnaires"
    assert copy.name == f"core-en-{first.questionnaire.hash[:16]}.toml"
    assert len(first.questionnaire.hash) == 64
    assert copy.read_bytes() == SOURCE.encode("utf-8")
    stamp = copy.stat().st_mtime_ns
    second = create(store, person="Bo")
    assert second.questionnaire.hash == first.questionnaire.hash
    assert copy.stat().st_mtime_ns == stamp  # not rewritten
    changed = create(store, source=SOURCE + "# v2\n")
    assert store.questionnaire_copy_path(changed) != copy
    assert len(list(copy.parent.iterdir())) == 2
    assert store.questionnaire_text(first) == SOURCE  # the old session keeps its own copy
    assert store.questionnaire_text(changed) == SOURCE + "# v2\n"


def test_exact_bytes_are_kept_and_hash_matches_the_loader(store: SessionStore) -> None:
    from esp_wizard.questionnaire.loader import content_hash

    source = '\ufeffformat = 1\r\nid = "core"\r\ntitle = "Crème"\r\n'
    session = create(store, source=source)
    assert session.questionnaire.hash == content_hash(source)
    assert store.questionnaire_text(session) == source
    raw = source.encode("utf-8")
    other = store.create(
        questionnaire_id="core",
        questionnaire_version="1",
        questionnaire_language="en",
        questionnaire_source=raw,
        client="Acme",
    )
    assert other.questionnaire.hash == session.questionnaire.hash


def test_a_missing_or_altered_copy_is_reported_and_repaired(store: SessionStore) -> None:
    session = create(store)
    copy = store.questionnaire_copy_path(session)
    copy.write_text(SOURCE + "# tampered\n", encoding="utf-8")
    with pytest.raises(FileProblems, match="altered"):
        store.questionnaire_text(session)
    create(store)  # the next session with that questionnaire restores the exact copy
    assert store.questionnaire_text(session) == SOURCE
    copy.unlink()
    with pytest.raises(FileProblems, match="questionnaire copy not found"):
        store.questionnaire_text(session)


# -- atomic writes -------------------------------------------------------------------------------
def test_atomic_write_failure_keeps_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "s.toml"
    target.write_bytes(b"old")

    def refuse(source: object, destination: object) -> None:
        raise OSError(errno.EIO, "I/O error")

    monkeypatch.setattr(atomic.os, "replace", refuse)
    with pytest.raises(OSError, match="I/O error"):
        atomic_write_bytes(target, b"new")
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.toml"]


def test_atomic_write_keeps_permissions_and_create_is_exclusive(tmp_path: Path) -> None:
    target = tmp_path / "s.toml"
    atomic_write_bytes(target, b"one")
    os.chmod(target, 0o640)
    atomic_write_bytes(target, b"two")
    assert target.read_bytes() == b"two"
    if os.name == "posix":
        assert target.stat().st_mode & 0o777 == 0o640
    with pytest.raises(FileExistsError):
        atomic_create_bytes(target, b"three")
    assert target.read_bytes() == b"two"
    atomic_create_bytes(tmp_path / "new.toml", b"fresh")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.toml", "s.toml"]


def test_atomic_create_without_hard_links_is_still_exclusive(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_links(source: object, destination: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(atomic.os, "link", no_links)
    atomic_create_bytes(tmp_path / "a", b"x")
    with pytest.raises(FileExistsError):
        atomic_create_bytes(tmp_path / "a", b"y")
    assert (tmp_path / "a").read_bytes() == b"x"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a"]


# -- workspace -----------------------------------------------------------------------------------
def test_workspace_option_beats_environment_beats_cwd(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    option, env = tmp_path / "option", tmp_path / "env"
    option.mkdir(), env.mkdir()
    monkeypatch.chdir(tmp_path)
    environ = {"ESP_WIZARD_WORKSPACE": str(env)}
    assert Workspace.resolve(str(option), environ).root == option
    assert Workspace.resolve("option", environ).root == option  # relative to cwd, made absolute
    assert Workspace.resolve(None, environ).root == env
    assert Workspace.resolve(None, {}).root == tmp_path
    assert Workspace.resolve(None, {"ESP_WIZARD_WORKSPACE": ""}).root == tmp_path
    ws = Workspace.resolve(None, environ)
    assert ws.sessions_dir == env / "sessions"
    assert ws.questionnaires_dir == env / "questionnaires"
    assert ws.exports_dir == env / "exports"
    assert ws.snapshots_dir == env / "sessions" / ".questionnaires"


@pytest.mark.parametrize("where", ["missing", "file", ""])
def test_workspace_must_be_an_existing_folder(tmp_path: Path, where: str) -> None:
    (tmp_path / "file").write_text("x")
    raw = str(tmp_path / where) if where else ""
    with pytest.raises(UserError) as caught:
        Workspace.resolve(raw, {})
    assert str(caught.value) == (
        f"workspace folder not found: {raw} "
        "(give an existing folder with --workspace or ESP_WIZARD_WORKSPACE)"
    )
    if where:
        with pytest.raises(UserError):
            Workspace.resolve(None, {"ESP_WIZARD_WORKSPACE": raw})


# -- a fixed id and start time (a reproducible example engagement) ---------------------------
def test_create_with_a_fixed_id_and_start_time(store: SessionStore) -> None:
    started = dt.datetime(2026, 10, 5, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    session = store.create(
        questionnaire_id="core",
        questionnaire_version="1.2.0",
        questionnaire_language="en",
        questionnaire_source=SOURCE,
        client="Acme",
        interviewees=[Interviewee(name="Ana Souza")],
        session_id="fixedid2",
        started=started,
    )
    assert session.id == "fixedid2"
    assert session.started == session.updated == dt.datetime(2026, 10, 5, 9, 0, tzinfo=dt.UTC)
    assert file_of(store, session).name == "2026-10-05-acme-ana-souza-fixedid2.toml"
    assert store.read("fixedid2") == session


def test_a_fixed_id_is_refused_when_taken_or_malformed(store: SessionStore) -> None:
    first = create(store)
    with pytest.raises(SessionSaveError, match="a session with this id already exists"):
        store.create(
            questionnaire_id="core",
            questionnaire_version="1",
            questionnaire_language="en",
            questionnaire_source=SOURCE,
            client="Other",
            session_id=first.id,
        )
    for bad in ("short", "UPPERCAS", "with0one"):
        with pytest.raises(UserError, match=f"id '{bad}' is not 8 characters"):
            store.create(
                questionnaire_id="core",
                questionnaire_version="1",
                questionnaire_language="en",
                questionnaire_source=SOURCE,
                client="Other",
                session_id=bad,
            )
    assert len(list(store.workspace.sessions_dir.glob("*.toml"))) == 1


def test_save_with_a_given_updated_time(store: SessionStore) -> None:
    session = create(store)
    when = dt.datetime(2026, 10, 5, 10, 35, tzinfo=dt.UTC)
    store.save(session, updated=when)
    assert store.read(session.id).updated == when
