"""Wall time of `rlcheck verify` over the whole curriculum, against cold pytest per exercise.

    python benchmarks/verify.py [--repeat 3] [--no-install]

The baseline runs each exercise's hidden tests in its own fresh `python -m pytest` process,
one after another (plugin autoloading left as installed), the way a plain pytest setup would.

It also installs rlcheck non-editably into a scratch venv (`pip install --no-deps .`, with this
environment's packages for the dependencies) and times verify of all solutions twice with it:
in a copy of the checkout (whose `checker/` folder sits in the working folder, README's CI
recipe) and in an `rlcheck init` workspace. The two should be within 1.2x: the checkout's folder
must not be imported, nor push verify onto the slow path.
"""

from __future__ import annotations

import argparse
import shutil
import site
import statistics
import subprocess
import sys
import tempfile
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
            [sys.executable, "-m", "pytest", "-q", "-o", "addopts=", "-p", "no:cacheprovider", str(course.test_file(exercise)),
             "-p", "checker.pytest_plugin", "--learner", str(REPO / "solutions" / exercise.path)],
            cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        failures += proc.returncode != 0
    return time.monotonic() - start, failures


def installed_rlcheck(root: Path) -> Path:
    """A non-editable install of this checkout in a scratch venv; returns its rlcheck script."""
    venv = root / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    paths = subprocess.run([str(python), "-c", "import site; print(site.getsitepackages()[0])"],
                           capture_output=True, text=True, check=True).stdout.strip()
    Path(paths, "deps.pth").write_text("\n".join(site.getsitepackages()) + "\n")  # numpy, pytest, ...
    subprocess.run([str(python), "-m", "pip", "install", "-q", "--no-deps", str(REPO)], check=True,
                   stdout=subprocess.DEVNULL)
    return venv / "bin" / "rlcheck"


def time_in(folder: Path, script: Path) -> float:
    start = time.monotonic()
    proc = subprocess.run([str(script), "verify"], cwd=folder, capture_output=True, text=True)
    elapsed = time.monotonic() - start
    if proc.returncode != 0 or "note:" in proc.stderr:
        raise SystemExit(f"verify in {folder} did not pass cleanly:\n{proc.stdout[-2000:]}\n{proc.stderr}")
    return elapsed


def checkout_against_workspace(repeat: int) -> tuple[float, float]:
    with tempfile.TemporaryDirectory(prefix="rlcheck-bench-") as tmp:
        root = Path(tmp)
        script = installed_rlcheck(root)
        checkout = root / "checkout"
        shutil.copytree(REPO, checkout, ignore=shutil.ignore_patterns(".venv", ".git", "__pycache__"))
        shutil.copytree(REPO / "solutions", checkout / "exercises", dirs_exist_ok=True)
        workspace = root / "workspace"
        subprocess.run([str(script), "init", str(workspace)], check=True, stdout=subprocess.DEVNULL)
        shutil.copytree(REPO / "solutions", workspace / "exercises", dirs_exist_ok=True)
        in_checkout = statistics.median(time_in(checkout, script) for _ in range(repeat))
        in_workspace = statistics.median(time_in(workspace, script) for _ in range(repeat))
    return in_checkout, in_workspace


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs of rlcheck verify (median reported)")
    parser.add_argument("--no-install", action="store_true", help="skip the checkout-against-workspace rows")
    args = parser.parse_args()
    count = len(load_course().exercises)
    verify = statistics.median(time_verify() for _ in range(max(args.repeat, 1)))
    cold, failures = time_cold_pytest()
    print(f"whole curriculum: {count} exercises (solutions)")
    print(f"rlcheck verify --exercises-dir solutions   {verify:7.2f} s (median of {args.repeat})")
    print(f"cold python -m pytest per exercise         {cold:7.2f} s ({failures} failed)")
    print(f"ratio: verify is {cold / verify:.1f}x faster")
    if not args.no_install:
        checkout, workspace = checkout_against_workspace(max(args.repeat, 1))
        print(f"after pip install . : verify in the checkout {checkout:7.2f} s, "
              f"in an init workspace {workspace:7.2f} s (ratio {checkout / workspace:.2f})")


if __name__ == "__main__":
    main()
