"""The score function of a softmax policy, as a vector.

For a softmax policy pi = softmax(theta) and a chosen action a,

    log pi(a) = theta_a - log(sum over k of exp(theta_k))

Differentiate with respect to every logit theta_j. The first term gives 1 when j = a and
0 otherwise; the log-sum-exp gives exp(theta_j) / sum_k exp(theta_k) = pi(j). So

    d/d theta_j log pi(a) = 1{j = a} - pi(j)

or as one vector:  grad log pi(a) = onehot(a) - softmax(theta).

The component of the chosen action, 1 - pi(a), is positive: raising theta_a makes a more
likely. Every other component, -pi(j), is negative.

Your task: write `grad_log_softmax(theta, action)`.

    theta   1-D list or numpy array of n logits (n >= 1)
    action  the chosen action, an int in 0 .. n-1

Return a numpy array of length n: the gradient with respect to every logit, not only the
chosen one. Do not modify `theta`. It must work for large logits too: compute the softmax
the stable way (copy your `softmax` from the stable_softmax exercise if you like; every
exercise file stands alone).

Example (two actions, theta = [3, 1]):

    grad_log_softmax([3.0, 1.0], 1)  ->  array([-0.8808,  0.8808])
"""

import numpy as np


def grad_log_softmax(theta, action):
    raise NotImplementedError
