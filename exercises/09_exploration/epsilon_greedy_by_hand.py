"""Epsilon-greedy: explore a little, exploit the rest of the time.

You have tried three of the ten dishes at a restaurant and found one you like. Order it
again (exploit) or try something new that might be better (explore)? Every RL agent faces
this trade-off. Epsilon-greedy is the simplest answer:

    with probability epsilon      pick an action uniformly at random (all n actions,
                                  the greedy one included)
    with probability 1 - epsilon  pick the greedy action, argmax_a Q(a)

Setup: epsilon = 0.1, 4 actions (0, 1, 2, 3), and action 2 is the greedy action (it has
the highest Q-value).

Your task: assign the probability that epsilon-greedy selects

    P_ACTION_2   action 2 (the greedy action)
    P_ACTION_0   action 0 (a non-greedy action)

Remember that the random branch can also land on the greedy action. Write the numbers
themselves. Answers within 0.0005 are accepted (three decimals).
"""

P_ACTION_2 = ...
P_ACTION_0 = ...
