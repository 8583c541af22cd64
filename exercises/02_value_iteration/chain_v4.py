"""Value iteration on a chain: watch the reward travel backward.

Real MDPs are too large to solve (I - gamma P) V = R directly. Value iteration starts
from V = 0 and applies the Bellman backup to every state, again and again:

    V_{k+1}(s) = R(s) + gamma * V_k(next(s))

Each application is one *sweep* (or iteration). The sweeps are synchronous: V_{k+1} is
computed entirely from V_k.

The MDP: a 4-state chain with one action per state and deterministic moves. The reward
sits at the end, in S3, which is absorbing (S3 leads back to S3). gamma = 0.9.

    | State     | Reward | Next state      |
    |-----------|--------|-----------------|
    | S0        | 0      | S1              |
    | S1        | 0      | S2              |
    | S2        | 0      | S3              |
    | S3 (goal) | +1     | S3 (absorbing)  |

The first sweeps, starting from V_0 = [0, 0, 0, 0]:

    | k | V_k(S0) | V_k(S1) | V_k(S2) | V_k(S3) |
    |---|---------|---------|---------|---------|
    | 0 | 0       | 0       | 0       | 0       |
    | 1 | 0       | 0       | 0       | 1       |
    | 2 | 0       | 0       | 0.9     | 1.9     |
    | 3 | 0       | 0.81    | 1.71    | 2.71    |

The reward "propagates backward" one state per sweep: S2 first sees it in sweep 2, S1 in
sweep 3. S0 is three steps from the goal.

Your task: compute V_4(S0), the value of S0 after iteration 4. Answers within 0.0005 of
the exact value are accepted (three decimals).
"""

V4_S0 = ...
