"""Same-run comparisons: A and B interleaved, pair by pair, and one ratio line per target.

A loaded machine slows both members of a pair alike, so the ratio of each pair is what
the benchmarks report: its median over the pairs, with the lowest and highest pair.
"""

from __future__ import annotations

import statistics
import subprocess
import time
from collections.abc import Callable, Sequence


def interleaved(
    a: Callable[[], float], b: Callable[[], float], pairs: int
) -> tuple[list[float], list[float]]:
    """Run A then B (B then A on odd pairs, so neither always goes first); their seconds."""
    times_a: list[float] = []
    times_b: list[float] = []
    for number in range(pairs):
        if number % 2:
            times_b.append(b())
            times_a.append(a())
        else:
            times_a.append(a())
            times_b.append(b())
    return times_a, times_b


def ratio_line(
    label: str, a: Sequence[float], b: Sequence[float], target: float | None = None
) -> str:
    """`label: 1.42x (min 1.30x, max 1.61x) target <= 1.3x, A 812 ms, B 571 ms (medians)`;
    without a target, the figure alone."""
    ratios = sorted(x / y for x, y in zip(a, b, strict=True))
    median = statistics.median(ratios)
    verdict = ";"
    if target is not None:
        verdict = f" target <= {target}x {'ok' if median <= target else 'OVER'};"
    return (
        f"{label}: {median:.2f}x (min {ratios[0]:.2f}x, max {ratios[-1]:.2f}x; "
        f"{len(ratios)} pairs){verdict} "
        f"medians {statistics.median(a) * 1000:.0f} ms vs {statistics.median(b) * 1000:.0f} ms"
    )


def run_time(command: Sequence[str], **options: object) -> float:
    """Seconds for a command to run to its end, output discarded (exit code must be 0)."""
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, **options)  # type: ignore[call-overload]
    return time.perf_counter() - start


class HostSteal:
    """How much of the processor a virtual machine's host took meanwhile (Linux's `steal`
    in /proc/stat), as a share of the time the processors were busy or stolen.

    On a shared virtual machine the host takes the processor away at random: a key press
    that loses it for 10 ms shows up in the p95, whatever the code does. A reader of the
    figures needs to know how much of that happened during the run."""

    def __init__(self) -> None:
        self.start = self._read()

    @staticmethod
    def _read() -> tuple[int, int] | None:
        """(busy or stolen, stolen) jiffies since boot; None where /proc/stat is missing."""
        try:
            with open("/proc/stat", encoding="ascii") as stat:
                fields = [int(value) for value in stat.readline().split()[1:]]
        except (OSError, ValueError):
            return None
        if len(fields) < 8:
            return None
        user, nice, system, _idle, _iowait, irq, softirq, steal = fields[:8]
        return user + nice + system + irq + softirq + steal, steal

    def line(self) -> str:
        """`host steal: 14.2% of the busy processor time during the runs (...)`."""
        end = self._read()
        if self.start is None or end is None or end[0] == self.start[0]:
            return "host steal: not known on this system"
        share = (end[1] - self.start[1]) / (end[0] - self.start[0])
        note = "quiet" if share < 0.02 else "the wall-time tails (p95) are inflated by it"
        return f"host steal: {share:.1%} of the busy processor time during the runs ({note})"
