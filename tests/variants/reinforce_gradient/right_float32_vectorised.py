# Vectorised in float32: sum_t G_t onehot(a_t) - (sum_t G_t) * pi.
import numpy as np


def reinforce_gradient(theta, actions, returns):
    z = np.asarray(theta, dtype=np.float32)
    pi = np.exp(z - z.max())
    pi /= pi.sum()
    onehots = np.eye(len(pi), dtype=np.float32)[np.asarray(actions, dtype=int)]
    G = np.asarray(returns, dtype=np.float32)
    return G @ onehots - G.sum() * pi
