"""How much of the future does gamma keep?

The discount factor gamma decides how much a reward k steps ahead is worth today: it is
weighted by gamma^k. That one number sets how far ahead the agent looks, and whether its
values stay finite at all.

Take the simplest reward stream, ten rewards of 1:

    rewards = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]

    G_0 = sum over k = 0 .. 9 of gamma^k * 1

(A geometric series: the sum of gamma^k for k = 0 .. n-1 is (1 - gamma^n) / (1 - gamma).)
Undiscounted, G_0 would be 10.

Your task: compute G_0 for gamma = 0.9 and for gamma = 0.99 and assign them below. Answers
within 0.005 of the exact value are accepted (two decimals).
"""

G0_GAMMA_09 = ...     # gamma = 0.9
G0_GAMMA_099 = ...    # gamma = 0.99
