"""Q-learning: your first update.

Q(s, a) estimates the return of taking action a in state s and acting well afterwards.
Q-learning learns these numbers from experience, one transition (s, a, r, s') at a time,
without knowing the MDP. After each transition it nudges Q(s, a) toward a *target*:

    target  = r + gamma * max over a' of Q(s', a')
    Q(s, a) <- Q(s, a) + alpha * (target - Q(s, a))

alpha (the learning rate) says how far to move: alpha = 0.1 moves Q(s, a) a tenth of the
way from its current value to the target.

The 2-state, 2-action MDP (deterministic):

    | State | Action | Reward | Next state |
    |-------|--------|--------|------------|
    | S0    | left   | +1     | S0         |
    | S0    | right  | +5     | S1         |
    | S1    | left   | +2     | S0         |
    | S1    | right  | 0      | S1         |

The agent does not know this table; it only sees the transitions it experiences.
Start with Q = 0 for every (state, action), alpha = 0.1, gamma = 0.99.

Your task: the agent observes the transition (S0, right, +5, S1). Assign to `Q_S0_RIGHT`
the value of Q(S0, right) after this single update.
Answers within 0.005 are accepted (two decimals).
"""

Q_S0_RIGHT = ...
