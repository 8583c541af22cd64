"""Fix the Q-learning update: the values explode (reference solution).

The buggy line was `Q[s][a] = Q[s][a] + alpha * target`: without subtracting Q[s][a] it is
not a temporal difference, and the values grow at every update.
"""


def q_update(Q, s, a, r, s_prime, alpha, gamma):
    actions = list(Q[s_prime].keys())
    max_q = float("-inf")
    for ap in actions:
        if Q[s_prime][ap] > max_q:
            max_q = Q[s_prime][ap]
    target = r + gamma * max_q
    Q[s][a] = Q[s][a] + alpha * (target - Q[s][a])
    return Q
