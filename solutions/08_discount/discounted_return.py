"""The discounted return of a reward sequence (reference solution)."""


def discounted_return(rewards, gamma):
    G = 0.0
    for r in reversed(list(rewards)):
        G = float(r) + gamma * G
    return G
