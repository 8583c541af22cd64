# expect: target - Q[s_prime][a]: the TD error compares
# not: the original update
"""q_update_fix: a learner's attempt."""


def q_update(Q, s, a, r, s_prime, alpha, gamma):
    actions = list(Q[s_prime].keys())
    max_q = float("-inf")
    for ap in actions:
        if Q[s_prime][ap] > max_q:
            max_q = Q[s_prime][ap]
    target = r + gamma * max_q
    Q[s][a] = Q[s][a] + alpha * (target - Q[s_prime][a])
    return Q
