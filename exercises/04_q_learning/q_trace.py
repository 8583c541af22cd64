"""Q-learning: tracing five updates by hand.

Same 2-state MDP, same rule, alpha = 0.1, gamma = 0.99, Q = 0 everywhere at the start:

    target  = r + gamma * max over a' of Q(s', a')
    Q(s, a) <- Q(s, a) + alpha * (target - Q(s, a))

The agent experiences these 5 transitions, in this order:

    | Step | s  | a     | r  | s' |
    |------|----|-------|----|----|
    | 1    | S0 | right | +5 | S1 |
    | 2    | S1 | left  | +2 | S0 |
    | 3    | S0 | right | +5 | S1 |
    | 4    | S1 | left  | +2 | S0 |
    | 5    | S0 | right | +5 | S1 |

Each step changes only the entry Q(s, a) of that step, and it uses the table as it is
*after* all earlier steps. Keep a small table of all four Q-values and update it row by
row: the value that step 2 gives Q(S1, left) feeds the max in step 3, and so on.
(The max over S1's actions also includes Q(S1, right), which stays 0 here.)

Your task: assign to `Q_S0_RIGHT` the value of Q(S0, right) after all 5 updates.
Small rounding errors add up over five steps, so carry at least four decimals as you go.
Answers within 0.0005 are accepted (three decimals).
"""

Q_S0_RIGHT = ...
