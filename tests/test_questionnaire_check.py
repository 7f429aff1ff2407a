"""`esp-wizard questionnaires check`: the spec's example passes; each broken file fails in one line.

Every file in data/broken/ starts with `# expect: <fragment>`: the exact text its error line
must contain (file, line, readable path and message).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from esp_wizard.cli import main

DATA = Path(__file__).parent / "data"
BROKEN = sorted((DATA / "broken").glob("*.toml"))


def expected(path: Path) -> str:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# expect: "), f"{path.name} has no '# expect:' line"
    return first.removeprefix("# expect: ").replace("{file}", str(path))


def test_the_corpus_is_large_enough() -> None:
    assert len(BROKEN) >= 20


def test_the_spec_example_is_accepted(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["questionnaires", "check", str(DATA / "complete.toml")]) == 0
    assert "ok (spec-example, en, 9 questions)" in capsys.readouterr().out


@pytest.mark.parametrize("path", BROKEN, ids=[p.stem for p in BROKEN])
def test_each_mistake_is_named_in_one_line(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["questionnaires", "check", str(path)]) == 2
    out = capsys.readouterr().out
    assert expected(path) in out
    assert "Traceback" not in out
    assert all(line.startswith(str(path)) for line in out.splitlines())


def test_several_files_report_each_and_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    good, bad = DATA / "complete.toml", BROKEN[0]
    assert main(["questionnaires", "check", str(good), str(bad)]) == 2
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(f"{good}: ok")
    assert out[1].startswith(str(bad))


def test_a_missing_file_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["questionnaires", "check", "nowhere.toml"]) == 2
    assert capsys.readouterr().out.strip() == "nowhere.toml: file not found"


def test_schema_is_json_schema_of_the_format(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["questionnaires", "schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["$schema"].startswith("https://json-schema.org/")
    assert {"format", "id", "sections", "findings", "drivers"} <= set(schema["properties"])
    assert "additionalProperties" in json.dumps(schema)


def test_the_real_command_exits_2_without_a_traceback() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "esp_wizard", "questionnaires", "check", str(BROKEN[0])],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stdout + result.stderr


def test_a_missing_closing_brace_is_named_on_its_own_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """TOML 1.0, as tomllib reads it: a newline ends an inline table, so the option left
    open is the line named (TOML 1.1 readers report it at the next statement)."""
    text = (DATA / "complete.toml").read_text(encoding="utf-8")
    whole = '{ value = "api", label = "Automated sync (API or connector)" },'
    assert whole in text
    path = tmp_path / "open.toml"
    path.write_text(text.replace(whole, '{ value = "api", label = "Automated sync"'), "utf-8")
    line = next(n for n, row in enumerate(path.read_text().splitlines(), 1) if "sync" in row)
    assert main(["questionnaires", "check", str(path)]) == 2
    out = capsys.readouterr().out
    assert out.startswith(f"{path}:{line}:"), out
