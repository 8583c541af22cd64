"""rlcheck as a learner without a clone has it: a wheel installed into a fresh environment."""

from __future__ import annotations

import json
import shutil
import site
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest
from junitparser import Error, Failure, JUnitXml

from conftest import REPO, built_once, quiet_env

UV = str(Path(sys.executable).parent / "uv")  # from the test extra


@pytest.fixture(scope="session")
def installed(tmp_path_factory) -> Path:
    """A virtual environment with the built wheel installed (not editable); returns its bin/.
    Built once per run, whichever xdist workers take this module's tests."""
    return built_once(tmp_path_factory, "pkg", _install_the_wheel)


def _install_the_wheel(root: Path) -> Path:
    # uv builds and installs as pip does (a PEP 517 wheel, then the wheel, compiled to bytecode as
    # pip compiles it), in a fraction of the time.
    build = subprocess.run([UV, "build", "-q", "--wheel", "--out-dir", str(root / "dist"), str(REPO)],
                           capture_output=True, text=True)
    assert build.returncode == 0, build.stderr
    wheel = next((root / "dist").glob("rlcheck-*.whl"))
    venv = root / "venv"
    subprocess.run([UV, "venv", "-q", "--python", sys.executable, str(venv)], check=True)
    # The dependencies come from this interpreter's site-packages (no network needed), but not
    # its editable rlcheck: a .pth line adds the folder without running the .pth files inside it.
    purelib = Path(next(venv.glob("lib/python*/site-packages")))
    deps = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"], *site.getsitepackages()}
    (purelib / "zz_test_dependencies.pth").write_text("\n".join(sorted(deps)) + "\n")
    pip = subprocess.run([UV, "pip", "install", "-q", "--no-deps", "--compile-bytecode",
                          "--python", str(venv / "bin" / "python"), str(wheel)], capture_output=True, text=True)
    assert pip.returncode == 0, pip.stderr
    return venv / "bin"


