"""Pictures for the RL exercises: builders that turn a check's values into picture specs.

Every builder takes the inputs a hidden test already has (the MDP, the rewards, the expected
values come from the course's reference code in ref_*.py and mdps.py) plus what the learner's
code gave (``got``, None for the reference picture), and returns a plain-data spec for the
engine's ``checker.pictures.render_picture``. Learner values are never trusted to have a shape:
whatever cannot be read as the numbers expected is left out of the picture (shown as "·").

Two ways in:
- per check: a hidden test calls a builder with the inputs of the failing call and attaches the
  spec to its failure (see the wiring notes in the report of issue 14);
- per exercise (``rlcheck show NAME``): ``picture_probe(NAME)`` says what to ask the learner's
  module for (answers to read, calls to make on the workbook's inputs), ``learner_picture(NAME,
  got)`` builds the picture from those values and ``reference_picture(NAME)`` the one without.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from typing import Any, Callable, Mapping, Sequence

import numpy as np

from checker.curriculum.mdps import CHAIN_NEXT, CHAIN_R
from checker.curriculum.ref_gridworld import ACTIONS, GAMMA, N_STATES, TERMINAL, evaluate, evaluate_sweeps, gridworld_model, \
    uniform_policy
from checker.curriculum.ref_policies import clip_gradient_ref, clip_objective_ref
from checker.curriculum.ref_returns import (
    ADV_GAMMA, ADV_NEXT_VALUES, ADV_REWARDS, ADV_VALUES, gae_forward, numerical_grad_log_pi, returns_forward,
    softmax_ref, td_residuals_ref,
)
from checker.curriculum.ref_values import exact_values, value_sweeps
from checker.pictures import (
    Band, BarGroup, BarPart, BarsPicture, CurvePicture, GridFrame, GridPicture, RefLine, Series, parse_picture,
)

Spec = dict[str, Any]
Got = Mapping[str, Any]

GRID_LABELS = (("S0", "S1", "S2"), ("S3", "S4", "S5"), ("S6", "S7", "S8 goal"))
MAX_FRAMES = 12
MAX_CURVE_SWEEPS = 2000
# Half a unit in the last decimal an answer is checked to, as checks.expect_answer accepts.
TWO_DECIMALS = 0.005 + 1e-9
THREE_DECIMALS = 0.0005 + 1e-9


# ---------------------------------------------------------------- reading the learner's values


def number(value: Any) -> float | None:
    """A learner's answer as a float, or None when it is not a number (``...``, a string, ...)."""
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
        return None
    return float(value)


def numbers(value: Any, size: int | None = None) -> list[float] | None:
    """A learner's array as floats, or None when it is not numbers (or not ``size`` of them)."""
    if value is None or isinstance(value, (str, bytes, dict, set)):
        return None
    try:
        arr = np.array(value, dtype=np.float64, copy=True, subok=False).ravel()
    except (TypeError, ValueError):
        return None
    if size is not None and arr.size != size:
        return None
    return [float(v) for v in arr.tolist()]


def _tuple(values: Sequence[float | None]) -> tuple[float | None, ...]:
    return tuple(None if v is None else float(v) for v in values)


def _padded(got: list[float] | None, n: int) -> tuple[float | None, ...] | None:
    return None if got is None else _tuple(got[:n] + [None] * (n - len(got)))


# ---------------------------------------------------------------- the 3x3 gridworld


def _grid3(values: Sequence[Any]) -> tuple[tuple[Any, ...], ...]:
    return tuple(tuple(values[3 * r + c] for c in range(3)) for r in range(3))


def policy_arrows(pi: Any) -> tuple[tuple[tuple[str, ...], ...], ...]:
    """Per gridworld cell, the moves the policy takes with the highest probability (none at the goal)."""
    pi = np.asarray(pi, dtype=float)
    moves = []
    for s in range(N_STATES):
        best = pi[s].max()
        moves.append(() if s == TERMINAL or best <= 0 else
                     tuple(ACTIONS[a] for a in range(len(ACTIONS)) if pi[s, a] >= best - 1e-9))
    return _grid3(moves)


def _sweep_numbers(count: int) -> list[int]:
    """Which sweeps to draw: all up to MAX_FRAMES, else the first few and the last ones."""
    if count <= MAX_FRAMES:
        return list(range(1, count + 1))
    head = MAX_FRAMES // 2
    return list(range(1, head + 1)) + list(range(count - (MAX_FRAMES - head) + 1, count + 1))


