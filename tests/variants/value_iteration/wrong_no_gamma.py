# expect: it looks like the loop never stops
# Without gamma the values grow by R every sweep: the change never drops below epsilon.
import numpy as np


def value_iteration(R, next_state, gamma, epsilon):
    R = np.asarray(R, dtype=float)
    V = np.zeros(len(R))
    while True:
        V_new = R + V[np.asarray(next_state)]
        change = np.max(np.abs(V_new - V))
        V = V_new
        if change < epsilon:
            return V
