"""rlcheck on the lowest releases its pyproject allows (typer, rich, watchdog, numpy, pytest).

uv's ``--resolution lowest-direct`` installs the lowest allowed version of each direct
dependency and the newest of everything else (click, for one), which is what a learner gets
when another package holds theirs back. A bound that does not work fails here.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pexpect
import pytest

from conftest import REPO, built_once, quiet_env

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

DIRECT = ("typer", "rich", "watchdog", "numpy", "pytest")
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)|\x1b[()][A-Z0-9]")


def lower_bounds() -> dict[str, str]:
    """The lowest version pyproject allows for each direct dependency, on this Python."""
    from packaging.requirements import Requirement

    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    bounds = {}
    for line in project["dependencies"]:
        requirement = Requirement(line)
        if requirement.marker is not None and not requirement.marker.evaluate():
            continue
        if requirement.name in DIRECT:
            bounds[requirement.name] = next(s.version for s in requirement.specifier if s.operator == ">=")
    return bounds


@pytest.fixture(scope="session")
def lowest(tmp_path_factory) -> Path:
    """rlcheck installed with the lowest allowed versions; once per run, whichever xdist workers
    take this module's tests."""
    return built_once(tmp_path_factory, "lowest", _install_the_lowest)


def _install_the_lowest(root: Path) -> Path:
    uv = str(Path(sys.executable).parent / "uv")
    subprocess.run([uv, "venv", "-q", "--python", sys.executable, str(root / "venv")], check=True, timeout=300)
    python = str(root / "venv" / "bin" / "python")
    install = subprocess.run([uv, "pip", "install", "-q", "--compile-bytecode", "--python", python,
                              "--resolution", "lowest-direct",
                              str(REPO)], capture_output=True, text=True, timeout=900)
    assert install.returncode == 0, install.stderr[-3000:]
    return root / "venv" / "bin"


def run(bin_dir: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = quiet_env(COLUMNS="100")
    env.pop("PYTHONPATH", None)
    return subprocess.run([str(bin_dir / "rlcheck"), *args], cwd=cwd, env=env, capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, timeout=300)


def test_the_lowest_versions_are_the_ones_installed(lowest):
    listed = subprocess.run([str(lowest / "python"), "-c",
                             "import json, importlib.metadata as m; "
                             f"print(json.dumps({{n: m.version(n) for n in {list(DIRECT)!r}}}))"],
                            capture_output=True, text=True, check=True)
    versions = json.loads(listed.stdout)
    for name, bound in lower_bounds().items():
        assert versions[name].split(".")[: len(bound.split("."))] == bound.split(".") or \
            versions[name] == bound + ".0", (name, versions[name], bound)


def test_the_cli_works_on_the_lowest_versions(lowest, tmp_path, course):
    helped = run(lowest, "verify", "--help", cwd=tmp_path)
    assert helped.returncode == 0 and "--started-only" in helped.stdout
    assert not re.search(r"<bool>|<list\[|<float|\[x>=|\{name\}", helped.stdout)
    assert run(lowest, "init", "ws", "--install", "rlcheck==0.1.0", cwd=tmp_path).returncode == 0
    ws = tmp_path / "ws"
    first = course.exercises[0]
    shutil.copyfile(REPO / "solutions" / first.path, ws / "exercises" / first.path)
    ran = run(lowest, "run", first.name, cwd=ws)
    assert ran.returncode == 0, ran.stdout + ran.stderr
    assert json.loads(run(lowest, "list", "--json", cwd=ws).stdout)[0]["status"] == "passed"
    # The reports on these versions; every solution on them, below.
    some = [e.name for e in course.exercises[:3]]
    checked = run(lowest, "verify", "--started-only", "--json", "r.json", "--junit-xml", "r.xml", *some, cwd=ws)
    assert checked.returncode == 0, checked.stdout[-3000:] + checked.stderr
    solutions = run(lowest, "verify", "--exercises-dir", str(REPO / "solutions"), cwd=tmp_path)
    assert solutions.returncode == 0, solutions.stdout[-3000:] + solutions.stderr
    book = run(lowest, "gradebook", str(ws / "r.json"), cwd=tmp_path)
    assert book.returncode == 0 and "| `ws` |" not in book.stdout and "| `r` |" in book.stdout


def test_watch_sees_a_save_on_the_lowest_versions(lowest, tmp_path, course):
    assert run(lowest, "init", "ws", "--install", "rlcheck==0.1.0", cwd=tmp_path).returncode == 0
    ws = tmp_path / "ws"
    first = course.exercises[0]
    env = quiet_env(TERM="xterm-256color")
    env.pop("COLUMNS", None)
    env.pop("PYTHONPATH", None)
    child = pexpect.spawn(str(lowest / "rlcheck"), ["watch"], cwd=str(ws), env=env, encoding="utf-8",
                          codec_errors="replace", dimensions=(50, 120), timeout=60)
    try:
        child.expect("not started")
        time.sleep(0.5)
        (ws / "exercises" / first.path).write_text((REPO / "solutions" / first.path).read_text())
        seen = ""
        deadline = time.monotonic() + 60
        while f"{first.name} passed" not in ANSI.sub("", seen) and time.monotonic() < deadline:
            try:
                seen += child.read_nonblocking(65536, timeout=0.5)
            except pexpect.TIMEOUT:
                pass
        assert f"{first.name} passed" in ANSI.sub("", seen), ANSI.sub("", seen)[-2000:]
        child.send("q")
        child.expect(pexpect.EOF, timeout=20)
    finally:
        if child.isalive():
            child.terminate(force=True)
