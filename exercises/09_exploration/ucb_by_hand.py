"""Upper Confidence Bound: be optimistic about what you have rarely tried.

Epsilon-greedy explores blindly. UCB explores where it is most uncertain: it adds to each
Q-value a bonus that is large for actions tried only a few times and shrinks as the visit
count N(a) grows, while the total step count t slowly raises it for every action:

    UCB(a) = Q(a) + c * sqrt( ln(t) / N(a) )

ln is the natural logarithm. The agent picks the action with the highest UCB score.

Setup: t = 100 steps so far, c = 2.

    | Action | Q(a) | N(a) |
    |--------|------|------|
    | 0      | 3.0  | 50   |
    | 1      | 2.5  | 40   |
    | 2      | 4.0  | 10   |

Your task: assign UCB_ACTION_2, the UCB score of action 2. (For comparison, UCB(0) is
about 3.61 and UCB(1) about 3.18.) Answers within 0.005 are accepted (two decimals).
"""

UCB_ACTION_2 = ...
