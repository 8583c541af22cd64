# (1 - alpha) * Q + alpha * target form, max by a Python loop, done as a 0/1 factor.


def q_learning_update(Q, s, a, r, s_next, alpha, gamma, done):
    best = max(Q[s_next][b] for b in range(len(Q[s_next])))
    target = r + gamma * best * (0.0 if done else 1.0)
    Q[s][a] = (1 - alpha) * Q[s][a] + alpha * target
    return Q
