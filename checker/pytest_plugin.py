"""Run hidden tests with plain pytest, for course authors.

    python -m pytest -o addopts= checker/curriculum/test_gae.py -p checker.pytest_plugin --learner solutions/07_advantage/gae.py

(``-o addopts=`` drops the repository's own pytest options, which run its test suite on every core.)

pdb, -x and -k work as usual on the hidden tests. The learner's file runs as it does under
rlcheck: in a confined executor, behind the same ``learner`` proxy, one executor for the file's
tests as in a check.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pytest

from checker.executors import ColdSpawner
from checker.judge import SourceProblem, read_source
from checker.learner import Learner
from checker.protocol import CheckOptions
from checker.session import ExecutorSession, SessionLimits


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--learner", metavar="FILE", help="the learner's file the hidden tests should check")


@pytest.fixture(scope="module")
def learner(request: pytest.FixtureRequest) -> Iterator[Learner]:
    option = request.config.getoption("--learner")
    if not option:
        pytest.fail("pass --learner FILE: the exercise file to check", pytrace=False)
    path = Path(option).resolve()
    try:
        source = read_source(path)
    except SourceProblem as exc:
        pytest.fail(str(exc), pytrace=False)
    limits = SessionLimits.from_options(CheckOptions())
    session = ExecutorSession(ColdSpawner(), str(path), source, limits)
    try:
        load = session.start()
        if load.status != "ok":
            pytest.fail(f"{path.name}: {load.status}: {load.message}", pytrace=False)
        yield Learner(session)
    finally:
        session.close()
