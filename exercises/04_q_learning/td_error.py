"""Q-learning: the TD error.

The quantity in brackets of the Q-learning update has a name, the *temporal-difference
(TD) error*:

    delta  =  ( r + gamma * max over a' of Q(s', a') )  -  Q(s, a)
                           the target                      the current estimate

    Q(s, a) <- Q(s, a) + alpha * delta

A positive delta means "this went better than I expected": Q(s, a) is pushed up. A
negative delta pushes it down. When the estimates are right, delta is zero on average.

Some time into training on the 2-state MDP, the agent's table holds:

    | State | Q(s, left) | Q(s, right) |
    |-------|------------|-------------|
    | S0    | 7          | 10          |
    | S1    | 8          | 6           |

It now takes `right` in S0, receives r = +5 and lands in S1.
In this exercise gamma = 0.9 and alpha = 0.1.

Your task:
- `TD_ERROR`: the TD error delta of this transition.
- `Q_AFTER`:  the value of Q(S0, right) after the update.
Answers within 0.005 are accepted (two decimals).
"""

TD_ERROR = ...
Q_AFTER = ...
