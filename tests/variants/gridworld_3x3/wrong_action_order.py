# expect: actions in the wrong order
import numpy as np

MOVES = [(-1, 0), (1, 0), (0, 1), (0, -1)]  # up, down, right, left


def gridworld_3x3():
    P = np.zeros((9, 4, 9))
    R = np.zeros((9, 4))
    for s in range(8):
        row, col = divmod(s, 3)
        for a, (d_row, d_col) in enumerate(MOVES):
            s_next = 3 * min(max(row + d_row, 0), 2) + min(max(col + d_col, 0), 2)
            P[s, a, s_next] = 1.0
            R[s, a] = 1.0 if s_next == 8 else 0.0
    return P, R