def gridworld_sweeps_picture(
    sweeps: int,
    got: Mapping[int, float | None] | Sequence[float] | None = None,
    *,
    got_sweep: int | None = None,
    pi: Any = None,
    gamma: float = GAMMA,
    atol: float = 1e-6,
    title: str = "",
    notes: Mapping[int, str] | None = None,
) -> Spec:
    """V of the 3x3 gridworld after each sweep of policy evaluation, one frame per sweep.

    ``got`` holds the learner's values of sweep ``got_sweep`` (default: the last): all nine,
    or a mapping state -> value for answers about single states. ``pi`` (default uniform)
    also draws the policy's arrows. ``notes`` puts a note on a sweep's frame.
    """
    P, R = gridworld_model()
    pi = uniform_policy() if pi is None else np.asarray(pi, dtype=float)
    got_sweep = sweeps if got_sweep is None else got_sweep
    if isinstance(got, Mapping):
        given = [number(got.get(s)) for s in range(N_STATES)]
    else:
        given = numbers(got, N_STATES) if got is not None else None
    uniform = bool(np.allclose(pi, pi[:, :1]))
    arrows = None if uniform else policy_arrows(pi)  # a uniform policy's arrows would say nothing
    frames = []
    shown = _sweep_numbers(sweeps) if sweeps > 0 else [0]
    values = _evaluated(P, R, pi, gamma, shown)
    for k in shown:
        V = values[k]
        frames.append(GridFrame(
            label=f"sweep {k}" if k else "V_0",
            expected=_grid3(V.tolist()),
            got=_grid3(given) if given is not None and k == got_sweep else None,
            arrows=arrows,
            note=(notes or {}).get(k, ""),
        ))
    return GridPicture(
        title=title or f"V of the 3x3 gridworld, sweep by sweep (gamma = {gamma:g})",
        rows=3, cols=3, frames=tuple(frames), cell_labels=GRID_LABELS, atol=atol, rtol=1e-6,
        caption=("policy: uniform, each move 1/4" if uniform else "arrows: the policy's most likely moves")
        + "; S8 is the goal, entering it pays +1",
    ).to_dict()


def _evaluated(P: Any, R: Any, pi: Any, gamma: float, sweeps: Sequence[int]) -> dict[int, np.ndarray]:
    """V after each of these numbers of sweeps, from one pass of the reference (so the numbers
    are the hidden tests' to the bit)."""
    values = evaluate_sweeps(P, R, pi, gamma, max(sweeps, default=0))
    return {k: values[k] for k in range(len(values))}


def _moves_cell(row: np.ndarray, reward: float) -> str:
    """Where one (state, action) leads: "S4", "S8 +1", "end" (no transitions) or "mixed"."""
    hits = [t for t, p in enumerate(row.tolist()) if p != 0.0]
    if not hits:
        where = "end"
    elif len(hits) == 1 and row[hits[0]] == 1.0:
        where = f"S{hits[0]}"
    else:
        where = "mixed"
    return where + (f" {reward:+g}" if reward != 0 else "")


def gridworld_model_picture(got: Any = None) -> Spec:
    """For each action, where every cell's move leads (and its reward): expected and the learner's."""
    P, R = gridworld_model()
    P_got = R_got = None
    if isinstance(got, (tuple, list)) and len(got) == 2:
        p, r = numbers(got[0], N_STATES * 4 * N_STATES), numbers(got[1], N_STATES * 4)
        if p is not None and r is not None:
            P_got, R_got = np.array(p).reshape(N_STATES, 4, N_STATES), np.array(r).reshape(N_STATES, 4)
    frames = []
    for a, action in enumerate(ACTIONS):
        expected = [_moves_cell(P[s, a], R[s, a]) for s in range(N_STATES)]
        learner = None if P_got is None else [_moves_cell(P_got[s, a], R_got[s, a]) for s in range(N_STATES)]
        frames.append(GridFrame(
            label=f"action {a}: {action}",
            expected=_grid3(expected),
            got=None if learner is None else _grid3(learner),
            arrows=_grid3([() if s == TERMINAL else (action,) for s in range(N_STATES)]),
        ))
    return GridPicture(
        title="gridworld_3x3: where each move leads, and its reward",
        rows=3, cols=3, frames=tuple(frames), cell_labels=GRID_LABELS,
        caption="'end': no transitions (the terminal S8); a move into a wall stays in place",
    ).to_dict()


def first_nonzero_picture(got: Any = None) -> Spec:
    """Sweeps until V(S0) first becomes non-zero, with the learner's sweep marked."""
    P, R = gridworld_model()
    first = next(k for k in range(1, 50) if evaluate(P, R, uniform_policy(), GAMMA, k)[0] != 0.0)
    answer = number(got)
    whole = answer is not None and math.isfinite(answer) and answer == int(answer)
    mine = int(answer) if whole and 1 <= answer <= MAX_FRAMES else None
    last = max(first, mine or 0)
    notes = {mine: "your answer"} if mine else {}
    return gridworld_sweeps_picture(last, notes=notes, title="V after each sweep: watch the value reach S0")


def policy_evaluation_picture(P: Any, R: Any, pi: Any, gamma: float, iterations: int, got: Any = None) -> Spec:
    """Sweeps of policy evaluation: a grid per sweep on the gridworld, bars of V per state otherwise."""
    P, R, pi = (np.asarray(x, dtype=float) for x in (P, R, pi))
    P_grid, R_grid = gridworld_model()
    if P.shape == P_grid.shape and np.array_equal(P, P_grid) and np.array_equal(R, R_grid):
        return gridworld_sweeps_picture(iterations, got, pi=pi, gamma=gamma,
                                        title=f"policy_evaluation: V after each sweep (gamma = {gamma:g})")
    expected = evaluate(P, R, pi, gamma, iterations)
    return state_bars_picture(expected, got, title=f"V after {iterations} sweeps, per state")


