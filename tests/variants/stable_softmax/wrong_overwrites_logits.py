# expect: changed its input #1 in place
# np.asarray does not copy a float array, so the in-place ops overwrite the caller's logits.
import numpy as np


def softmax(logits):
    z = np.asarray(logits, dtype=float)
    z -= z.max()
    np.exp(z, out=z)
    z /= z.sum()
    return z
