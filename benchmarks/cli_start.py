"""Start-up cost of the commands a learner types, in an `rlcheck init` workspace.

    python benchmarks/cli_start.py [--repeat 20]

Each command runs `--repeat` times as a fresh process (the way a learner's shell runs it); the
figures are the median wall time and the mean CPU time (user + system) per run. Commands that
check nothing (`list`, `hint`, `--help`) measure what every command pays before its own work:
the interpreter, typer and rich, and the option parsing. Also printed: the typer version and
whether pydantic was imported (typer 0.29 coerces every option through it).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

COMMANDS = (["--help"], ["list"], ["hint"], ["verify", "--help"], ["reset", "bellman_values", "--yes"])


def rlcheck() -> list[str]:
    found = shutil.which("rlcheck", path=str(Path(sys.executable).parent))
    return [found] if found else [sys.executable, "-m", "checker"]


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def measure(command: list[str], cwd: Path, repeat: int) -> tuple[float, float]:
    walls = []
    before = children_cpu()
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       stdin=subprocess.DEVNULL, check=False)
        walls.append(time.perf_counter() - start)
    return statistics.median(walls), (children_cpu() - before) / repeat


def typer_facts(workspace: Path) -> str:
    probe = ("import atexit, sys, typer\n"
             "atexit.register(lambda: sys.stderr.write(f'@{typer.__version__} {\"pydantic\" in sys.modules}'))\n"
             "from checker.cli import cli\n"
             "cli(['list'], prog_name='rlcheck')\n")
    ran = subprocess.run([sys.executable, "-c", probe], cwd=workspace, capture_output=True, text=True)
    version, pydantic = ran.stderr.rsplit("@", 1)[1].split()
    return f"typer {version}; pydantic imported by `rlcheck list`: {pydantic}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=20, help="runs of each command (default 20)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="rlcheck-bench-") as scratch:
        workspace = Path(scratch) / "ws"
        subprocess.run([*rlcheck(), "init", str(workspace)], check=True, capture_output=True,
                       env={**os.environ, "GITHUB_ACTIONS": ""})
        print(typer_facts(workspace))
        print(f"{'command':<32} {'median wall':>12} {'mean CPU':>10}")
        for command in COMMANDS:
            wall, cpu = measure([*rlcheck(), *command], workspace, args.repeat)
            print(f"{'rlcheck ' + ' '.join(command):<32} {wall * 1000:>9.0f} ms {cpu * 1000:>7.0f} ms")


if __name__ == "__main__":
    main()
