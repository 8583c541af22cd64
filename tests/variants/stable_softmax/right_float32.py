# The shifted softmax in float32.
import numpy as np


def softmax(logits):
    z = np.asarray(logits, dtype=np.float32)
    e = np.exp(z - z.max())
    return e / e.sum()
