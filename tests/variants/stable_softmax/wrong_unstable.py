# expect: Subtracting max(logits) from every logit
# exp(logits) without the max shift: exp(1000) overflows, exp(-1000) underflows.
import numpy as np


def softmax(logits):
    e = np.exp(np.asarray(logits, dtype=float))
    return e / e.sum()
