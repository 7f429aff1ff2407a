"""`:obs` asks, last, which root cause the observation belongs to, by the causes' titles."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from ask.driver import ENTER, NEW, on_disk, pick, run_ask, typed
from ask.test_plain import CHILD


def with_causes(root: Path) -> None:
    """The workspace's questionnaire with two rules naming a cause (one title templated)."""
    path = root / "questionnaires" / "complete.toml"
    text = path.read_text(encoding="utf-8")
    text = text.replace(
        'id = "manual-list-upload"\n', 'id = "manual-list-upload"\ncause = "lists"\n'
    )
    text = text.replace(
        'id = "system-without-owner"\n', 'id = "system-without-owner"\ncause = "owners"\n'
    )
    path.write_text(text, encoding="utf-8")


def observation(root: Path) -> dict[str, object]:
    (only,) = on_disk(root)["observations"]
    return {k: v for k, v in only.items() if k in ("category", "text", "cause")}


def test_an_observation_joins_the_cause_picked_from_the_list(root: Path) -> None:
    with_causes(root)
    keys = [
        ENTER,  # story
        "n",  # uses_lists
        ":obs\r",  # at stability, a select
        pick(2),  # hack
        ENTER,  # severity 3
        ENTER,  # impact 3
        ENTER,  # phase
        typed(""),  # no title
        typed("Bea exports the CRM to a spreadsheet every Monday."),
        pick(1),  # none, then the causes by title: "Subscriber lists reach the ESP by hand"
        pick(3),  # then stability itself
        ":stop\r",
    ]
    assert run_ask(root, *NEW, keys=keys) == 0
    assert observation(root) == {
        "category": "hack",
        "text": "Bea exports the CRM to a spreadsheet every Monday.",
        "cause": "lists",
    }


def test_enter_at_the_cause_leaves_the_observation_on_its_own(root: Path) -> None:
    with_causes(root)
    keys = [ENTER, "n", ":obs\r", ENTER, ENTER, ENTER, ENTER, ENTER, typed("Seen."), ENTER]
    assert run_ask(root, *NEW, keys=[*keys, ":stop\r"]) == 0
    (only,) = on_disk(root)["observations"]
    assert "cause" not in only  # "" is the default: not written


def test_plain_mode_numbers_the_causes_and_takes_one_by_its_title(root: Path) -> None:
    with_causes(root)
    replies = [
        "We export.",
        "",  # the empty line that ends the long answer
        "n",
        ":obs",  # at stability
        "1",  # category: gap
        "",  # severity
        "",  # impact
        "2",  # phase: move
        "",  # no title
        "Nobody knows who owns the CRM feed.",
        "… has no known owner",  # a cause by its title
        "4",  # stability
        ":stop",
    ]
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"} | {"TERM": "dumb"}
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(root), *NEW],
        input="\n".join(replies).encode() + b"\n",
        capture_output=True,
        env=env,
        timeout=120,
        check=False,
    )
    out = done.stdout.decode()
    assert done.returncode == 0, out + done.stderr.decode()
    assert "Root cause it belongs to\n  1. none: a finding of its own (current)\n" in out
    assert "  2. Subscriber lists reach the ESP by hand\n  3. … has no known owner\n" in out
    assert observation(root)["cause"] == "owners"
