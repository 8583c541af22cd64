# expect: was not updated in place
def q_learning_update(Q, s, a, r, s_next, alpha, gamma, done):
    Q = Q.astype(float)  # a new array: the caller's Q never changes
    target = r + (1 - done) * gamma * Q[s_next].max()
    Q[s, a] += alpha * (target - Q[s, a])
    return Q