def state_bars_picture(expected: Sequence[float], got: Any = None, *, title: str) -> Spec:
    n = len(expected)
    return BarsPicture(title=title, groups=(BarGroup(
        label="", labels=tuple(f"S{s}" for s in range(n)), expected=_tuple(list(expected)),
        got=_padded(numbers(got, n), n)),)).to_dict()


# ---------------------------------------------------------------- value iteration on a chain


def _max_changes(history: Sequence[Sequence[float]]) -> list[float]:
    return [max(abs(a - b) for a, b in zip(new, old)) for old, new in zip(history, history[1:])]


def _matching_sweep(got: list[float] | None, iterates: Sequence[Sequence[float]]) -> int | None:
    """The first sweep whose iterate the learner's V equals, if any."""
    if got is None or not iterates or len(iterates[0]) != len(got):
        return None
    close = np.isclose(np.array(got, dtype=float)[None, :], np.array(iterates, dtype=float), rtol=1e-6, atol=1e-6)
    hits = np.flatnonzero(close.all(axis=1))
    return int(hits[0]) if hits.size else None


def _iterates(R: Any, nxt: Any, gamma: float, count: int) -> list[list[float]]:
    """V_0 .. V_count of synchronous value iteration, past the point where epsilon would stop it.

    (A learner who stopped late is found among these.) They come from value_sweeps run with a
    tiny epsilon, cut at ``count``; with gamma >= 1 it might not stop, so there are none.
    """
    if gamma >= 1:
        return []
    # The same synchronous sweeps as value_sweeps, stopped at ``count`` rather than at a tiny
    # epsilon: with gamma near 1 that would be thousands of sweeps, paid by every failing check.
    rewards, targets = [float(r) for r in np.ravel(R)], [int(t) for t in np.ravel(nxt)]
    V = [0.0] * len(rewards)
    out = [list(V)]
    for _ in range(count):
        V = [r + gamma * V[t] for r, t in zip(rewards, targets)]
        out.append(V)
        if out[-1] == out[-2]:
            break  # converged to the last bit: value_sweeps would stop here too
    return out


def value_iteration_picture(R: Any, nxt: Any, gamma: float, epsilon: float, got: Any = None) -> Spec:
    """The max change per sweep on a log scale, the epsilon line, and where the loop should stop
    (and where the learner's did, when their V equals one of the sweeps)."""
    history = value_sweeps(R, nxt, gamma, epsilon)
    stop = len(history) - 1
    learner = numbers(got, len(history[-1]))
    iterates = _iterates(R, nxt, gamma, stop + 5)  # one pass serves the search and the curve
    mine = _matching_sweep(learner, iterates)
    shown = iterates[: max(stop, mine or 0) + 1]
    if len(shown) <= stop:
        shown = history
    changes = _max_changes(shown)[:MAX_CURVE_SWEEPS]
    vlines = [RefLine(stop, f"should stop: sweep {stop}", "expected")]
    caption = ""
    if mine is not None:
        vlines.append(RefLine(mine, f"yours stopped: sweep {mine}", "got"))
    elif got is not None:
        caption = "your V equals no sweep of synchronous value iteration"
    return CurvePicture(
        title=f"value iteration: max change per sweep (gamma = {gamma:g})",
        series=(Series("max change of the sweep", tuple(range(1, len(changes) + 1)), tuple(changes)),),
        x_label="sweep", y_label="max |V_k - V_k-1|", log_y=True,
        hlines=(RefLine(epsilon, f"epsilon = {epsilon:g}"),), vlines=tuple(vlines), caption=caption,
    ).to_dict()


def iterations_needed_picture(got: Got | None = None, *, epsilon: float = 0.01) -> Spec:
    """The chain's max change per sweep for gamma 0.9 and 0.99, with the learner's counts."""
    series, vlines = [], []
    got = got or {}
    for name, gamma in (("SWEEPS_GAMMA_0_9", 0.9), ("SWEEPS_GAMMA_0_99", 0.99)):
        history = value_sweeps(CHAIN_R, CHAIN_NEXT, gamma, epsilon)
        changes = _max_changes(history)
        series.append(Series(f"gamma = {gamma:g}", tuple(range(1, len(changes) + 1)), tuple(changes)))
        vlines.append(RefLine(len(changes), f"stop, gamma {gamma:g}: sweep {len(changes)}", "expected"))
        mine = number(got.get(name))
        if mine is not None and 0 < mine < 10 * len(changes):
            vlines.append(RefLine(mine, f"yours, gamma {gamma:g}: {mine:g}", "got"))
    return CurvePicture(
        title="value iteration on the 4-state chain: max change per sweep",
        series=tuple(series), x_label="sweep", y_label="max |V_k - V_k-1|", log_y=True,
        hlines=(RefLine(epsilon, f"epsilon = {epsilon:g}"),), vlines=tuple(vlines),
    ).to_dict()


