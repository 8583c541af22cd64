"""Q-values: how good is an action, not just a state?

V(s) says how good a state is, but not which action to take there. The action value
Q(s, a) is the return from taking action a in state s, then acting optimally:

    Q*(s, a) = R(s, a) + gamma * max over a' of Q*(s', a')

where s' is the state that action a leads to. The best action in s is the one with the
largest Q*(s, a), and V*(s) = max over a of Q*(s, a).

A 2-state, 2-action MDP with deterministic moves, gamma = 0.9:

    | State | Action | Reward | Next state |
    |-------|--------|--------|------------|
    | S0    | left   | +1     | S0         |
    | S0    | right  | +5     | S1         |
    | S1    | left   | +2     | S0         |
    | S1    | right  | 0      | S1         |

The four equations are coupled through the max. A practical way to solve them: guess
which action is best in each state, which makes the system linear (two equations for
V*(S0) and V*(S1)), solve it, then check that the guessed actions really have the larger
Q-values. If the check fails, try another guess. (Or iterate the equation from Q = 0
with numpy until it stops changing.)

Your task: the four optimal Q-values. Answers within 0.005 of the exact values are
accepted (two decimals).
"""

Q_S0_RIGHT = ...
Q_S0_LEFT = ...
Q_S1_LEFT = ...
Q_S1_RIGHT = ...
