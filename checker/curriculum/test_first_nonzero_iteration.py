"""Hidden tests for first_nonzero_iteration: the first sweep k with V_k(S0) != 0."""

from checker.api import CheckFailed
from checker.curriculum.checks import Mistake, answer
from checker.curriculum.ref_gridworld import GAMMA, evaluate, gridworld_model, uniform_policy


def _first_nonzero_sweep(state: int = 0, limit: int = 50) -> int:
    P, R = gridworld_model()
    for k in range(1, limit):
        if evaluate(P, R, uniform_policy(), GAMMA, k)[state] != 0.0:
            return k
    raise AssertionError("no signal reached the state")  # cannot happen on this grid


def test_first_sweep_where_s0_has_value(learner):
    got = answer(learner, "FIRST_NONZERO")
    if got != int(got):
        raise CheckFailed(f"`FIRST_NONZERO` = {got} should be a whole number of sweeps.")
    k = _first_nonzero_sweep()
    if got == k:
        return
    walk = "a random-walk length from S0: the first signal arrives along the shortest path, one move per sweep."
    mistakes = [
        Mistake("the number of sweeps after which V(S0) is still zero (V_1 to V_3); the question "
                "asks for the sweep after which it is first non-zero.", k - 1),
        Mistake("the number of states on the shortest path (S0, S1, S2, S5, S8); count the moves instead.", k + 1),
        Mistake(walk, 16),  # the workbook's "~16 steps" estimate
        Mistake(walk, 27),  # the exact expected hitting time of S8 from S0
    ]
    lines = [f"`FIRST_NONZERO` = {int(got)} is not right."]
    lines += [f"  This looks like {m.looks_like}" for m in mistakes if m.value == got][:1]
    raise CheckFailed("\n".join(lines))
