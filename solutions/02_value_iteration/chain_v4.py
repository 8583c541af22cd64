"""V_4(S0) on the chain (reference solution): R(S0) + 0.9 * V_3(S1) = 0 + 0.9 * 0.81."""

V4_S0 = 0.729
