"""Hidden tests for gamma_long_game: a sparse terminal reward needs H_eff >> episode length."""

from checker.curriculum.checks import expect_choice

MOVES = 40


def _share(gamma: float) -> str:
    return f"{gamma:g}^{MOVES} = {gamma**MOVES:.3g}"


def test_sparse_terminal_reward_needs_a_long_horizon(learner):
    """gamma for a 40-move game"""
    expect_choice(
        learner, "ANSWER", "D", ("A", "B", "C", "D"),
        why_not={
            "A": f"{_share(0.5)}: the opening moves would receive essentially no credit for the result, "
                 "so the agent could not learn how to open.",
            "B": f"{_share(0.9)}: only about 1.5% of the final reward reaches the opening move. The agent "
                 "would play the endgame well and the opening at random.",
            "C": f"{_share(0.95)}: an effective horizon of 20 is shorter than the game, so the early moves "
                 "get only a small fraction of the credit.",
        },
    )