def max_change_picture(got: Any = None, *, gamma: float = 0.9, sweep: int = 4) -> Spec:
    """The chain's max change per sweep, with the expected and the learner's value at ``sweep``."""
    history = value_sweeps(CHAIN_R, CHAIN_NEXT, gamma, epsilon=1e-3)
    changes = _max_changes(history)[:12]
    series = [Series("max change", tuple(range(1, len(changes) + 1)), tuple(changes)),
              Series(f"sweep {sweep}", (float(sweep),), (changes[sweep - 1],), "expected", "points")]
    mine = number(got)
    if mine is not None:
        series.append(Series("yours", (float(sweep),), (mine,), "got", "points"))
    return CurvePicture(
        title=f"value iteration on the chain: max change per sweep (gamma = {gamma:g})",
        series=tuple(series), x_label="sweep", y_label="max |V_k - V_k-1|", log_y=True,
    ).to_dict()


def chain_sweeps_picture(got: Any = None, *, gamma: float = 0.9, sweeps: int = 4, state: int = 0) -> Spec:
    """V of the 4-state chain after each sweep, the learner's V(state) at the last one."""
    history = value_sweeps(CHAIN_R, CHAIN_NEXT, gamma, epsilon=1e-9)
    mine = number(got)
    frames = []
    for k in range(1, sweeps + 1):
        learner = [None] * len(CHAIN_R)
        learner[state] = mine
        frames.append(GridFrame(label=f"sweep {k}", expected=(tuple(history[k]),),
                                got=(tuple(learner),) if mine is not None and k == sweeps else None))
    return GridPicture(
        title=f"value iteration on the chain S0 -> S1 -> S2 -> S3 (gamma = {gamma:g})",
        rows=1, cols=len(CHAIN_R), frames=tuple(frames), cell_labels=(("S0", "S1", "S2", "S3"),),
        atol=THREE_DECIMALS, caption="only S3 pays (+1 per step, forever); the value travels one state per sweep",
    ).to_dict()


def absorbing_limit_picture(got: Any = None, *, gamma: float = 0.9, state: int = 3) -> Spec:
    """V_k(S3) over the sweeps, climbing to its limit, with the learner's answer as a line."""
    history = value_sweeps(CHAIN_R, CHAIN_NEXT, gamma, epsilon=1e-3)
    limit = float(exact_values(CHAIN_R, CHAIN_NEXT, gamma)[state])
    ys = [V[state] for V in history]
    hlines = [RefLine(limit, f"limit {limit:.4g}", "expected")]
    mine = number(got)
    if mine is not None and math.isfinite(mine):
        hlines.append(RefLine(mine, f"yours {mine:.4g}", "got"))
    return CurvePicture(
        title=f"V_k(S{state}) on the chain, sweep by sweep (gamma = {gamma:g})",
        series=(Series(f"V_k(S{state})", tuple(range(len(ys))), tuple(ys)),),
        x_label="sweep k", y_label=f"V_k(S{state})", hlines=tuple(hlines),
    ).to_dict()


# ---------------------------------------------------------------- per-step bars


def step_bars_picture(expected: Sequence[float], got: Any = None, *, title: str, prefix: str = "t=",
                      labels: Sequence[str] | None = None, atol: float = 1e-5, caption: str = "") -> Spec:
    """Bars per step (or per index) of the expected values against the learner's."""
    n = len(expected)
    labels = tuple(labels) if labels is not None else tuple(f"{prefix}{i}" for i in range(n))
    if isinstance(got, Mapping):
        learner: tuple[float | None, ...] | None = tuple(number(got.get(i)) for i in range(n))
    else:
        learner = _padded(numbers(got, n), n) if got is not None else None
    return BarsPicture(title=title, groups=(BarGroup(label="", labels=labels, expected=_tuple(list(expected)),
                                                     got=learner),),
                       atol=atol, rtol=atol, caption=caption).to_dict()


def returns_picture(rewards: Sequence[float], gamma: float, got: Any = None, *, atol: float = 1e-5) -> Spec:
    return step_bars_picture(returns_forward(rewards, gamma).tolist(), got, atol=atol,
                             title=f"returns G_t = r_t + gamma G_t+1 (gamma = {gamma:g})")


def td_residuals_picture(rewards: Any, values: Any, next_values: Any, gamma: float, dones: Any = None,
                         got: Any = None, *, atol: float = 1e-5) -> Spec:
    expected = td_residuals_ref(rewards, values, next_values, gamma, dones)
    caption = "" if dones is None else "episode ends at: " + (
        ", ".join(f"t={t}" for t, d in enumerate(np.asarray(dones, dtype=float).tolist()) if d) or "none")
    return step_bars_picture(expected.tolist(), got, atol=atol, caption=caption,
                             title=f"TD residuals delta_t = r_t + gamma V(s_t+1) - V(s_t) (gamma = {gamma:g})")


def gae_picture(rewards: Any, values: Any, last_value: float, gamma: float, lam: float, dones: Any = None,
                got: Any = None, *, atol: float = 1e-5) -> Spec:
    expected = gae_forward(rewards, values, last_value, gamma, lam, dones)
    return step_bars_picture(expected.tolist(), got, atol=atol,
                             title=f"GAE advantages A_t (gamma = {gamma:g}, lambda = {lam:g})")


