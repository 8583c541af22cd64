"""Boltzmann (softmax) exploration: better actions get more probability, not all of it.

Epsilon-greedy treats every non-greedy action the same, however bad it is. Boltzmann
exploration gives each action a probability that grows with its Q-value:

    pi(a) = exp(Q(a) / tau) / sum over b of exp(Q(b) / tau)

The temperature tau sets how sharp the choice is: a high tau makes pi nearly uniform,
a low tau makes it nearly greedy.

Setup: three actions with

    | Action | Q(a) |
    |--------|------|
    | 0      | 3    |
    | 1      | 5    |
    | 2      | 1    |

Your task: assign

    PI_1        pi(action 1) at tau = 2
    PI_1_COLD   pi(action 1) at tau = 0.1 (the exponents are now 30, 50 and 10)

Answers within 0.005 are accepted (two decimals).
"""

PI_1 = ...
PI_1_COLD = ...
