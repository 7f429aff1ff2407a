"""The percent type in `ask`: typed like a number ("%" optional), checked 0 to 100, in rows too."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ask.conftest import DATA
from ask.driver import CLEAR, pick, run_ask, typed, values

NEW = (
    "--client",
    "Acme Retail",
    "--engagement",
    "ESP move 2027",
    "--facilitator",
    "Fay",
    "--questionnaire",
    "percent-example",
    "--interviewee",
    "Ana Souza:email-ops",
)


@pytest.fixture
def percent_root(root: Path) -> Path:
    shutil.copy(DATA / "percent.toml", root / "questionnaires" / "percent.toml")
    return root


def test_a_percentage_is_refused_above_100_then_saved_and_asked_in_rows(
    percent_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    keys = [
        typed("150"),  # refused: stays in the prompt
        CLEAR,
        typed("37,5 %"),  # bounce_rate
        "y",  # cleans_lists: asked above 2.5 %
        pick(0),  # segments: add a row
        typed("VIP"),
        typed("60"),
        pick(3),  # done
        "y",  # complete
    ]
    assert run_ask(percent_root, *NEW, keys=keys) == 0
    assert values(percent_root) == {
        "bounce_rate": 37.5,
        "cleans_lists": True,
        "segments": [{"name": "VIP", "share": 60}],
    }
    out = capsys.readouterr().out
    assert "37.5 % of sends bounce" in out
    assert "VIP holds 60 % of the list" in out
