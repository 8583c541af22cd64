"""Hidden tests for td_residual_values: delta_0 and delta_4 of the section's trajectory."""

from checker.curriculum.checks import Mistake, expect_answer
from checker.curriculum.ref_returns import ADV_GAMMA, ADV_NEXT_VALUES, ADV_REWARDS, ADV_VALUES


def _delta(t: int, gamma: float = ADV_GAMMA) -> float:
    return ADV_REWARDS[t] + gamma * ADV_NEXT_VALUES[t] - ADV_VALUES[t]


def _mistakes(t: int) -> list[Mistake]:
    r, v, nv = ADV_REWARDS[t], ADV_VALUES[t], ADV_NEXT_VALUES[t]
    return [
        Mistake("the sign flipped (V(s_t) - r_t - gamma V(s_{t+1})): delta is what happened minus "
                "what was expected.", -_delta(t)),
        Mistake("a residual without gamma: the next state's value is discounted by gamma.", _delta(t, 1.0)),
        Mistake("V(s_t) used as the next state's value: take V(s_{t+1}) from the last column.",
                r + ADV_GAMMA * v - v),
        Mistake("r_t + gamma V(s_{t+1}) without subtracting V(s_t): that is the one-step target, "
                "the residual subtracts the prediction.", r + ADV_GAMMA * nv),
    ]


def test_td_residual_at_step_0(learner):
    expect_answer(learner, "DELTA_0", _delta(0), decimals=3, mistakes=_mistakes(0))


def test_td_residual_at_last_step(learner):
    expect_answer(learner, "DELTA_4", _delta(4), decimals=3, mistakes=_mistakes(4))
