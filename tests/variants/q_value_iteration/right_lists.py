# Nested lists and Python loops; returns a list of lists.


def q_value_iteration(R, next_state, gamma, epsilon):
    S, A = len(R), len(R[0])
    Q = [[0.0] * A for _ in range(S)]
    while True:
        new = [[R[s][a] + gamma * max(Q[next_state[s][a]]) for a in range(A)] for s in range(S)]
        change = max(abs(new[s][a] - Q[s][a]) for s in range(S) for a in range(A))
        Q = new
        if change < epsilon:
            return Q
