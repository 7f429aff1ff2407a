"""Guarantee: a damaged session file is named, left out and left alone; the rest goes on."""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

from esp_wizard.cli import main
from safety.conftest import session_files

HOSTILE = {
    "deep-nesting": "x = " + "[" * 5000 + "\n",
    "deep-inline-tables": "x = " + "{a = " * 3000 + "\n",
    "huge-int": "x = 1" + "2" * 5000 + "\n",
    "int-beyond-64-bits": "x = 123456789012345678901234567890\n",
    "bad-syntax": "client = [\n",
    "not-utf8": None,  # written as bytes below
    "empty": "",
    "wrong-types": 'id = 3\nclient = ["a"]\n',
}


def run(root: Path, *args: str) -> int:
    return main(["--workspace", str(root), *args])


def add_damage(root: Path) -> dict[Path, bytes]:
    """Five kinds of damaged files beside the healthy ones; their bytes, to compare later."""
    sessions = root / "sessions"
    made: dict[Path, bytes] = {}
    for name, text in HOSTILE.items():
        path = sessions / f"2026-01-01-damaged-{name}.toml"
        path.write_bytes(b"\xff\xfe id = 'x'" if text is None else text.encode())
        made[path] = path.read_bytes()
    healthy = session_files(root)[0].read_text(encoding="utf-8")
    lots = sessions / "2026-01-01-damaged-lots-zzzzzzzz.toml"
    lots.write_text(
        healthy.replace('id = "nwexecut"', 'id = "zzzzzzzz"', 1).replace(
            "value = 2\n", 'value = "lots"\n', 1
        ),
        encoding="utf-8",
    )
    made[lots] = lots.read_bytes()
    return made


def special_files(root: Path) -> None:
    os.mkfifo(root / "sessions" / "2026-01-01-fifo.toml")
    (root / "sessions" / "2026-01-01-folder.toml").mkdir()


