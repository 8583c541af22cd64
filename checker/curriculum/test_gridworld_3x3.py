"""Hidden tests for gridworld_3x3: the (P, R) arrays of the 3x3 gridworld.

Failures name the transitions that differ ("P[3, 2] (left from S3): expected S3, got S2")
and, when the pattern is a known slip, say which one.
"""

import numpy as np

from checker.api import CheckFailed
from checker.curriculum.checks import build_picture, function, is_close, show, to_array
from checker.curriculum.pictures import gridworld_model_picture
from checker.curriculum.ref_gridworld import ACTIONS, N_STATES, TERMINAL, gridworld_model, next_state

MOVES = [(s, a) for s in range(N_STATES) if s != TERMINAL for a in range(4) if next_state(s, ACTIONS[a]) != s]
WALL_BUMPS = [(s, a) for s in range(N_STATES) if s != TERMINAL for a in range(4) if next_state(s, ACTIONS[a]) == s]
NON_TERMINAL = [(s, a) for s in range(N_STATES) if s != TERMINAL for a in range(4)]
SHOWN = 3  # differences listed per failure


def _learner_model(learner) -> tuple[np.ndarray, np.ndarray]:
    result = function(learner, "gridworld_3x3")()
    if not isinstance(result, (tuple, list)) or len(result) != 2:
        got = f"an array of shape {result.shape}" if isinstance(result, np.ndarray) else show(result)
        raise CheckFailed(f"gridworld_3x3() should return the tuple (P, R); it returned {got}.")
    P = to_array(result[0], what="gridworld_3x3() [its P]")
    R = to_array(result[1], what="gridworld_3x3() [its R]")
    if P.shape != (9, 4, 9):
        hint = " That looks like P[s, s', a]; index it as P[s, a, s']." if P.shape == (9, 9, 4) else ""
        raise CheckFailed(f"gridworld_3x3(): P should have shape (9, 4, 9) (P[s, a, s']); it has shape {P.shape}.{hint}")
    if R.shape != (9, 4):
        hint = " R is per (state, action): R[s, a]." if R.shape == (9,) else ""
        raise CheckFailed(f"gridworld_3x3(): R should have shape (9, 4) (R[s, a]); it has shape {R.shape}.{hint}")
    return P, R


def _where(row: np.ndarray) -> str:
    hits = [(t, p) for t, p in enumerate(row.tolist()) if p != 0.0]
    if not hits:
        return "nowhere (an all-zero row)"
    if len(hits) == 1 and hits[0][1] == 1.0:
        return f"S{hits[0][0]}"
    return ", ".join(f"S{t} with probability {p:g}" for t, p in hits)


def _action_order(P: np.ndarray) -> str | None:
    """A diagnosis when the learner's actions are a permutation of up, down, left, right."""
    P_ref, _ = gridworld_model()
    order = []
    for a in range(4):
        same = [b for b in range(4) if is_close(P[:TERMINAL, a], P_ref[:TERMINAL, b])]
        if len(same) != 1:
            return None
        order.append(same[0])
    if order == [0, 1, 2, 3] or sorted(order) != [0, 1, 2, 3]:
        return None
    moves = ", ".join(f"{a} = {ACTIONS[b]}" for a, b in enumerate(order))
    return (f"actions in the wrong order: your indices move as {moves}. "
            "The exercise fixes 0 = up, 1 = down, 2 = left, 3 = right.")


def _fail(header: str, lines: list[str], matching: int, what: str, diagnosis: str | None, model: tuple) -> None:
    shown = lines[:SHOWN]
    if len(lines) > SHOWN:
        more = len(lines) - SHOWN
        shown.append(f"  ({more} more {'differs' if more == 1 else 'differ'})")
    if matching:
        shown.append(f"  all other {matching} {what} match")
    raise CheckFailed("\n".join([header, *shown] + ([f"  This looks like {diagnosis}"] if diagnosis else [])),
                      picture=build_picture(lambda: gridworld_model_picture(model)))


def _header(bad: int, total: int, noun: str) -> str:
    return f"gridworld_3x3(): {bad} of {total} {noun}s {'is' if bad == 1 else 'are'} wrong:"


