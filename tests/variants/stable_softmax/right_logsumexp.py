# Through log-sum-exp: exp(z - logsumexp(z)).
import numpy as np


def softmax(logits):
    z = np.asarray(logits, dtype=float)
    m = z.max()
    return np.exp(z - (m + np.log(np.sum(np.exp(z - m)))))