def gae_by_hand_picture(got: Got | None = None) -> Spec:
    """A_0 of the section's trajectory for lambda = 0, 1 and 0.95."""
    names = (("ADV0_LAMBDA_0", 0.0), ("ADV0_LAMBDA_1", 1.0), ("ADV0_LAMBDA_095", 0.95))
    expected = [gae_forward(ADV_REWARDS, ADV_VALUES, 0.0, ADV_GAMMA, lam)[0] for _, lam in names]
    learner = None if got is None else {i: got.get(name) for i, (name, _) in enumerate(names)}
    return step_bars_picture(expected, learner, labels=[f"lambda={lam:g}" for _, lam in names], atol=TWO_DECIMALS,
                             title="A_0 for three values of lambda (gamma = 0.99)")


def reinforce_gradient_picture(theta: Any, actions: Any, returns: Any, got: Any = None) -> Spec:
    """The REINFORCE gradient per logit: sum over t of G_t (onehot(a_t) - softmax(theta))."""
    pi = softmax_ref(theta)
    expected = [sum(float(G) * ((1.0 if int(a) == j else 0.0) - pi[j]) for a, G in zip(actions, returns))
                for j in range(len(pi))]
    return step_bars_picture(expected, got, prefix="theta", title="REINFORCE gradient, per logit")


def grad_log_softmax_picture(theta: Any, action: int, got: Any = None) -> Spec:
    expected = numerical_grad_log_pi(theta, action)
    return step_bars_picture(expected.tolist(), got, prefix="theta", atol=1e-6,
                             title=f"gradient of log pi(action {action}) per logit")


def softmax_picture(logits: Any, got: Any = None) -> Spec:
    expected = softmax_ref(logits)
    return probability_bars([("", expected.tolist(), got)], title="softmax probabilities")


# ---------------------------------------------------------------- exploration


def probability_bars(groups: Sequence[tuple[str, Sequence[float], Any]], *, title: str, atol: float = 1e-6,
                     caption: str = "") -> Spec:
    """Action probabilities on a fixed 0..1 axis, one group per setting (e.g. per temperature)."""
    out = []
    for label, expected, got in groups:
        n = len(expected)
        learner = (tuple(number(got.get(a)) for a in range(n)) if isinstance(got, Mapping)
                   else _padded(numbers(got, n), n) if got is not None else None)
        out.append(BarGroup(label=label, labels=tuple(f"a{a}" for a in range(n)), expected=_tuple(list(expected)),
                            got=learner))
    return BarsPicture(title=title, groups=tuple(out), value_range=(0.0, 1.0), atol=atol, rtol=atol,
                       caption=caption).to_dict()


def epsilon_greedy_expected(Q: Any, epsilon: float) -> list[float]:
    """epsilon / n for every action, plus 1 - epsilon for the first highest Q."""
    q = [float(v) for v in np.ravel(Q)]
    greedy = q.index(max(q))
    return [epsilon / len(q) + (1.0 - epsilon) * (a == greedy) for a in range(len(q))]


def epsilon_greedy_picture(Q: Any, epsilon: float, got: Any = None, *, atol: float = 1e-6,
                           what: str = "probabilities", show_q: bool = True) -> Spec:
    """epsilon-greedy probabilities per action; ``what`` names the learner's values (e.g. frequencies)."""
    q = [float(v) for v in np.ravel(Q)]
    values = f"Q = {', '.join(f'{v:.3g}' for v in q)}; " if show_q else ""
    return probability_bars([("", epsilon_greedy_expected(q, epsilon), got)], atol=atol,
                            title=f"epsilon-greedy action {what} (epsilon = {epsilon:g})",
                            caption=f"{values}greedy: a{q.index(max(q))} (the first highest Q)")


def boltzmann_picture(Q: Any, taus: Sequence[float], got: Sequence[Any] | None = None, *,
                      atol: float = 1e-6) -> Spec:
    """Boltzmann probabilities softmax(Q / tau), one group of bars per temperature."""
    q = np.asarray(np.ravel(Q), dtype=float)
    groups = [(f"tau = {tau:g}", softmax_ref((q / tau).tolist()).tolist(), None if got is None else got[i])
              for i, tau in enumerate(taus)]
    return probability_bars(groups, atol=atol, title="Boltzmann exploration: softmax(Q / tau)",
                            caption=f"Q = {', '.join(f'{v:.3g}' for v in q.tolist())}")


def ucb_picture(Q: Any, N: Any, t: float, c: float, got: Any = None, *, atol: float = 1e-6) -> Spec:
    """UCB scores as stacked bars: Q, then the bonus c sqrt(ln t / N) (infinite for N = 0)."""
    q = [float(v) for v in np.ravel(Q)]
    n = [float(v) for v in np.ravel(N)]
    bonus = [math.inf if k == 0 else c * math.sqrt(math.log(t) / k) for k in n]
    expected = [a + b for a, b in zip(q, bonus)]
    if isinstance(got, Mapping):
        learner = tuple(number(got.get(a)) for a in range(len(q)))
    else:
        learner = _padded(numbers(got, len(q)), len(q)) if got is not None else None
    group = BarGroup(label="", labels=tuple(f"a{a} N={k:g}" for a, k in enumerate(n)), expected=_tuple(expected),
                     got=learner, parts=(BarPart("Q", tuple(q)), BarPart("bonus", tuple(bonus))))
    return BarsPicture(title=f"UCB scores Q + c sqrt(ln t / N) (t = {t:g}, c = {c:g})", groups=(group,),
                       atol=atol, rtol=atol).to_dict()


