"""Policy evaluation: the second sweep (reference solution).

V_2(S4) = 0.25 * 0.9 * (V_1(S1) + V_1(S7) + V_1(S3) + V_1(S5))
        = 0.225 * (0 + 0.25 + 0 + 0.25) = 0.1125
"""

V2_S4 = 0.1125
