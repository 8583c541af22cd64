"""A softmax policy: turning scores into probabilities (reference solution).

exp(2) / (exp(2) + exp(1)) = 1 / (1 + exp(-1)) = 0.7311
"""

PI_A0 = 0.731
