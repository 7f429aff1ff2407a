"""Plain mode: a line-by-line conversation for TERM=dumb, pipes and screen readers, with
:review and :go. Run as a real process: its stdin and stdout are pipes, as over SSH."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from ask.driver import NEW, values

KEYS = [
    "We export.",
    "",  # the empty line that ends the long answer
    "y",
    "manual csv",  # an option by its text
    "6",
    "1, 2",  # options by number
    ":review",
    ":go 1",
    "",  # keep the story
    ":go stability",
    "4",
    ":stop",
]


def run_plain(root: Path, *extra: str, term: str = "dumb") -> tuple[int, bytes]:
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"} | {"TERM": term}
    command = [sys.executable, "-c", CHILD, str(root), *NEW, *extra]
    done = subprocess.run(
        command,
        input="\n".join(KEYS).encode() + b"\n",
        capture_output=True,
        env=env,
        timeout=120,
        check=False,
    )
    return done.returncode, done.stdout + done.stderr


CHILD = """
import sys
from pathlib import Path
from esp_wizard.cli import main
from esp_wizard.questionnaire import catalog

root = Path(sys.argv[1])
catalog.bundled_dir = lambda: root / "no-bundled"
sys.exit(main(["--workspace", str(root), "ask", *sys.argv[2:]]))
"""


def test_term_dumb_gets_a_plain_conversation_without_one_escape(root: Path) -> None:
    code, out = run_plain(root)
    assert code == 0, out.decode()
    assert b"\x1b" not in out
    assert b"CPR" not in out
    text = out.decode()
    before_review = text[: text.index("  Answered: ")]
    for prompt in (
        "Walk me through the last send.",
        "Do you send to lists you manage yourselves?",
        "How do subscriber lists get into the ESP today?",
        "Hours per week spent preparing lists by hand?",
        "Which channels run on the platform?",
        "How stable is the platform?",
    ):
        assert before_review.count(prompt) == 1, prompt
    assert before_review.count("Number or text") == 2  # one choice, one scale: once each
    assert "(Use arrow keys)" not in text
    assert "  3. Manual CSV upload\n" in text
    assert values(root)["list_source"] == "csv_upload"
    assert values(root)["channels"] == ["email", "sms"]
    assert values(root)["stability"] == 4
    assert values(root)["story"] == "We export."


def test_review_lists_answered_open_and_flagged_and_go_jumps(root: Path) -> None:
    _, out = run_plain(root)
    text = out.decode()
    review = text[text.index("  Answered: 5 of 9") :]
    assert "    3. How do subscriber lists get into the ESP today? = Manual CSV upload" in review
    assert "  Still open: 4\n    6. How stable is the platform?" in review
    assert "  Flagged for follow-up: 0" in review
    after_go = text[text.index("Number or text: :go 1") :]
    assert after_go.index("Walk me through the last send.") < after_go.index(":go stability")


def test_plain_is_chosen_by_the_option_in_any_terminal(root: Path) -> None:
    code, out = run_plain(root, "--plain", term="xterm-256color")
    assert code == 0, out.decode()
    assert b"\x1b" not in out
    assert values(root)["stability"] == 4