def test_sessions_lists_the_healthy_and_names_each_damaged_file(
    example: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    healthy = len(session_files(example))
    made = add_damage(example)
    special_files(example)
    assert run(example, "sessions") == 0
    out, err = capsys.readouterr()
    assert len(out.strip().splitlines()) == 1 + healthy
    for path in made:
        assert path.name in err
    assert "2026-01-01-fifo.toml: is not a regular file" in err
    assert "2026-01-01-folder.toml: is a folder" in err
    assert "Traceback" not in err and "unexpected error" not in err
    assert all(path.read_bytes() == data for path, data in made.items())


def test_report_of_the_healthy_sessions_names_the_damaged(
    example: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    healthy = len(session_files(example))
    made = add_damage(example)
    special_files(example)
    assert run(example, "report", "--format", "json") == 0
    out, err = capsys.readouterr()
    import json

    assert len(json.loads(out)["sessions"]) == healthy
    for path in made:
        assert path.name in err, path.name
    assert "unexpected error" not in err
    assert all(path.read_bytes() == data for path, data in made.items())


def test_ten_healthy_and_five_damaged_give_the_report_of_the_ten(
    example: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = session_files(example)
    assert len(files) >= 10
    for extra in files[10:]:
        extra.unlink()
    damaged = list(add_damage(example))[:5]
    for path in list(add_damage(example))[5:]:
        path.unlink()
    assert run(example, "report", "--format", "json") == 0
    out, err = capsys.readouterr()
    import json

    assert len(json.loads(out)["sessions"]) == 10
    warnings = [line for line in err.splitlines() if "left out" in line]
    assert len(warnings) == 5 and all(any(p.name in w for w in warnings) for p in damaged)


def test_a_wrong_answer_type_names_file_line_and_question(
    example: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = next(p for p in session_files(example) if "nwemlops" in p.name)
    text = target.read_text(encoding="utf-8").replace("value = 9200000", 'value = "lots"')
    target.write_text(text, encoding="utf-8")
    before = target.read_bytes()
    line = text.splitlines().index('value = "lots"') + 1
    for command in (
        ["export", "nwemlops"],
        ["resume", "nwemlops"],
        ["ask", "--resume", "nwemlops"],
    ):
        assert run(example, *command) == 2
        err = capsys.readouterr().err
        assert f"{target.name}:{line}: answers › monthly_messages › value: " in err, command
        assert "expected a number, got 'lots'" in err
    assert run(example, "sessions") == 0
    assert "nwemlops" not in capsys.readouterr().out
    assert target.read_bytes() == before
    assert not list((example / "sessions").glob("*.lock"))


def test_when_every_file_is_damaged_report_names_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "sessions").mkdir()
    (tmp_path / "sessions" / "a.toml").write_text("x = " + "[" * 3000, encoding="utf-8")
    (tmp_path / "sessions" / "b.toml").write_text("id = 3\n", encoding="utf-8")
    assert run(tmp_path, "report") == 2
    err = capsys.readouterr().err
    assert "a.toml:1: nested too deeply" in err and "b.toml" in err
    assert "no sessions in this workspace yet" not in err
    assert run(tmp_path, "sessions") == 2


def mutate(data: bytes, rng: random.Random) -> bytes:
    """One of the damages a hand edit, a sync tool or a disk does to a file."""
    kind = rng.randrange(6)
    at = rng.randrange(len(data))
    if kind == 0:  # truncated
        return data[:at]
    if kind == 1:  # a byte flipped
        return data[:at] + bytes([rng.randrange(256)]) + data[at + 1 :]
    if kind == 2:  # a line duplicated
        lines = data.splitlines(keepends=True)
        i = rng.randrange(len(lines))
        return b"".join([*lines[: i + 1], lines[i], *lines[i + 1 :]])
    if kind == 3:  # a value replaced by something of another type
        swap = rng.choice([b'"lots"', b"[1, 2]", b"true", b"1" + b"9" * 30, b"{a = 1}", b"nan"])
        return data.replace(b"value = ", b"value = " + swap + b" #", 1)
    if kind == 4:  # a chunk deleted
        return data[:at] + data[at + rng.randrange(1, 200) :]
    return data[:at] + b"[" * rng.randrange(1, 3000) + data[at:]  # brackets pasted in


def test_fuzz_mutated_real_sessions_never_break_the_workspace(
    example: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rng = random.Random(16)
    files = session_files(example)
    healthy_ids = {p.stem.rsplit("-", 1)[-1] for p in files}
    for round_number in range(25):
        victim = rng.choice(files)
        original = victim.read_bytes()
        damaged = mutate(original, rng)
        victim.write_bytes(damaged)
        for command in (["sessions"], ["report", "--format", "json"], ["export", victim.stem]):
            code = run(example, *command)
            out, err = capsys.readouterr()
            assert "unexpected error" not in err and "Traceback" not in err, (round_number, err)
            assert code in (0, 2), (round_number, command, err)
            if command == ["sessions"]:
                others = healthy_ids - {victim.stem.rsplit("-", 1)[-1]}
                assert all(i in out for i in others), round_number
        assert victim.read_bytes() == damaged, round_number
        victim.write_bytes(original)


@pytest.mark.parametrize(
    "line", ["x = " + "[" * 5000, "x = 1" + "2" * 5000], ids=["deep-nesting", "huge-int"]
)
def test_a_file_saved_with_its_progress_then_damaged_is_named_and_the_rest_listed(
    example: Path, capsys: pytest.CaptureFixture[str], line: str
) -> None:
    """A file esp-wizard saved keeps its progress for the listings, read from its top lines
    without the model; damage there is that file's problem, not the whole listing's."""
    from esp_wizard.session.store import SessionStore
    from esp_wizard.workspace import Workspace

    with SessionStore(Workspace(example)) as store:
        store.save(store.open("nwexecut"), progress=(1, 2))
    path = next(p for p in session_files(example) if "nwexecut" in p.name)
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    assert any(row.startswith("[progress]") for row in lines)
    path.write_text("".join([*lines[:2], line + "\n", *lines[2:]]), encoding="utf-8")
    assert run(example, "sessions") == 0
    out, err = capsys.readouterr()
    assert len(out.strip().splitlines()) == len(session_files(example))  # header + the others
    assert path.name in err
    assert "Traceback" not in err and "unexpected error" not in err


@pytest.mark.parametrize("text", ["x = " + "[" * 5000, "x = 1" + "2" * 5000, "x = [\n"])
def test_a_damaged_settings_file_gives_the_defaults_not_a_traceback(
    example: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    text: str,
) -> None:
    """The remembered settings (facilitator, theme, language) are a convenience: a file
    damaged past reading is read as no settings, and every command still runs."""
    config = example / "config"
    config.mkdir()
    (config / "config.toml").write_text(text + "\n", encoding="utf-8")
    monkeypatch.setenv("ESP_WIZARD_CONFIG_DIR", str(config))
    assert run(example, "sessions") == 0
    out, err = capsys.readouterr()
    assert len(out.strip().splitlines()) == 1 + len(session_files(example))
    assert "Traceback" not in err and "unexpected error" not in err
