# expect: ties broken toward the highest index
import numpy as np


def greedy_policy(Q):
    out = []
    for row in Q:
        best = 0
        for a in range(len(row)):
            if row[a] >= row[best]:
                best = a
        out.append(best)
    return np.array(out)
