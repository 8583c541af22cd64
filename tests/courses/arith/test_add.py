"""Hidden tests for add(a, b)."""

import pytest

from checker.api import CheckFailed


@pytest.mark.parametrize("a, b", [(2, 3), (-1, 1), (0.5, 0.25)])
def test_adds(learner, a, b):
    """add({a}, {b})"""
    got = learner.add(a, b)
    if got != a + b:
        raise CheckFailed(f"add({a}, {b}) returned {got!r}; expected {a + b!r}.")
