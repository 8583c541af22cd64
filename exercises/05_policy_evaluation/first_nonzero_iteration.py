"""Policy evaluation: how fast does the reward spread?

The 3x3 gridworld again (states numbered row by row, S8 = goal in the bottom-right corner,
deterministic moves up/down/left/right, walls leave you in place, +1 for the move into
S8, 0 otherwise, S8 terminal with V(S8) = 0, gamma = 0.9, uniform random policy):

    +----+----+----+
    | S0 | S1 | S2 |
    +----+----+----+
    | S3 | S4 | S5 |
    +----+----+----+
    | S6 | S7 | S8 |
    +----+----+----+

Start from V_0 = 0 everywhere and run synchronous sweeps

    V_{k+1}(s) = sum over a of pi(a|s) * ( r(s, a) + gamma * V_k(s') )

After sweep 1, S5 and S7 have value; after sweep 2, S4 has too. Each sweep lets the reward
signal travel one more move away from the goal, like a wave.

Your task: assign to `FIRST_NONZERO` the number k of the first sweep after which V_k(S0)
(the top-left corner) is non-zero. That is: V_{k-1}(S0) = 0 and V_k(S0) > 0, with
exact arithmetic. The answer is a whole number and must be exact.
"""

FIRST_NONZERO = ...
