"""Hidden tests for gae_by_hand: A_0 of the section's trajectory for lambda = 0, 1, 0.95.

The figure -6.06 that circulates for lambda = 1 is a slip: the exact value, computed here,
is -6.0792.
"""

from checker.curriculum.checks import Answer, Mistake, answer_picture, check_answer, rounding_slips
from checker.curriculum.ref_returns import (
    ADV_GAMMA, ADV_NEXT_VALUES, ADV_REWARDS, ADV_VALUES, returns_forward, td_residuals_ref,
)

EXERCISE = "gae_by_hand"  # its picture: checker.curriculum.pictures

DELTAS = td_residuals_ref(ADV_REWARDS, ADV_VALUES, ADV_NEXT_VALUES, ADV_GAMMA)
SLIPPED_MONTE_CARLO = -6.06


def _weighted(decay: float) -> float:
    # A_0 as the forward sum delta_0 + decay delta_1 + decay^2 delta_2 + ...
    return float(sum(decay**l * d for l, d in enumerate(DELTAS)))


def _slips(lam: float) -> list[Mistake]:
    found = [
        Mistake("lambda used as the decay where gamma * lambda belongs.", _weighted(lam)),
        Mistake("the plain sum of the residuals: each later delta is weighted by (gamma*lambda)^l.", _weighted(1.0)),
        Mistake("G_0 without subtracting V(s_0).", returns_forward(ADV_REWARDS, ADV_GAMMA)[0]),
        Mistake("delta_4, the last residual, rather than A_0.", DELTAS[-1]),
    ]
    if lam == 0.0:
        found.append(Mistake("A_0 for lambda = 1; with lambda = 0 every later residual gets weight 0, "
                             "so only delta_0 remains.", _weighted(ADV_GAMMA)))
    elif lam == 1.0:
        found.append(Mistake("-6.06, a slip that circulates for this sum. Weight each residual by 0.99^l "
                             "and carry four decimals: the exact value rounds differently.", SLIPPED_MONTE_CARLO))
    else:
        found.append(Mistake(f"A_0 for lambda = 1 (decay gamma alone); with lambda = {lam:g} each delta_l "
                             f"is weighted by (gamma*lambda)^l = {ADV_GAMMA * lam:g}^l.", _weighted(ADV_GAMMA)))
    return found


def _answer(lam: float, exact: float) -> Answer:
    return Answer(exact, decimals=2, slips=[*_slips(lam), *rounding_slips(exact, 2)])


ANSWERS = {
    "ADV0_LAMBDA_0": _answer(0.0, _weighted(0.0)),
    # Independent of the weighted sum: G_0 - V(s_0), since V(s_5) = 0 at the terminal state.
    "ADV0_LAMBDA_1": _answer(1.0, returns_forward(ADV_REWARDS, ADV_GAMMA)[0] - ADV_VALUES[0]),
    "ADV0_LAMBDA_095": _answer(0.95, _weighted(ADV_GAMMA * 0.95)),
}


def test_lambda_0_is_the_td_residual(learner):
    """ADV0_LAMBDA_0, A_0 at lambda 0"""
    check_answer(learner, "ADV0_LAMBDA_0", ANSWERS["ADV0_LAMBDA_0"], picture=answer_picture(learner, EXERCISE))


def test_lambda_1_is_the_monte_carlo_advantage(learner):
    """ADV0_LAMBDA_1, A_0 at lambda 1"""
    check_answer(learner, "ADV0_LAMBDA_1", ANSWERS["ADV0_LAMBDA_1"], picture=answer_picture(learner, EXERCISE))


def test_lambda_095(learner):
    """ADV0_LAMBDA_095, A_0 at lambda 0.95"""
    check_answer(learner, "ADV0_LAMBDA_095", ANSWERS["ADV0_LAMBDA_095"], picture=answer_picture(learner, EXERCISE))
