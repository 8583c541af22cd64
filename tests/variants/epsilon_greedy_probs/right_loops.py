# Pure Python: the greedy action by max with a key that prefers the lowest index; a list.


def epsilon_greedy_probs(Q, epsilon):
    n = len(Q)
    best = max(range(n), key=lambda a: (Q[a], -a))
    return [epsilon / n + (1.0 - epsilon if a == best else 0.0) for a in range(n)]