def run(bin_dir: Path, *args: str, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environment = quiet_env(**env)
    environment.pop("PYTHONPATH", None)
    return subprocess.run([str(bin_dir / "rlcheck"), *args], cwd=cwd, env=environment, capture_output=True,
                          text=True, stdin=subprocess.DEVNULL, timeout=300)


def installed_checker(bin_dir: Path, cwd: Path) -> Path:
    """The folder of the checker package that ``bin_dir``'s Python imports (from ``cwd``, outside the checkout)."""
    environment = quiet_env()
    environment.pop("PYTHONPATH", None)
    where = subprocess.run([str(bin_dir / "python"), "-c", "import checker; print(checker.__file__)"],
                           capture_output=True, text=True, cwd=cwd, env=environment, check=True)
    return Path(where.stdout.strip()).parent


def test_the_installed_package_is_not_the_checkout(installed, tmp_path):
    package = installed_checker(installed, tmp_path)
    assert not package.is_relative_to(REPO) and "site-packages" in package.parts


def test_init_then_verify_with_reports(installed, tmp_path, course):
    ws = tmp_path / "learner"
    made = run(installed, "init", str(ws), cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    assert not (ws / "solutions").exists()
    assert (ws / ".github" / "workflows" / "rlcheck.yml").is_file()
    assert ".rlcheck/" in (ws / ".gitignore").read_text()
    assert sorted(p.relative_to(ws / "exercises").as_posix() for p in (ws / "exercises").rglob("*.py")) == \
        sorted(e.path for e in course.exercises)
    again = run(installed, "init", str(ws), cwd=tmp_path)
    assert again.returncode == 2 and "not empty" in again.stderr

    # Four exercises, two solved: the reports from an install. (Reports of the whole course, in
    # course order: test_verify_ci.)
    picked, solved = course.exercises[:4], course.exercises[:2]
    for exercise in solved:
        shutil.copyfile(REPO / "solutions" / exercise.path, ws / "exercises" / exercise.path)
    summary = tmp_path / "summary.md"
    result = run(installed, "verify", *(e.name for e in picked), "--junit-xml", "out/report.xml",
                 "--json", "out/results.json", "--github", cwd=ws, GITHUB_STEP_SUMMARY=str(summary))
    assert result.returncode == 1, result.stdout + result.stderr

    xml = JUnitXml.fromfile(str(ws / "out" / "report.xml"))
    suites = {suite.name: list(suite) for suite in xml}
    assert list(suites) == [e.name for e in picked]
    passing = {name for name, cases in suites.items() if all(case.is_passed for case in cases)}
    assert passing == {e.name for e in solved}
    failing = [case for cases in suites.values() for case in cases if not case.is_passed]
    assert failing and all(isinstance(r, (Failure, Error)) for case in failing for r in case.result)

    data = json.loads((ws / "out" / "results.json").read_text())
    assert data["version"] == 3 and data["status"] == "fail"
    assert data["summary"]["total"] == len(picked) and data["summary"]["passed"] == 2
    statuses = {e["name"]: e["status"] for e in data["exercises"]}
    assert {n for n, s in statuses.items() if s == "passed"} == {e.name for e in solved}
    for test in data["tests"]:
        assert set(test) >= {"name", "test_code", "status", "message", "task_id"}
        assert len(test.get("output") or "") <= 500

    # Untouched stubs are counted, not annotated: the learner has started only what they solved.
    assert not [line for line in result.stdout.splitlines() if line.startswith("::error ")]
    assert f"::notice title=rlcheck::2 of {len(picked)} exercises pass, " in result.stdout
    assert "exercises pass" in summary.read_text()
    # --started-only from an install: the install-line test below.


def _snapshot_repository(tmp_path: Path) -> tuple[Path, str]:
    """A bare git repository holding this working tree as it is now (committed or not); its commit."""
    files = subprocess.run(["git", "ls-files", "-co", "--exclude-standard", "-z"], cwd=REPO, capture_output=True,
                           text=True, check=True).stdout.split("\0")
    source = tmp_path / "src"
    for name in filter(None, files):
        if (REPO / name).is_file():
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / name, source / name)
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "init.defaultBranch=main"]
    subprocess.run([*git, "init", "-q"], cwd=source, check=True)
    subprocess.run([*git, "add", "-A"], cwd=source, check=True)
    subprocess.run([*git, "commit", "-qm", "snapshot"], cwd=source, check=True)
    commit = subprocess.run(["git", "rev-parse", "HEAD"], cwd=source, capture_output=True, text=True,
                            check=True).stdout.strip()
    bare = tmp_path / "course.git"
    subprocess.run(["git", "clone", "-q", "--bare", str(source), str(bare)], check=True)
    return bare, commit


def _venv(path: Path, with_test_dependencies: bool, with_pip: bool) -> Path:
    # with_pip, as setup-python's does: a current pip in the environment (the pip that venv bundles
    # rejects git+file:/// URLs); the generated install line runs that pip.
    subprocess.run([UV, "venv", "-q", *(["--seed"] if with_pip else []), "--python", sys.executable, str(path)],
                   check=True, capture_output=True, timeout=300)
    if with_test_dependencies:  # this interpreter's packages, without its editable rlcheck (see `installed`)
        purelib = Path(next(path.glob("lib/python*/site-packages")))
        deps = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"], *site.getsitepackages()}
        (purelib / "zz_test_dependencies.pth").write_text("\n".join(sorted(deps)) + "\n")
    return path / "bin"


