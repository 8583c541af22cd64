"""Run hidden tests with plain pytest, outside rlcheck's isolation.

    python -m pytest checker/curriculum/test_gae.py -p checker.pytest_plugin --learner solutions/07_advantage/gae.py

For course authors debugging a hidden test (pdb, -x, -k work as usual), and for the
benchmarks' pytest-per-save baseline. Learners should use ``rlcheck``: this runs their code
in the pytest process itself, with none of the runner's protections.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.api import LearnerModule
from checker.child import load_learner, read_source


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--learner", metavar="FILE", help="the learner's file the hidden tests should check")


@pytest.fixture(scope="session")
def learner(request: pytest.FixtureRequest) -> LearnerModule:
    option = request.config.getoption("--learner")
    if not option:
        pytest.fail("pass --learner FILE: the exercise file to check", pytrace=False)
    path = Path(option).resolve()
    source, problem = read_source(path)
    module, load = load_learner(path, source) if source is not None else (None, problem)
    if module is None or load["status"] != "ok":
        pytest.fail(f"{path.name}: {load['status']}: {load.get('message', '')}", pytrace=False)
    return LearnerModule(module)
