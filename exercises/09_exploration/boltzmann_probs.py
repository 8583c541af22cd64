"""Boltzmann (softmax) probabilities that do not overflow.

    pi(a) = exp(Q(a) / tau) / sum over b of exp(Q(b) / tau)

Written literally, this breaks at low temperature: with Q = [1000, 999] and tau = 0.01,
Q / tau = [100000, 99900] and exp(100000) is inf in floating point, so the result is
inf / inf = NaN. Very negative values fail the other way (every exp underflows to 0, and
0 / 0 = NaN).

The fix: softmax does not change if you subtract the same number from every exponent
(it cancels between numerator and denominator). Subtract the largest one, max(Q / tau):
then the biggest exponent is exp(0) = 1, nothing overflows, and the sum is at least 1.

Your task: write `boltzmann_probs(Q, tau)`.

    Q    Q-values, length n >= 1 (list or numpy array)
    tau  temperature, tau > 0

Return a numpy array of n probabilities (finite, summing to 1). Do not modify Q.

Examples:
    boltzmann_probs([3, 5, 1], 1)         ->  array([0.1173, 0.8668, 0.0159])
    boltzmann_probs([1000, 999], 0.01)    ->  array([1., 0.])   (the second is about 3.7e-44)
"""

import numpy as np


def boltzmann_probs(Q, tau):
    raise NotImplementedError
