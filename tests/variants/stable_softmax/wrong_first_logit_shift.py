# expect: Subtracting max(logits) from every logit
# Shifts by the first logit instead of the max: softmax([0.0, 1000.0]) overflows to NaN.
import numpy as np


def softmax(logits):
    z = np.asarray(logits, dtype=float)
    e = np.exp(z - z[0])
    return e / e.sum()
