"""UCB scores for every action, including the ones never tried.

    UCB(a) = Q(a) + c * sqrt( ln(t) / N(a) )

ln is the natural logarithm (np.log). An action with N(a) = 0 has never been tried: its
bonus is infinite, so UCB tries every action once before trusting any estimate. Your
function must return +inf for those actions, and must get there without dividing by
zero: no NaN in the result and no numpy "divide by zero" / "invalid value" warnings
(the checker treats those warnings as a failure). Compute the bonus only where N > 0,
for example with a mask.

Your task: write `ucb_scores(Q, N, t, c)`.

    Q  Q-value estimates, length n (list or numpy array)
    N  visit counts, length n, integers >= 0
    t  total number of steps so far, t >= 1
    c  exploration strength, c >= 0

Return a numpy float array of n scores. Do not modify Q or N.

Example (the table of ucb_by_hand, with c = 1):
    ucb_scores([3.0, 2.5, 4.0], [50, 40, 10], 100, 1)  ->  array([3.3035, 2.8393, 4.6786])
    ucb_scores([3.0, 2.5], [5, 0], 10, 1)              ->  array([3.6786, inf])
"""

import numpy as np


def ucb_scores(Q, N, t, c):
    raise NotImplementedError
