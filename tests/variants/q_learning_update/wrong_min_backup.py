# expect: min instead of max over the next state's actions
def q_learning_update(Q, s, a, r, s_next, alpha, gamma, done):
    target = r + (1 - done) * gamma * Q[s_next].min()
    Q[s, a] += alpha * (target - Q[s, a])
    return Q
