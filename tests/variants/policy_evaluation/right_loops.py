# Triple loops over nested indexing; returns a list.


def policy_evaluation(P, R, pi, gamma, iterations):
    n, m = len(R), len(R[0])
    V = [0.0] * n
    for _ in range(iterations):
        V = [sum(pi[s][a] * (R[s][a] + gamma * sum(P[s][a][t] * V[t] for t in range(n))) for a in range(m))
             for s in range(n)]
    return V