def test_the_install_line_init_writes_installs_rlcheck_in_a_fresh_environment(tmp_path):
    bare, commit = _snapshot_repository(tmp_path)
    requirement = f"rlcheck @ git+file://{bare}@{commit}"
    learner_bin = _venv(tmp_path / "learner-venv", with_test_dependencies=True, with_pip=False)
    # The learner installs with uv (pip's run is below, where CI runs the line): any PEP 610
    # installer records where rlcheck came from, and init reads only that record.
    installed = subprocess.run([UV, "pip", "install", "-q", "--no-deps", "--python", str(learner_bin / "python"),
                                requirement], capture_output=True, text=True, timeout=600)
    assert installed.returncode == 0, installed.stderr
    made = run(learner_bin, "init", "ws", cwd=tmp_path)
    assert made.returncode == 0 and "warning" not in made.stderr, made.stdout + made.stderr
    workflow = (tmp_path / "ws" / ".github" / "workflows" / "rlcheck.yml").read_text()
    install = workflow.split("- name: Install rlcheck\n        run: |\n")[1].split("\n      - ")[0]
    assert install.strip() == f"python -m pip install '{requirement}'"

    # The line as CI runs it: a fresh environment, nothing preinstalled, dependencies from the index.
    ci_bin = _venv(tmp_path / "ci-venv", with_test_dependencies=False, with_pip=True)
    environment = quiet_env(PATH=f"{ci_bin}:/usr/bin:/bin")
    environment.pop("PYTHONPATH", None)
    ran = subprocess.run(["bash", "-ec", install], cwd=tmp_path / "ws", env=environment, capture_output=True,
                         text=True, timeout=900)
    assert ran.returncode == 0, ran.stdout[-3000:] + ran.stderr[-3000:]
    first = next(p for p in sorted((tmp_path / "ws" / "exercises").rglob("*.py")))
    verified = run(ci_bin, "verify", "--started-only", cwd=tmp_path / "ws")
    assert verified.returncode == 0, verified.stdout[-2000:] + verified.stderr
    assert installed_checker(ci_bin, tmp_path).is_relative_to(tmp_path / "ci-venv") and first.is_file()


def test_run_reveals_the_solution_in_an_init_workspace(installed, tmp_path, course):
    ws = tmp_path / "learner"
    assert run(installed, "init", str(ws), cwd=tmp_path).returncode == 0
    first = course.exercises[0]
    shutil.copyfile(REPO / "solutions" / first.path, ws / "exercises" / first.path)
    assert run(installed, "run", first.name, cwd=ws).returncode == 0
    assert (ws / "solutions" / first.path).read_bytes() == (REPO / "solutions" / first.path).read_bytes()
    shown = run(installed, "solution", first.name, cwd=ws)
    assert shown.returncode == 0 and "Reference solution" in shown.stdout


def test_reset_works_from_the_package(installed, tmp_path, course):
    ws = tmp_path / "learner"
    assert run(installed, "init", str(ws), cwd=tmp_path).returncode == 0
    target = ws / "exercises" / course.exercises[3].path
    target.write_text("broken")
    assert run(installed, "reset", course.exercises[3].name, "--yes", cwd=ws).returncode == 0
    assert target.read_bytes() == (REPO / "exercises" / course.exercises[3].path).read_bytes()


def _tree(root: Path) -> dict[str, bytes]:
    assert root.is_dir(), root
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and "__pycache__" not in p.parts}


def test_the_package_carries_the_whole_course(installed, tmp_path):
    """Stubs, solutions, manifest and hidden tests installed byte for byte as in the checkout,
    where test_curriculum proves every solution passes and every stub is not started: so they do
    from the package too (verify and dev check run the same engine from it, below and above)."""
    package = installed_checker(installed, tmp_path)
    assert "site-packages" in package.parts
    assert _tree(package / "_course" / "exercises") == _tree(REPO / "exercises")
    assert _tree(package / "_course" / "solutions") == _tree(REPO / "solutions")
    assert _tree(package / "curriculum") == _tree(REPO / "checker" / "curriculum")


def test_dev_check_from_the_package(installed, tmp_path):
    # The course author's command from a plain install, on the small second course.
    checked = run(installed, "dev", "check", cwd=tmp_path, RLCHECK_COURSE=str(REPO / "tests" / "courses" / "arith"))
    assert checked.returncode == 0, checked.stdout[-2000:]
    assert "3 exercises sound (6 checks)" in checked.stdout


def test_verify_needs_no_terminal_state_or_write_access(installed, tmp_path, course):
    ws = tmp_path / "learner"
    assert run(installed, "init", str(ws), cwd=tmp_path).returncode == 0
    shutil.rmtree(ws / ".rlcheck")
    for path in [ws, *ws.rglob("*")]:
        path.chmod(path.stat().st_mode & ~0o222)
    try:
        # Two exercises are enough: what is read or written does not grow with their number.
        result = run(installed, "verify", *(e.name for e in course.exercises[:2]), cwd=ws, CI="true")
        assert result.returncode == 1 and "2 not started yet" in result.stdout, result.stdout + result.stderr
        assert not (ws / ".rlcheck").exists()
    finally:
        for path in [ws, *ws.rglob("*")]:
            path.chmod(path.stat().st_mode | 0o200)
