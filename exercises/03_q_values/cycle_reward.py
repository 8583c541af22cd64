"""What does the optimal policy earn per step?

The optimal policy of the 2-state MDP (gamma = 0.9) goes right in S0 and left in S1:

    | State | Action | Reward | Next state |
    |-------|--------|--------|------------|
    | S0    | left   | +1     | S0         |
    | S0    | right  | +5     | S1         |   <- optimal in S0
    | S1    | left   | +2     | S0         |   <- optimal in S1
    | S1    | right  | 0      | S1         |

So the agent bounces S0 -> S1 -> S0 -> S1 -> ... forever. Staying in S0 earns +1 per
step, staying in S1 earns 0 per step. The cycle beats both, even though half of its steps
pay only +2.

Your task: the average reward per step of the optimal cycle (undiscounted: total reward
of one trip around the cycle, divided by the number of steps it takes). Answers within
0.005 are accepted (two decimals).

A link to the discounted values: (1 - gamma) * V*(s) is a discount-weighted average of
the rewards ahead. Compute it for S0 and S1 from your q_values: one is a little above the
per-step average and one a little below (S0 collects its +5 first), and both approach it
as gamma approaches 1.
"""

AVG_REWARD_PER_STEP = ...
