"""Q-learning: tracing five updates by hand (reference solution).

Step 1: Q(S0, right) = 0      + 0.1 * (5 + 0.99 * 0        - 0)      = 0.5
Step 2: Q(S1, left)  = 0      + 0.1 * (2 + 0.99 * 0.5      - 0)      = 0.2495
Step 3: Q(S0, right) = 0.5    + 0.1 * (5 + 0.99 * 0.2495   - 0.5)    = 0.97470
Step 4: Q(S1, left)  = 0.2495 + 0.1 * (2 + 0.99 * 0.97470  - 0.2495) = 0.52105
Step 5: Q(S0, right) = 0.97470 + 0.1 * (5 + 0.99 * 0.52105 - 0.97470) = 1.42881
"""

Q_S0_RIGHT = 1.429
