"""Hidden tests for SEVEN."""

from checker.api import CheckFailed, NotStarted


def test_seven(learner):
    """SEVEN, three plus four"""
    value = learner.SEVEN
    if value is Ellipsis:
        raise NotStarted("`SEVEN` is still `...`")
    if value != 7:
        raise CheckFailed(f"`SEVEN` = {value!r} is not right.")
