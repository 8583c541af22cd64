"""||V_6 - V_5||_inf on the chain (reference solution).

Every state changed by the same amount, 0.59049 = 0.9**5: the change of sweep k is gamma**(k-1).
"""

MAX_CHANGE = 0.590
