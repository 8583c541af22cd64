"""REINFORCE: the policy gradient from one episode.

The policy gradient theorem turns "make high returns more likely" into an estimate we can
compute from one sampled episode:

    grad J(theta)  ~=  sum over t of  G_t * grad log pi(a_t)

Each step pushes theta along the score of the action that was taken, weighted by the
return that followed it. Actions followed by large returns become more likely; actions
followed by negative returns become less likely. Training then does gradient ASCENT:
theta <- theta + alpha * grad J.

Here the policy is a softmax over theta alone, the same at every step (like a bandit:
there are no state features), so for every t

    grad log pi(a_t) = onehot(a_t) - softmax(theta)

Your task: write `reinforce_gradient(theta, actions, returns)`.

    theta    1-D list or numpy array of n logits
    actions  the action taken at each step: a list or array of T ints in 0 .. n-1
    returns  the return G_t that followed each step: a list or array of T numbers

Return a numpy array of length n: the SUM over the T steps (not the mean). An empty
episode (T = 0) gives a gradient of zeros. Do not modify the inputs. A stable softmax is
your own to write (or copy from the stable_softmax exercise).

Example: theta = [3, 1], one step, action 0, G_0 = 1:

    reinforce_gradient([3.0, 1.0], [0], [1.0])  ->  array([ 0.1192, -0.1192])
"""

import numpy as np


def reinforce_gradient(theta, actions, returns):
    raise NotImplementedError
