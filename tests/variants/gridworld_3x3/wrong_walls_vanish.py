# expect: moves that leave the grid
import numpy as np

MOVES = [(-1, 0), (1, 0), (0, -1), (0, 1)]


def gridworld_3x3():
    P = np.zeros((9, 4, 9))
    R = np.zeros((9, 4))
    for s in range(8):
        row, col = divmod(s, 3)
        for a, (d_row, d_col) in enumerate(MOVES):
            r2, c2 = row + d_row, col + d_col
            if not (0 <= r2 < 3 and 0 <= c2 < 3):
                continue  # forgot the bounce-back
            P[s, a, 3 * r2 + c2] = 1.0
            R[s, a] = 1.0 if 3 * r2 + c2 == 8 else 0.0
    return P, R
