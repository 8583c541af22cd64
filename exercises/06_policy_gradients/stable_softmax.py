"""A softmax that never overflows.

A softmax policy turns logits z (one per action) into probabilities:

    softmax(z)_i = exp(z_i) / (sum over j of exp(z_j))

Written literally, this breaks on large logits: exp(1000) overflows to inf, and inf / inf
is nan. Very negative logits break the other way: exp(-1000) underflows to 0, and 0 / 0
is nan. Logits like these do turn up once a policy becomes confident.

The fix rests on one fact: subtracting the same constant c from every logit does not
change the softmax, because exp(z_i - c) = exp(z_i) * exp(-c) and the factor exp(-c)
cancels between numerator and denominator. Choose c = max(z): the largest exponential
becomes exp(0) = 1, nothing overflows, and the sum is at least 1, so there is no division
by zero.

Your task: write `softmax(logits)`.

    logits  the logits of one state: a 1-D list or numpy array of n >= 1 numbers
            (2-D batches are not needed here)

Return a 1-D numpy array of n probabilities (non-negative, summing to 1). Do not modify
`logits`.

Examples:

    softmax([3.0, 1.0])        ->  array([0.8808, 0.1192])
    softmax([1003.0, 1001.0])  ->  array([0.8808, 0.1192])   (same difference, same answer)
    softmax([5.0])             ->  array([1.])
"""

import numpy as np


def softmax(logits):
    raise NotImplementedError
