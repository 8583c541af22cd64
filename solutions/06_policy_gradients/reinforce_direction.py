"""Which way does a negative return push? (reference solution)

The step is alpha * (-2) * [0.269, -0.269] = alpha * [-0.538, +0.538]: theta_1 falls,
theta_2 rises, so pi(a=0) decreases. Bad outcomes suppress the action that led to them.
"""

ANSWER = "C"