# ---------------------------------------------------------------- PPO


def _ratio_grid(ratio: Sequence[float], epsilon: float) -> list[float]:
    low = min([0.3, 1 - 2 * epsilon] + list(ratio))
    high = max([1.8, 1 + 2 * epsilon] + list(ratio))
    return [low + (high - low) * i / 200 for i in range(201)]


def _clip_curve(kind: str, ratio: Any, advantage: Any, epsilon: float, got: Any) -> Spec:
    """L_CLIP (or its derivative) divided by |A|, so every sample lies on the A > 0 or A < 0 curve."""
    ref = clip_objective_ref if kind == "objective" else clip_gradient_ref
    r = [float(v) for v in np.ravel(ratio)]
    a = [float(v) for v in np.ravel(advantage)]
    grid = _ratio_grid(r, epsilon)
    series = [Series(f"A > 0: {'L' if kind == 'objective' else 'dL/dr'} / |A|", tuple(grid),
                     tuple(ref(grid, [1.0] * len(grid), epsilon).tolist())),
              Series(f"A < 0: {'L' if kind == 'objective' else 'dL/dr'} / |A|", tuple(grid),
                     tuple(ref(grid, [-1.0] * len(grid), epsilon).tolist()))]
    used = [i for i, adv in enumerate(a) if adv != 0.0]
    expected = ref(r, a, epsilon).tolist() if r else []
    if used:
        series.append(Series("expected samples", tuple(r[i] for i in used),
                             tuple(expected[i] / abs(a[i]) for i in used), "expected", "points"))
    learner = numbers(got, len(r)) if not isinstance(got, Mapping) else [number(got.get(i)) for i in range(len(r))]
    if learner is not None:
        pts = [(r[i], learner[i] / abs(a[i])) for i in used if learner[i] is not None]
        if pts:
            series.append(Series("yours", tuple(p[0] for p in pts), tuple(p[1] for p in pts), "got", "points"))
    name = "L_CLIP(r)" if kind == "objective" else "dL_CLIP/dr"
    return CurvePicture(
        title=f"PPO: {name} for A > 0 and A < 0 (epsilon = {epsilon:g})",
        series=tuple(series), x_label="ratio r", y_label=f"{'L_CLIP' if kind == 'objective' else 'dL/dr'} / |A|",
        bands=(Band(1 - epsilon, 1 + epsilon, f"clip range [{1 - epsilon:g}, {1 + epsilon:g}]"),),
    ).to_dict()


def clip_objective_picture(ratio: Any, advantage: Any, epsilon: float, got: Any = None) -> Spec:
    return _clip_curve("objective", ratio, advantage, epsilon, got)


def clip_gradient_picture(ratio: Any, advantage: Any, epsilon: float, got: Any = None) -> Spec:
    return _clip_curve("gradient", ratio, advantage, epsilon, got)


# ---------------------------------------------------------------- per exercise: show


@dataclass(frozen=True)
class Call:
    """One call to make on the learner's module for a picture: ``key`` names its result in ``got``."""

    key: str
    function: str
    args: tuple[Any, ...]


@dataclass(frozen=True)
class Probe:
    """What to ask the learner's module for an exercise's picture: answers to read, calls to make."""

    names: tuple[str, ...] = ()
    calls: tuple[Call, ...] = ()


@dataclass(frozen=True)
class _Entry:
    probe: Probe
    build: Callable[[Got | None], Spec]
    spoils: bool  # the reference picture shows the answer: show it like a solution, after a pass


def _value(got: Got | None, key: str) -> Any:
    return None if got is None else got.get(key)


_GW_P, _GW_R = gridworld_model()
_PI = uniform_policy()
_WORKBOOK_RATIOS = ([1.3, 1.3, 0.7, 0.7, 1.8, 0.4], [0.5, -0.5, 0.5, -0.5, 1.0, -1.0], 0.2)
_CLIP_TABLE = {"L_CASE1": (1.3, 0.5), "L_CASE2": (1.3, -0.5), "L_CASE3": (0.7, 0.5), "L_CASE4": (0.7, -0.5)}
_UCB = ([3.0, 2.5, 4.0], [50, 40, 10], 100, 2.0)
_EG_Q = [1.0, 0.5, 2.0, 0.0]
_BOLTZMANN_Q, _TAUS = [3.0, 5.0, 1.0], (2.0, 0.1)
_RETURNS = ([1.0, 0.0, 1.0, 0.0, 1.0], 0.99)


