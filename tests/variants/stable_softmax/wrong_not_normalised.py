# expect: exp(logits - max) without dividing by their sum
import numpy as np


def softmax(logits):
    z = np.asarray(logits, dtype=float)
    return np.exp(z - z.max())
