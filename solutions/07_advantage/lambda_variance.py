"""Why does a lower lambda give less noisy advantages? (reference solution)

Lower lambda replaces sampled future rewards by the value estimate V. The price is bias:
if V is wrong, so is the advantage.
"""

ANSWER = "A"
