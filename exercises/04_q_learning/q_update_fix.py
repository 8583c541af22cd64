"""Fix the Q-learning update: the values explode.

Someone wrote the Q-learning update below for a table stored as a dict of dicts,
Q[state][action] -> value. Run it on a few transitions and the Q-values grow without
bound instead of settling down. One line is wrong.

The correct update is

    target  = r + gamma * max over a' of Q[s'][a']
    Q[s][a] <- Q[s][a] + alpha * (target - Q[s][a])

The part (target - Q[s][a]) is the temporal-difference error: the gap between the new
evidence and the current estimate. When the estimate is right the gap is zero and the
value stops moving; that is what makes Q-learning converge.

Example, with Q = 0 everywhere:

    Q = {"S0": {"left": 0.0, "right": 0.0}, "S1": {"left": 0.0, "right": 0.0}}
    q_update(Q, "S0", "right", 5.0, "S1", 0.1, 0.99)   # Q["S0"]["right"] becomes 0.5

Your task: find the bug and fix it. Keep the signature and the behaviour around it:
Q is updated in place (only the entry Q[s][a] changes) and the same dict is returned.
When you have fixed it, delete the line `# I AM NOT DONE` so the checker tests your code.
"""

# I AM NOT DONE


def q_update(Q, s, a, r, s_prime, alpha, gamma):
    actions = list(Q[s_prime].keys())
    max_q = float("-inf")
    for ap in actions:
        if Q[s_prime][ap] > max_q:
            max_q = Q[s_prime][ap]
    target = r + gamma * max_q
    Q[s][a] = Q[s][a] + alpha * target
    return Q
