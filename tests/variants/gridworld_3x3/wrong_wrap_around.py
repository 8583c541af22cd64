# expect: moves into a wall that wrap around
# State arithmetic s + 3 * d_row + d_col, modulo 9: left from S3 lands in S2.
import numpy as np

MOVES = [(-1, 0), (1, 0), (0, -1), (0, 1)]


def gridworld_3x3():
    P = np.zeros((9, 4, 9))
    R = np.zeros((9, 4))
    for s in range(8):
        for a, (d_row, d_col) in enumerate(MOVES):
            s_next = (s + 3 * d_row + d_col) % 9
            P[s, a, s_next] = 1.0
            R[s, a] = 1.0 if s_next == 8 else 0.0
    return P, R
