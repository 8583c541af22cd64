"""Build the 3x3 gridworld as arrays (reference solution)."""

import numpy as np

# (row change, column change) for up, down, left, right
MOVES = [(-1, 0), (1, 0), (0, -1), (0, 1)]


def gridworld_3x3():
    P = np.zeros((9, 4, 9))
    R = np.zeros((9, 4))
    for s in range(8):  # S8 is terminal: its rows stay zero
        row, col = divmod(s, 3)
        for a, (d_row, d_col) in enumerate(MOVES):
            # Clipping to the grid keeps you in place when the move hits a wall.
            s_next = 3 * min(max(row + d_row, 0), 2) + min(max(col + d_col, 0), 2)
            P[s, a, s_next] = 1.0
            R[s, a] = 1.0 if s_next == 8 else 0.0
    return P, R
