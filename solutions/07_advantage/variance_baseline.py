"""What reduces the variance of the policy gradient? (reference solution)

Subtracting a state-dependent baseline leaves the expected gradient unchanged and removes
the part of G_t that does not depend on the action: the biggest single variance reduction
in policy gradients.
"""

ANSWER = "D"
