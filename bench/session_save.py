"""Per-answer save latency as a session grows to 300 answers, against bare file writes.

    .venv/bin/python bench/session_save.py [--answers 300] [--dir DIR]

For each new answer it times `SessionStore.save` (serialise, lock check, temp file, fsync,
rename, folder fsync), then writes the very same bytes twice more for reference: a bare
temp-write + rename (no fsync: what an unsafe writer pays) and the same with the fsyncs
(what durability alone costs). The ratio save / bare shows the price of safety; the ratio
save / durable shows what our own code adds on top of the disk. `--dir` picks the disk.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from esp_wizard.session.atomic import fsync_dir
from esp_wizard.session.model import Answer, Interviewee
from esp_wizard.session.store import SessionStore
from esp_wizard.workspace import Workspace


def bare_write(path: Path, data: bytes, *, durable: bool) -> None:
    temp = path.with_name(f".{path.name}.bare.tmp")
    with open(temp, "wb") as file:
        file.write(data)
        if durable:
            file.flush()
            os.fsync(file.fileno())
    os.replace(temp, path)
    if durable:
        fsync_dir(path.parent)


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=300)
    parser.add_argument("--dir", type=Path, default=None, help="folder to write in")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="esp-wizard-save-", dir=args.dir) as folder:
        root = Path(folder)
        with SessionStore(Workspace(root)) as store:
            session = store.create(
                questionnaire_id="bench",
                questionnaire_version="1",
                questionnaire_language="en",
                questionnaire_source='format = 1\nid = "bench"\n',
                client="Bench Ltd",
                interviewees=[Interviewee(name="Ana", role="ops")],
            )
            path = store.path_of(session)
            assert path is not None
            other = root / "bare.toml"
            saves, serialise, bare, durable = [], [], [], []
            for number in range(args.answers):
                session.answers[f"q{number:03}"] = Answer(
                    value=f"answer {number} with some words, like a real one would have",
                    note="a note: the interviewee hesitated" if number % 3 == 0 else "",
                    quote='"we upload a CSV every Monday"' if number % 5 == 0 else "",
                )
                start = time.perf_counter()
                store.save(session)
                saves.append(time.perf_counter() - start)
                start = time.perf_counter()
                data = session.to_toml().encode("utf-8")  # a cold render, no cache
                serialise.append(time.perf_counter() - start)
                start = time.perf_counter()
                bare_write(other, data, durable=False)
                bare.append(time.perf_counter() - start)
                start = time.perf_counter()
                bare_write(other, data, durable=True)
                durable.append(time.perf_counter() - start)
            size = path.stat().st_size

    def row(name: str, values: list[float]) -> str:
        p50, p95 = percentile(values, 0.5) * 1000, percentile(values, 0.95) * 1000
        return (
            f"{name:<34} p50 {p50:8.3f} ms   p95 {p95:8.3f} ms   max {max(values) * 1000:8.3f} ms"
        )

    print(f"answers: {args.answers}, final file: {size / 1024:.1f} KiB, folder: {folder}")
    print(row("SessionStore.save", saves))
    print(row("  a cold render of all answers", serialise))
    print(row("bare temp write + rename", bare))
    print(row("bare + fsync file and folder", durable))
    last = slice(-50, None)
    print(row("SessionStore.save, last 50", saves[last]))
    ratio = statistics.median(saves) / statistics.median(bare)
    ratio_durable = statistics.median(saves) / statistics.median(durable)
    p95 = percentile(saves, 0.95)
    print(f"ratio save / bare (p50):    {ratio:.1f}x")
    print(f"ratio save / durable (p50): {ratio_durable:.2f}x")
    print(f"ratio save / bare (p95):    {p95 / percentile(bare, 0.95):.1f}x   (target <= 3x)")
    print(f"ratio save / durable (p95): {p95 / percentile(durable, 0.95):.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
