# Pure Python with math.exp, one sample at a time.
import math


def ppo_surrogate_loss(new_logp, old_logp, advantages, epsilon):
    total = 0.0
    for new, old, a in zip(new_logp, old_logp, advantages):
        r = math.exp(new - old)
        total += min(r * a, min(max(r, 1 - epsilon), 1 + epsilon) * a)
    return -total / len(advantages)
