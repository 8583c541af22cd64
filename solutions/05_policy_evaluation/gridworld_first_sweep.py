"""Policy evaluation: the first sweep on a 3x3 gridworld (reference solution).

V_1(S7) = 0.25 * (0 + 0.9*0) [up] + 0.25 * (0 + 0.9*0) [down, wall]
        + 0.25 * (0 + 0.9*0) [left] + 0.25 * (1 + 0.9*0) [right, into S8]  = 0.25
V_1(S5) is the same by symmetry: one of its four moves enters S8.
"""

V1_S7 = 0.25
V1_S5 = 0.25
