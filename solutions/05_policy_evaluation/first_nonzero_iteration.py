"""Policy evaluation: how fast does the reward spread? (reference solution)

S0 is 4 moves from S8 (e.g. S0 -> S1 -> S2 -> S5 -> S8), and the signal travels one move per
sweep: V_3(S0) = 0 and V_4(S0) > 0.
"""

FIRST_NONZERO = 4
