# Plain lists and a Python loop; returns a list.


def value_iteration(R, next_state, gamma, epsilon):
    V = [0.0] * len(R)
    while True:
        new = [R[s] + gamma * V[next_state[s]] for s in range(len(R))]
        stop = max(abs(a - b) for a, b in zip(new, V)) < epsilon
        V = new
        if stop:
            return V
