"""Hidden test for capstone_episode_count: episodes in 5M steps of 100-step episodes."""

from checker.curriculum.checks import Answer, Mistake, check_answer

TOTAL, LENGTH, FAILURE = 5_000_000, 100, 0.8


def _episodes() -> int:
    # Whole episodes by repeated subtraction, independent of // in a solution.
    count, left = 0, TOTAL
    while left >= LENGTH:
        count, left = count + 1, left - LENGTH
    return count


def _answer() -> Answer:
    exact = _episodes()
    slips = [
        Mistake("the failure rate applied to the count: failed episodes still last 100 steps, "
                "so they count like any other.", round(TOTAL * FAILURE) // LENGTH),
        Mistake("only the successful episodes counted; every episode, failed or not, uses 100 steps.",
                round(TOTAL * (1 - FAILURE)) // LENGTH),
        Mistake("steps times episode length: divide the steps by the episode length.", TOTAL * LENGTH),
        Mistake("a zero too many or too few: 5,000,000 / 100 has four zeros fewer than 5,000,000.", 10 * exact),
        Mistake("a zero too many or too few: 5,000,000 / 100 has four zeros fewer than 5,000,000.", exact / 10),
    ]
    return Answer(exact, decimals=None, slips=slips)


ANSWERS = {"EPISODES": _answer()}


def test_episodes_in_budget(learner):
    """EPISODES, the episodes in 5M steps"""
    check_answer(learner, "EPISODES", ANSWERS["EPISODES"])
