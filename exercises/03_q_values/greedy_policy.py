"""The greedy policy: read the best action off a Q-table.

Given action values Q[s][a], the greedy policy picks in every state the action with the
largest Q-value:

    pi(s) = argmax over a of Q[s][a]

If Q is Q*, the greedy policy is optimal. When several actions tie for the largest
value, choose the one with the lowest index (numpy.argmax already does this), so that the
result is reproducible.

Your task: write `greedy_policy(Q)`.

    Q   action values, shape (S, A): rows are states, columns are actions
        (a list of lists or a numpy array)

Return one action index per state: a numpy array of S integers, each in 0..A-1.
Do not modify Q.

Example, a Q-table of two states (actions 0 = left, 1 = right):

    | State | Q(s, left) | Q(s, right) |
    |-------|------------|-------------|
    | S0    | 1.2        | 3.4         |
    | S1    | 2.5        | 0.7         |

    greedy_policy([[1.2, 3.4], [2.5, 0.7]])          ->  array([1, 0])
    greedy_policy([[2.0, 2.0, 1.0]])                  ->  array([0])     (tie: lowest index)
"""

import numpy as np


def greedy_policy(Q):
    raise NotImplementedError
