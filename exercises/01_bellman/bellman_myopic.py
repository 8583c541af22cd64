"""A short-sighted agent: the same MDP with gamma = 0.1.

The discount factor gamma says how much a reward one step later is worth today. A reward
k steps ahead is weighted by gamma**k. With gamma = 0.9 that weight fades slowly (0.9**10
is still 0.35), so the values of bellman_values sum many future rewards and end up several
times larger than any single reward. With gamma = 0.1 the next reward counts 10%, the one
after 1%, the one after that 0.1%: the agent is myopic, and every value collapses toward
its immediate reward R(s). A handy
rule of thumb: the agent looks about 1 / (1 - gamma) steps ahead (10 steps for 0.9,
barely more than 1 for 0.1).

The MDP is unchanged, only gamma is now 0.1:

    | State | R(s) | P(A|s) | P(B|s) | P(C|s) |
    |-------|------|--------|--------|--------|
    | A     | 10   | 0.0    | 0.8    | 0.2    |
    | B     | 2    | 0.1    | 0.0    | 0.9    |
    | C     | 5    | 0.6    | 0.3    | 0.1    |

    V(s) = R(s) + 0.1 * sum over s' of P(s'|s) * V(s')

Your task: compute V(A) for gamma = 0.1 and assign it below. Careful: V(B) and V(C) are
not just 2 and 5, they too carry a (small) discounted future. Solve the whole system
(I - 0.1 * P) V = R, by hand or with numpy. Answers within 0.005 of the exact value are
accepted (two decimals).
"""

V_A = ...
