"""When does a PPO sample stop pushing the policy? (reference solution)

min(1.8 A, 1.2 A) = 1.2 A for A > 0: a constant, so the gradient is zero.
"""

ANSWER = "A"
