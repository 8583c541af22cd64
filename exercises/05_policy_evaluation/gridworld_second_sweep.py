"""Policy evaluation: the second sweep, and how value spreads.

The 3x3 gridworld of gridworld_first_sweep, numbered row by row:

    +----+----+----+
    | S0 | S1 | S2 |
    +----+----+----+
    | S3 | S4 | S5 |
    +----+----+----+
    | S6 | S7 | S8 |    S8 = goal
    +----+----+----+

Actions up, down, left, right, deterministic; a move into a wall leaves you in place. The
move that enters S8 gives +1 and ends the episode; every other move gives 0. S8 is
terminal, so V(S8) = 0 in every iteration (the +1 belongs to the move into S8, not to S8).
gamma = 0.9, and the policy is uniform random, pi(a|s) = 0.25.

    V_{k+1}(s) = sum over a of pi(a|s) * ( r(s, a) + gamma * V_k(s') )

After the first sweep only the two neighbours of the goal have value:

    V_1 = [0, 0, 0, 0, 0, 0.25, 0, 0.25, 0]      (S0 ... S8)

S4, the centre, cannot reach S8 in one move, so V_1(S4) = 0. In the second sweep it sees
its neighbours' new values: up -> S1, down -> S7, left -> S3, right -> S5, all with
reward 0.

Your task: assign to `V2_S4` the value of S4 after the second sweep, V_2(S4).
Answers within 0.0005 are accepted (three decimals).
"""

V2_S4 = ...
