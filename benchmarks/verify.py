"""Wall time of `rlcheck verify` over the whole curriculum, against cold pytest per exercise.

    python benchmarks/verify.py [--repeat 3]

The baseline runs each exercise's hidden tests in its own fresh `python -m pytest` process,
one after another (plugin autoloading left as installed), the way a plain pytest setup would.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from checker.catalog import load_course  # noqa: E402


def rlcheck() -> list[str]:
    script = Path(sys.executable).parent / "rlcheck"
    return [str(script)] if script.exists() else [sys.executable, "-m", "checker"]


def time_verify() -> float:
    start = time.monotonic()
    proc = subprocess.run([*rlcheck(), "verify", "--exercises-dir", str(REPO / "solutions")],
                          cwd=REPO, capture_output=True, text=True)
    elapsed = time.monotonic() - start
    if proc.returncode != 0:
        raise SystemExit(f"verify failed:\n{proc.stdout}\n{proc.stderr}")
    return elapsed


def time_cold_pytest() -> tuple[float, int]:
    course = load_course()
    start = time.monotonic()
    failures = 0
    for exercise in course.exercises:
        proc = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(course.test_file(exercise)),
             "-p", "checker.pytest_plugin", "--learner", str(REPO / "solutions" / exercise.path)],
            cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        failures += proc.returncode != 0
    return time.monotonic() - start, failures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs of rlcheck verify (median reported)")
    args = parser.parse_args()
    count = len(load_course().exercises)
    verify = statistics.median(time_verify() for _ in range(max(args.repeat, 1)))
    cold, failures = time_cold_pytest()
    print(f"whole curriculum: {count} exercises (solutions)")
    print(f"rlcheck verify --exercises-dir solutions   {verify:7.2f} s (median of {args.repeat})")
    print(f"cold python -m pytest per exercise         {cold:7.2f} s ({failures} failed)")
    print(f"ratio: verify is {cold / verify:.1f}x faster")


if __name__ == "__main__":
    main()
