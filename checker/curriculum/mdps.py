"""The small MDPs of the course's sections, shared by several hidden tests."""

import numpy as np

# Section 1: states A, B, C; R(s) and P[s, s'] = P(s'|s).
THREE_STATE_R = np.array([10.0, 2.0, 5.0])
THREE_STATE_P = np.array(
    [
        [0.0, 0.8, 0.2],
        [0.1, 0.0, 0.9],
        [0.6, 0.3, 0.1],
    ]
)

# Section 2: the 4-state chain S0 -> S1 -> S2 -> S3, reward +1 only in S3, S3 absorbing.
CHAIN_R = np.array([0.0, 0.0, 0.0, 1.0])
CHAIN_NEXT = np.array([1, 2, 3, 3])

# Section 3: 2 states x 2 actions (0 = left, 1 = right), deterministic.
# R[s, a] and NEXT[s, a]: S0 left +1 -> S0, S0 right +5 -> S1, S1 left +2 -> S0, S1 right 0 -> S1.
TWO_STATE_R = np.array([[1.0, 5.0], [2.0, 0.0]])
TWO_STATE_NEXT = np.array([[0, 1], [0, 1]])
