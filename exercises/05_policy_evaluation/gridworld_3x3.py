"""Build the 3x3 gridworld as arrays.

To let a program evaluate a policy we write the MDP as two arrays:

    P[s, a, s']  probability that action a in state s leads to state s'   shape (9, 4, 9)
    R[s, a]      expected reward of taking action a in state s           shape (9, 4)

The gridworld, states numbered row by row (state = 3 * row + column):

    +----+----+----+
    | S0 | S1 | S2 |
    +----+----+----+
    | S3 | S4 | S5 |
    +----+----+----+
    | S6 | S7 | S8 |    S8 = goal
    +----+----+----+

- Actions, in this order: 0 = up, 1 = down, 2 = left, 3 = right. Moves are deterministic,
  so every row P[s, a, :] holds a single 1.
- A move into a wall leaves you where you are: P[1, 0, 1] = 1 (up from S1 stays in S1),
  P[3, 2, 3] = 1 (left from S3 stays in S3; it does NOT wrap around to S2).
- The move that enters S8 has reward +1: R[5, 1] = 1 (down from S5) and R[7, 3] = 1
  (right from S7). Every other reward is 0, including the wall bumps next to S8.
- S8 is terminal: the episode is over, there is no transition out of it and no reward.
  Its rows are all zero: P[8, a, :] = 0 and R[8, a] = 0 for every a. (So the rows of P
  sum to 1, except S8's, which sum to 0.)

Your task: write `gridworld_3x3()` returning the tuple (P, R) as numpy float arrays.
"""

import numpy as np


def gridworld_3x3():
    raise NotImplementedError
