"""Policy evaluation: the first sweep on a 3x3 gridworld.

Value iteration finds the best possible values. Policy evaluation answers a different
question: how good is THIS policy, the one I am actually following? It is the inner loop
of policy iteration.

The gridworld. The 9 states are numbered row by row:

    +----+----+----+
    | S0 | S1 | S2 |
    +----+----+----+
    | S3 | S4 | S5 |
    +----+----+----+
    | S6 | S7 | S8 |    S8 = goal
    +----+----+----+

- Actions: up, down, left, right. Moves are deterministic.
- A move into a wall leaves you where you are: up from S1 keeps you in S1.
- The move that enters S8 gives reward +1 and ends the episode. Every other move gives 0.
- S8 is terminal: nothing happens after it, so V(S8) = 0 in every iteration. The +1 is
  the reward for the move INTO S8; it is not a value stored in S8.
- gamma = 0.9.
- The policy is uniform random: pi(a|s) = 0.25 for each of the four actions, in every state.

Iterative policy evaluation starts from V_0 = 0 everywhere and repeats, for every state
at once (each V_{k+1} is computed from V_k only):

    V_{k+1}(s) = sum over a of pi(a|s) * ( r(s, a) + gamma * V_k(s') )

where s' is the state that action a leads to from s, and r(s, a) its reward.

Your task: compute the values after the FIRST sweep (V_1) of two states:
- `V1_S7`: S7 (bottom middle). Its moves: up -> S4, down -> wall (stays in S7),
  left -> S6, right -> S8 (reward +1).
- `V1_S5`: S5 (middle right). Its moves: up -> S2, down -> S8 (reward +1),
  left -> S4, right -> wall (stays in S5).
Answers within 0.005 are accepted (two decimals).
"""

V1_S7 = ...
V1_S5 = ...
