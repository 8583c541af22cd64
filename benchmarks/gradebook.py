"""Wall time of `rlcheck gradebook` over many learners' results.json files (target: 1,000 in ≤ 5 s).

    python benchmarks/gradebook.py [--learners 1000] [--repeat 3]

Each generated file is what `rlcheck verify --json` writes for a learner part-way through the
course: every exercise with its hidden tests, the failing ones with messages and output of
realistic length, so the files weigh what real ones do.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from checker.catalog import load_course  # noqa: E402
from checker.report import Entry, write_json  # noqa: E402
from checker.result import CallRecord, Result, Status, TestResult  # noqa: E402

MESSAGE = ("bellman_iteration([10., 2., 5.], [10., 2., 5.], [[0. , 0.8, 0.2], [0.1, 0. , 0.9], [0.6, 0.3, 0.1]], 0.9)\n"
           "  expected: [12.34,  6.95, 11.39]\n  got:      [11.17 ,  4.475,  8.195]")


def learner_entries(course, rng: random.Random) -> list[Entry]:
    progress = rng.randint(0, len(course.exercises))
    entries = []
    for number, exercise in enumerate(course.exercises, start=1):
        if number > progress:
            result = Result(exercise.name, "x", Status.NOT_STARTED, "Not started yet.")
        else:
            ok = rng.random() < 0.8
            tests = [TestResult(f"check {i}", "passed" if ok or i else "failed", "" if ok or i else MESSAGE,
                                test_code=f"{exercise.name}([1, 2, 3], 0.9)",
                                calls=[CallRecord("call", output="" if ok else "debug print\n" * 5)])
                     for i in range(8)]
            result = Result(exercise.name, "x", Status.PASSED if ok else Status.FAILED,
                            "All checks pass." if ok else "1 of 8 checks failed.", tests=tests, duration=0.01)
        entries.append(Entry(result, exercise.topic, f"exercises/{exercise.path}", number=number, kind=exercise.kind))
    return entries


def generate(root: Path, count: int) -> int:
    course = load_course()
    rng = random.Random(12)
    for i in range(count):
        write_json(root / f"learner{i:04d}" / "rlcheck-results.json", learner_entries(course, rng))
    return sum(p.stat().st_size for p in root.rglob("*.json"))


def rlcheck() -> list[str]:
    script = Path(sys.executable).parent / "rlcheck"
    return [str(script)] if script.exists() else [sys.executable, "-m", "checker"]


def time_gradebook(root: Path, out: Path) -> float:
    start = time.monotonic()
    proc = subprocess.run([*rlcheck(), "gradebook", str(root), "--csv", str(out / "book.csv"),
                           "--markdown", str(out / "book.md")], capture_output=True, text=True)
    elapsed = time.monotonic() - start
    if proc.returncode != 0:
        raise SystemExit(f"gradebook failed:\n{proc.stdout}\n{proc.stderr}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--learners", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "results"
        size = generate(root, args.learners)
        times = [time_gradebook(root, Path(tmp)) for _ in range(args.repeat)]
    print(f"{args.learners} results files, {size / 1e6:.1f} MB in all")
    print(f"rlcheck gradebook: median {statistics.median(times):.2f} s, best {min(times):.2f} s "
          f"over {args.repeat} runs (target: 5 s for 1,000 files)")


if __name__ == "__main__":
    main()
