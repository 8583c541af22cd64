"""The probability of every action under epsilon-greedy.

To evaluate an epsilon-greedy policy (in expected SARSA, or to compute log-probabilities)
you need pi(a) for every action, not just a sampled action. With n actions and greedy action
g = argmax_a Q(a):

    pi(g) = (1 - epsilon) + epsilon / n     the exploit branch, plus the random branch
                                            landing on g
    pi(a) = epsilon / n                     every other action

Ties: if several actions share the highest Q-value, the greedy action is the one with the
lowest index (as np.argmax does). The other tied actions count as non-greedy.

Your task: write `epsilon_greedy_probs(Q, epsilon)`.

    Q        Q-values, length n >= 1 (a list or a numpy array)
    epsilon  exploration probability, 0 <= epsilon <= 1

Return a numpy array of n probabilities (they sum to 1). Do not modify Q.

Example (the setting of epsilon_greedy_by_hand, with epsilon = 0.2):
    epsilon_greedy_probs([1.0, 0.5, 2.0, 0.0], 0.2)  ->  array([0.05, 0.05, 0.85, 0.05])
"""

import numpy as np


def epsilon_greedy_probs(Q, epsilon):
    raise NotImplementedError