def _clip_table(got: Got | None) -> Spec:
    r = [v[0] for v in _CLIP_TABLE.values()]
    a = [v[1] for v in _CLIP_TABLE.values()]
    learner = None if got is None else {i: number(got.get(name)) for i, name in enumerate(_CLIP_TABLE)}
    return clip_objective_picture(r, a, 0.2, learner)


_ENTRIES: dict[str, _Entry] = {
    "gridworld_first_sweep": _Entry(Probe(names=("V1_S7", "V1_S5")), lambda got: gridworld_sweeps_picture(
        1, None if got is None else {7: number(got.get("V1_S7")), 5: number(got.get("V1_S5"))},
        atol=TWO_DECIMALS, title="V after one sweep of the uniform policy (gamma = 0.9)"), spoils=True),
    "gridworld_second_sweep": _Entry(Probe(names=("V2_S4",)), lambda got: gridworld_sweeps_picture(
        2, None if got is None else {4: number(got.get("V2_S4"))}, atol=THREE_DECIMALS,
        title="V after two sweeps of the uniform policy (gamma = 0.9)"), spoils=True),
    "first_nonzero_iteration": _Entry(Probe(names=("FIRST_NONZERO",)),
                                      lambda got: first_nonzero_picture(_value(got, "FIRST_NONZERO")), spoils=True),
    "gridworld_3x3": _Entry(Probe(calls=(Call("model", "gridworld_3x3", ()),)),
                            lambda got: gridworld_model_picture(_value(got, "model")), spoils=True),
    "policy_evaluation": _Entry(Probe(calls=(Call("V", "policy_evaluation", (_GW_P, _GW_R, _PI, GAMMA, 4)),)),
                                lambda got: policy_evaluation_picture(_GW_P, _GW_R, _PI, GAMMA, 4,
                                                                      _value(got, "V")), spoils=False),
    "value_iteration": _Entry(Probe(calls=(Call("V", "value_iteration", (CHAIN_R, CHAIN_NEXT, 0.9, 0.01)),)),
                              lambda got: value_iteration_picture(CHAIN_R, CHAIN_NEXT, 0.9, 0.01,
                                                                  _value(got, "V")), spoils=False),
    "iterations_needed": _Entry(Probe(names=("SWEEPS_GAMMA_0_9", "SWEEPS_GAMMA_0_99")),
                                iterations_needed_picture, spoils=True),
    "max_change": _Entry(Probe(names=("MAX_CHANGE",)), lambda got: max_change_picture(_value(got, "MAX_CHANGE")),
                         spoils=True),
    "chain_v4": _Entry(Probe(names=("V4_S0",)), lambda got: chain_sweeps_picture(_value(got, "V4_S0")),
                       spoils=True),
    "absorbing_limit": _Entry(Probe(names=("V_S3_LIMIT",)),
                              lambda got: absorbing_limit_picture(_value(got, "V_S3_LIMIT")), spoils=True),
    "compute_returns": _Entry(Probe(calls=(Call("G", "compute_returns", _RETURNS),)),
                              lambda got: returns_picture(*_RETURNS, _value(got, "G")), spoils=False),
    "return_g0": _Entry(Probe(names=("G0",)), lambda got: returns_picture(
        *_RETURNS, None if got is None else {0: got.get("G0")}, atol=THREE_DECIMALS), spoils=True),
    "return_g4": _Entry(Probe(names=("G4",)), lambda got: returns_picture(
        *_RETURNS, None if got is None else {4: got.get("G4")}, atol=THREE_DECIMALS), spoils=True),
    "td_residuals": _Entry(
        Probe(calls=(Call("delta", "td_residuals", (ADV_REWARDS, ADV_VALUES, ADV_NEXT_VALUES, ADV_GAMMA)),)),
        lambda got: td_residuals_picture(ADV_REWARDS, ADV_VALUES, ADV_NEXT_VALUES, ADV_GAMMA, None,
                                         _value(got, "delta")), spoils=False),
    "td_residual_values": _Entry(Probe(names=("DELTA_0", "DELTA_4")), lambda got: td_residuals_picture(
        ADV_REWARDS, ADV_VALUES, ADV_NEXT_VALUES, ADV_GAMMA, None,
        None if got is None else {0: got.get("DELTA_0"), 4: got.get("DELTA_4")}, atol=THREE_DECIMALS), spoils=True),
    "gae": _Entry(Probe(calls=(Call("A", "gae", (ADV_REWARDS, ADV_VALUES, 0.0, ADV_GAMMA, 0.95)),)),
                  lambda got: gae_picture(ADV_REWARDS, ADV_VALUES, 0.0, ADV_GAMMA, 0.95, None, _value(got, "A")),
                  spoils=False),
    "gae_by_hand": _Entry(Probe(names=("ADV0_LAMBDA_0", "ADV0_LAMBDA_1", "ADV0_LAMBDA_095")), gae_by_hand_picture,
                          spoils=True),
    "reinforce_gradient": _Entry(
        Probe(calls=(Call("grad", "reinforce_gradient", ([2.0, 1.0], [0, 1, 0, 0, 1],
                                                          returns_forward(*_RETURNS).tolist())),)),
        lambda got: reinforce_gradient_picture([2.0, 1.0], [0, 1, 0, 0, 1], returns_forward(*_RETURNS).tolist(),
                                               _value(got, "grad")), spoils=False),
    "grad_log_softmax": _Entry(Probe(calls=(Call("grad", "grad_log_softmax", ([0.5, -1.0, 2.0], 2)),)),
                               lambda got: grad_log_softmax_picture([0.5, -1.0, 2.0], 2, _value(got, "grad")),
                               spoils=False),
    "stable_softmax": _Entry(Probe(calls=(Call("p", "softmax", ([0.5, -1.0, 2.0],)),)),
                             lambda got: softmax_picture([0.5, -1.0, 2.0], _value(got, "p")), spoils=False),
    "epsilon_greedy_probs": _Entry(Probe(calls=(Call("p", "epsilon_greedy_probs", (_EG_Q, 0.1)),)),
                                   lambda got: epsilon_greedy_picture(_EG_Q, 0.1, _value(got, "p")), spoils=False),
    "epsilon_greedy_by_hand": _Entry(Probe(names=("P_ACTION_2", "P_ACTION_0")), lambda got: epsilon_greedy_picture(
        [0.0, 0.0, 1.0, 0.0], 0.1, None if got is None else {2: got.get("P_ACTION_2"), 0: got.get("P_ACTION_0")},
        atol=THREE_DECIMALS, show_q=False), spoils=True),
    "boltzmann_probs": _Entry(
        Probe(calls=tuple(Call(f"tau={tau:g}", "boltzmann_probs", (_BOLTZMANN_Q, tau)) for tau in _TAUS)),
        lambda got: boltzmann_picture(_BOLTZMANN_Q, _TAUS,
                                      None if got is None else [got.get(f"tau={tau:g}") for tau in _TAUS]),
        spoils=False),
    "boltzmann_by_hand": _Entry(Probe(names=("PI_1", "PI_1_COLD")), lambda got: boltzmann_picture(
        _BOLTZMANN_Q, _TAUS, None if got is None else [{1: got.get("PI_1")}, {1: got.get("PI_1_COLD")}],
        atol=TWO_DECIMALS), spoils=True),
    "ucb_scores": _Entry(Probe(calls=(Call("scores", "ucb_scores", _UCB),)),
                         lambda got: ucb_picture(*_UCB, _value(got, "scores")), spoils=False),
    "ucb_by_hand": _Entry(Probe(names=("UCB_ACTION_2",)), lambda got: ucb_picture(
        *_UCB, None if got is None else {2: got.get("UCB_ACTION_2")}, atol=TWO_DECIMALS), spoils=True),
    "ppo_clip_objective": _Entry(Probe(calls=(Call("L", "ppo_clip_objective", _WORKBOOK_RATIOS),)),
                                 lambda got: clip_objective_picture(*_WORKBOOK_RATIOS, _value(got, "L")),
                                 spoils=False),
    "ppo_clip_gradient": _Entry(Probe(calls=(Call("dL", "ppo_clip_gradient", _WORKBOOK_RATIOS),)),
                                lambda got: clip_gradient_picture(*_WORKBOOK_RATIOS, _value(got, "dL")),
                                spoils=False),
    "ppo_clip_table": _Entry(Probe(names=tuple(_CLIP_TABLE)), _clip_table, spoils=True),
}


