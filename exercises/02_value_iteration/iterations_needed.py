"""How many sweeps does value iteration need?

Run value iteration on the chain, from V_0 = 0, and stop after the first sweep whose
max change ||V_k - V_{k-1}||_inf is strictly below epsilon = 0.01. Count that sweep too.

    | State     | Reward | Next state      |
    |-----------|--------|-----------------|
    | S0        | 0      | S1              |
    | S1        | 0      | S2              |
    | S2        | 0      | S3              |
    | S3 (goal) | +1     | S3 (absorbing)  |

The largest change always happens in S3, whose value grows by one more term of
1 + gamma + gamma**2 + ... per sweep: sweep 1 changes it by 1, sweep 2 by gamma, sweep 3
by gamma**2, and so on (with gamma = 0.9: 1, 0.9, 0.81, ...).

Your task: the exact number of sweeps, as an integer,

    SWEEPS_GAMMA_0_9   for gamma = 0.9
    SWEEPS_GAMMA_0_99  for gamma = 0.99

(same chain, same epsilon = 0.01). Count by reasoning, or run your value_iteration with a
counter. Only the exact integer is accepted.

Why it matters: since gamma**(k-1) < epsilon means k - 1 > log(epsilon) / log(gamma), and
log(1/gamma) is about 1 - gamma, the number of sweeps grows like

    (1 / (1 - gamma)) * log(1 / epsilon).

Halving 1 - gamma doubles the work, so far-sighted agents (gamma close to 1) make value
iteration slow, while a smaller epsilon only costs a logarithmic number of extra sweeps.
"""

SWEEPS_GAMMA_0_9 = ...
SWEEPS_GAMMA_0_99 = ...
