"""The effective horizon.

With a reward of 1 at every step forever, the return is the geometric series

    1 + gamma + gamma^2 + ...  =  1 / (1 - gamma)

So discounting by gamma weighs the future like an undiscounted window of about
H = 1 / (1 - gamma) steps, the *effective horizon*. Rewards much further away than H steps
barely count: after H steps their weight gamma^H has fallen to about 1/e ~= 0.37, and it
keeps shrinking geometrically.

Your task: compute the effective horizon H for gamma = 0.995 and assign it to HORIZON.
Answers within 0.5 of the exact value are accepted (a whole number of steps).
"""

HORIZON = ...