def exercises_with_pictures() -> tuple[str, ...]:
    return tuple(_ENTRIES)


def picture_probe(exercise: str) -> Probe | None:
    """What to read or call in the learner's module for the exercise's picture (None: no picture)."""
    entry = _ENTRIES.get(exercise)
    return entry.probe if entry else None


def reference_picture(exercise: str) -> Spec | None:
    """The exercise's picture from the reference alone (for ``rlcheck show``), or None."""
    entry = _ENTRIES.get(exercise)
    return entry.build(None) if entry else None


def learner_picture(exercise: str, got: Got) -> Spec | None:
    """The picture with the learner's values: ``got`` maps each probe name or call key to what came back.

    Missing or unreadable values are left out of the picture, never an error.
    """
    entry = _ENTRIES.get(exercise)
    return entry.build(got) if entry else None


def reference_spoils(exercise: str) -> bool:
    """True when the reference picture shows the exercise's answer (gate it like a solution)."""
    entry = _ENTRIES.get(exercise)
    return bool(entry and entry.spoils)


def picture_or_none(build: Callable[..., Spec | None], *args: Any, **kwargs: Any) -> Spec | None:
    """A builder's spec, or None if it fails: a picture must never turn a verdict into an error.

    The spec comes back validated and as plain JSON data (numpy scalars made Python numbers),
    exactly as the judge's report carries it, so a malformed one is dropped here, in the judge.
    """
    try:
        spec = build(*args, **kwargs)
        if spec is None:
            return None
        parse_picture(spec)
        return json.loads(json.dumps(spec, allow_nan=False, default=_plain_number))
    except Exception:  # noqa: BLE001 - whatever the learner's values are, the check's verdict stands
        return None


def _plain_number(value: Any) -> Any:
    if isinstance(value, (np.integer, np.floating, np.bool_)):
        return value.item()
    raise TypeError(f"{type(value).__name__} is not plain data")