def _check_transitions(P: np.ndarray, R: np.ndarray, pairs: list, diagnose) -> None:
    P_ref, _ = gridworld_model()
    bad = [(s, a) for s, a in pairs if not is_close(P[s, a], P_ref[s, a])]
    if not bad:
        return
    lines = [f"  P[{s}, {a}] ({ACTIONS[a]} from S{s}): expected {_where(P_ref[s, a])}"
             f"{' (the wall bounces you back)' if next_state(s, ACTIONS[a]) == s and s != TERMINAL else ''}"
             f", got {_where(P[s, a])}" for s, a in bad]
    _fail(_header(len(bad), len(pairs), "transition"), lines,
          len(pairs) - len(bad), "transitions", diagnose(P, bad), (P, R))


def _check_rewards(P: np.ndarray, R: np.ndarray, pairs: list, diagnose) -> None:
    _, R_ref = gridworld_model()
    bad = [(s, a) for s, a in pairs if not is_close(R[s, a], R_ref[s, a])]
    if not bad:
        return
    lines = [f"  R[{s}, {a}] ({ACTIONS[a]} from S{s}): expected {R_ref[s, a]:g}, got {R[s, a]:g}" for s, a in bad]
    _fail(_header(len(bad), len(pairs), "reward"), lines,
          len(pairs) - len(bad), "rewards", diagnose(P, R, bad), (P, R))


def _moves_diagnosis(P: np.ndarray, bad: list) -> str | None:
    return _action_order(P)


def _walls_diagnosis(P: np.ndarray, bad: list) -> str | None:
    order = _action_order(P)
    if order:
        return order
    if all(P[s, a].sum() == 0.0 for s, a in bad):
        return ("moves that leave the grid: nothing is written for a move into a wall, so the agent "
                "vanishes. A move into a wall keeps you in place: P[s, a, s] = 1.")
    return ("moves into a wall that wrap around or jump to another cell (e.g. left from S3 to S2). "
            "Work with row and column, and stay in place when the move would leave the grid.")


def _terminal_diagnosis(P: np.ndarray, bad: list) -> str:
    if all(P[TERMINAL, a, TERMINAL] == 1.0 for _, a in bad):
        return ("S8 made absorbing (P[8, a, 8] = 1). Here S8 is terminal: the episode ends, "
                "so S8 has no transitions at all and its rows are all zero.")
    return "S8 treated as an ordinary cell. It is terminal: P[8, a, :] = 0 for every action a."


def _rewards_diagnosis(P: np.ndarray, R: np.ndarray, bad: list) -> str | None:
    order = _action_order(P)
    if order:
        return order
    if np.all(R[:TERMINAL] == 0.0):
        return "a model without its reward: the move into S8 pays +1 (R[5, 1] = R[7, 3] = 1)."
    if np.all(R[5] == 1.0) or np.all(R[7] == 1.0):
        return ("a reward for being next to S8. Only the move that enters S8 pays +1; the other moves "
                "from S5 and S7 (including bumping into the wall) pay 0.")
    if np.array_equal(R[:TERMINAL], P[:TERMINAL, :, TERMINAL]):
        return ("rewards that follow your own transitions, which are wrong: fix P first "
                "(see the transition checks); the +1 goes exactly to the moves that enter S8.")
    return None


def test_returns_p_and_r_with_the_right_shapes(learner):
    """returns (P, R) with the right shapes"""
    _learner_model(learner)


def test_moves_inside_the_grid(learner):
    """moves inside the grid"""
    _check_transitions(*_learner_model(learner), MOVES, _moves_diagnosis)


def test_walls_bounce_back(learner):
    """walls bounce back"""
    _check_transitions(*_learner_model(learner), WALL_BUMPS, _walls_diagnosis)


def test_s8_is_terminal(learner):
    """S8 is terminal"""
    _check_transitions(*_learner_model(learner), [(TERMINAL, a) for a in range(4)], _terminal_diagnosis)


def test_reward_only_for_entering_s8(learner):
    """a reward only for entering S8"""
    P, R = _learner_model(learner)
    _check_rewards(P, R, NON_TERMINAL, _rewards_diagnosis)


def test_no_reward_for_leaving_s8(learner):
    """no reward for leaving S8"""
    P, R = _learner_model(learner)
    _check_rewards(P, R, [(TERMINAL, a) for a in range(4)],
                   lambda P, R, bad: "a reward on leaving S8. S8 is terminal: there is no move out of it, "
                                     "so R[8, a] = 0 for every action.")
