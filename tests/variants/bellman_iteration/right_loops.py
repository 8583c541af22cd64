# Plain Python loops over lists; returns a list (every new value from the old V).


def bellman_iteration(V, R, P, gamma):
    n = len(V)
    return [float(R[s]) + gamma * sum(float(P[s][t]) * float(V[t]) for t in range(n)) for s in range(n)]
