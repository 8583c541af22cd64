"""From Q-values to a policy.

Once Q* is known, acting optimally needs no look-ahead at all: in each state pick the
action with the largest Q-value,

    pi*(s) = argmax over a of Q*(s, a).

The same MDP as in q_values (gamma = 0.9):

    | State | Action | Reward | Next state |
    |-------|--------|--------|------------|
    | S0    | left   | +1     | S0         |
    | S0    | right  | +5     | S1         |
    | S1    | left   | +2     | S0         |
    | S1    | right  | 0      | S1         |

Which policy is optimal? Use the four Q-values you computed in q_values.

    A.  right in S0, left in S1
    B.  left in S0, left in S1
    C.  right in S0, right in S1
    D.  left in S0, right in S1

Your task: set ANSWER to the letter of the optimal policy, e.g. ANSWER = "B".
"""

ANSWER = "?"
