# expect: Q[s_next, a] in the target
def q_learning_update(Q, s, a, r, s_next, alpha, gamma, done):
    target = r + (1 - done) * gamma * Q[s_next, a]
    Q[s, a] += alpha * (target - Q[s, a])
    return Q
