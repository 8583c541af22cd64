"""Hidden tests for square(x)."""

from checker.api import CheckFailed


def test_squares(learner):
    """square of 0 to 9"""
    for x in range(10):
        got = learner.square(x)
        if got != x * x:
            raise CheckFailed(f"square({x}) returned {got!r}; expected {x * x}.")
