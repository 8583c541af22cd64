"""Save-to-verdict latency of `rlcheck watch`, against a pytest-per-save watcher.

    python benchmarks/latency.py [--saves 40]

In a temporary workspace, starts `rlcheck watch` in a pseudo-terminal and saves a real
exercise file many times, alternating a failing and a passing version; each figure is the
time from the write to the verdict appearing on screen. In the same run, the same saves are
checked the way a pytest watcher does it: a fresh `python -m pytest` on the hidden test per
save. Also: the time from starting watch to its first verdict, watch mode's resident memory (all
its processes) and its CPU use while idle.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pexpect

REPO = Path(__file__).resolve().parents[1]
EXERCISE = "01_bellman/bellman_iteration.py"
TEST_FILE = REPO / "checker" / "curriculum" / "test_bellman_iteration.py"
WRONG = (
    "import numpy as np\n\n\n"
    "def bellman_iteration(V, R, P, gamma):\n"
    "    return np.asarray(R, float) + np.asarray(P, float) @ np.asarray(V, float)  # no gamma: save {n}\n"
)
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)")


def rlcheck() -> list[str]:
    script = Path(sys.executable).parent / "rlcheck"
    return [str(script)] if script.exists() else [sys.executable, "-m", "checker"]


def versions(n: int) -> list[tuple[str, str]]:
    """(content, text that marks its verdict on screen), alternating fail and pass; each unique."""
    right = (REPO / "solutions" / EXERCISE).read_text()
    out = []
    for i in range(n):
        if i % 2 == 0:
            out.append((WRONG.format(n=i), "without gamma"))
        else:
            out.append((right + f"\n# save {i}\n", "bellman_iteration passed"))
    return out


def percentiles(samples: list[float]) -> tuple[float, float, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return statistics.median(ordered), p95, ordered[-1]


class Screen:
    def __init__(self, child: pexpect.spawn) -> None:
        self.child = child
        self.buffer = ""

    def wait_for(self, needle: str, timeout: float = 30.0) -> float:
        """Return the monotonic time at which ``needle`` first showed in new output."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                self.buffer += self.child.read_nonblocking(1 << 16, timeout=0.5)
            except pexpect.TIMEOUT:
                continue
            if needle in ANSI.sub("", self.buffer):
                seen = time.monotonic()
                self.buffer = ""
                return seen
        raise TimeoutError(f"{needle!r} did not appear")

    def drain(self) -> None:
        try:
            while True:
                self.child.read_nonblocking(1 << 16, timeout=0.05)
        except pexpect.TIMEOUT:
            self.buffer = ""


def process_tree(pid: int) -> list[int]:
    pids, todo = [], [pid]
    while todo:
        current = todo.pop()
        pids.append(current)
        for task in Path(f"/proc/{current}/task").glob("*/children"):
            todo += [int(c) for c in task.read_text().split()]
    return pids


def rss_mb(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1])
    return total / 1024


def cpu_seconds(pids: list[int]) -> float:
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / ticks


def measure_watch(workspace: Path, saves: list[tuple[str, str]]) -> tuple[list[float], float, float, float]:
    target = workspace / "exercises" / EXERCISE
    env = dict(os.environ, TERM="xterm-256color")
    env.pop("COLUMNS", None)
    command = rlcheck()
    launched = time.monotonic()
    child = pexpect.spawn(command[0], [*command[1:], "watch"], cwd=str(workspace), env=env,
                          encoding="utf-8", codec_errors="replace", dimensions=(50, 120))
    screen = Screen(child)
    try:
        startup = screen.wait_for("not started") - launched
        screen.drain()
        samples = []
        for content, needle in saves:
            start = time.monotonic()
            target.write_text(content)
            samples.append(screen.wait_for(needle) - start)
            time.sleep(0.05)
            screen.drain()
        time.sleep(1.0)
        pids = process_tree(child.pid)
        memory = rss_mb(pids)
        before = cpu_seconds(pids)
        time.sleep(10.0)
        idle_cpu = cpu_seconds(process_tree(child.pid)) - before
        child.send("q")
        child.expect(pexpect.EOF, timeout=10)
        return samples, memory, idle_cpu, startup
    finally:
        if child.isalive():
            child.terminate(force=True)


def measure_pytest(workspace: Path, saves: list[tuple[str, str]], autoload: bool) -> list[float]:
    target = workspace / "exercises" / EXERCISE
    env = dict(os.environ)
    if not autoload:
        env["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"
    samples = []
    for content, _ in saves:
        start = time.monotonic()
        target.write_text(content)
        subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-o", "addopts=", "-p", "no:cacheprovider", str(TEST_FILE),
             "-p", "checker.pytest_plugin", "--learner", str(target)],
            cwd=workspace, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        samples.append(time.monotonic() - start)
    return samples


def row(name: str, samples: list[float]) -> str:
    p50, p95, worst = percentiles(samples)
    return f"{name:<34} {p50 * 1000:8.1f} {p95 * 1000:8.1f} {worst * 1000:8.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--saves", type=int, default=40, help="saves per method (at least 30)")
    args = parser.parse_args()
    saves = versions(max(args.saves, 30))
    with tempfile.TemporaryDirectory(prefix="rlcheck-bench-") as tmp:
        workspace = Path(tmp)
        shutil.copytree(REPO / "exercises", workspace / "exercises")
        watch, memory, idle_cpu, startup = measure_watch(workspace, saves)
        baseline = measure_pytest(workspace, saves, autoload=True)
        bare = measure_pytest(workspace, saves, autoload=False)
    print(f"save-to-verdict latency over {len(saves)} saves (alternating fail/pass), milliseconds")
    print(f"{'method':<34} {'p50':>8} {'p95':>8} {'max':>8}")
    print(row("rlcheck watch", watch))
    print(row("python -m pytest per save", baseline))
    print(row("  same, plugin autoload off", bare))
    ratio = statistics.median(baseline) / statistics.median(watch)
    ratio_bare = statistics.median(bare) / statistics.median(watch)
    print(f"p50 ratio: watch is {ratio:.1f}x faster than pytest per save ({ratio_bare:.1f}x with autoload off)")
    print(f"watch start to the first verdict on screen: {startup * 1000:.0f} ms")
    print(f"watch resident memory, all processes: {memory:.1f} MB")
    print(f"watch CPU while idle for 10 s: {idle_cpu:.3f} s ({idle_cpu / 10 * 100:.2f}% of one core)")


if __name__ == "__main__":
    main()
