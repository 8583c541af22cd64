"""||V_4 - V_3||_inf on the chain (reference solution): every state changed by 0.729."""

MAX_CHANGE = 0.729
