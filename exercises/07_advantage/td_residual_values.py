"""The TD residual: did this step go better than V predicted?

REINFORCE weights every score by the full return G_t, which carries all the randomness of
the rest of the episode: its gradient estimates are very noisy. The fix is to subtract a
baseline, the state value V(s_t), and weight by the *advantage* instead: how much better
this step turned out than the value function expected.

The simplest advantage estimate is the one-step TD residual

    delta_t = r_t + gamma * V(s_{t+1}) - V(s_t)

"the reward plus the value of where you landed, minus what you expected from here".
Positive means better than predicted, negative means worse.

A 5-step episode with learned value estimates, gamma = 0.99. The episode ends after
step 4, so V(s_5) = 0 (a terminal state is worth nothing):

    | t | r_t | V(s_t) | V(s_{t+1}) |
    |---|-----|--------|------------|
    | 0 | 1   | 10.0   | 9.5        |
    | 1 | 0   | 9.5    | 8.0        |
    | 2 | 2   | 8.0    | 7.0        |
    | 3 | 0   | 7.0    | 6.5        |
    | 4 | 1   | 6.5    | 0.0        |

Your task: compute delta_0 and delta_4 and assign them below. Answers within 0.0005 of
the exact value are accepted (three decimals).
"""

DELTA_0 = ...
DELTA_4 = ...
