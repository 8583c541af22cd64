"""Find the bug: an epsilon-greedy agent that exploits the wrong action.

This epsilon-greedy action picker is meant to explore with probability epsilon and
otherwise return the greedy action argmax_a Q(a) (on ties, the lowest index). Its author
noticed that the agent ignores its Q-values: whenever it exploits, it picks action 0, even
when another action is worth far more.

    epsilon_greedy(Q, epsilon, rng) -> int

    Q        Q-values, one per action (a list or a numpy array)
    epsilon  exploration probability, 0 <= epsilon <= 1
    rng      a numpy random Generator (np.random.default_rng(seed)); use it for all
             randomness so runs can be repeated

Example: epsilon_greedy([1.0, 3.0, 2.0], 0.0, rng) should always return 1.

Your task: find the line that is wrong and fix it. Keep the random branch as it is
(`rng.random() < epsilon`, then `rng.integers(n_actions)`). When you are done, delete the
line `# I AM NOT DONE` below so the checker grades your file.
"""

# I AM NOT DONE

import numpy as np


def epsilon_greedy(Q, epsilon, rng):
    n_actions = len(Q)
    if rng.random() < epsilon:
        return int(rng.integers(n_actions))
    best_a = 0
    for a in range(n_actions):
        if Q[a] > Q[a]:
            best_a = a
    return best_a
