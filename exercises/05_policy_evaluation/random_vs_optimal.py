"""Policy evaluation: why is the random policy worth so little?

The 3x3 gridworld of gridworld_first_sweep, states numbered row by row:

    +----+----+----+
    | S0 | S1 | S2 |
    +----+----+----+
    | S3 | S4 | S5 |
    +----+----+----+
    | S6 | S7 | S8 |    S8 = goal
    +----+----+----+

Moves up, down, left, right are deterministic; a move into a wall leaves you in place.
The move that enters S8 pays +1 and ends the episode; every other move pays 0; gamma = 0.9.
Because the +1 is paid on the move INTO S8, an episode of T moves collects it as its last
reward r_{T-1}, and the first reward r_0 is not discounted at all:

    G_0 = gamma^(T-1) * 1

From the corner S0, an agent that knows the way needs 4 moves (e.g. right, right, down,
down). The uniform random policy (each action with probability 0.25) stumbles around and
arrives eventually, after walks of every length; its value V(S0) is the average of
gamma^(T-1) over all those walks. Policy evaluation finds V(S0) under the random policy far
below the optimal V*(S0). Three numbers show why.

1. `STEPS_RANDOM`: the expected number of moves the random walk takes from S0 until it
   enters S8. Write h(s) for that number from state s. A walk makes one move, then goes on
   from wherever it landed:

       h(S8) = 0          h(s) = 1 + sum over the four actions of 0.25 * h(s')

   A bump into a wall is a move too (s' = s). This is a Bellman equation with a reward of 1
   per move and no discount: 8 linear equations in h(S0) ... h(S7), one per state. Solve
   them (numpy is fine). Answers within 0.05 are accepted (one decimal).

2. `DISCOUNT_OPTIMAL`: the weight gamma^k that the +1 gets on the 4-move optimal path from
   S0. It is the optimal value V*(S0). Answers within 0.0005 are accepted (three decimals).

3. `V_RANDOM_S0`: the value of S0 under the uniform random policy. Solve the policy's
   Bellman equation over the 8 states that are not terminal,

       (I - 0.9 * P_pi) V = R_pi

   where P_pi[s][s'] is the probability that one random move takes s to s' (0.25 per action
   that lands there; moves into S8 leave the system) and R_pi(s) is the expected immediate
   reward (0.25 for S5 and S7, 0 elsewhere). Or run policy evaluation sweeps until V stops
   changing. Answers within 0.0005 are accepted (three decimals).

Then compare V_RANDOM_S0 with 0.9 ** (STEPS_RANDOM - 1), the discount of a walk of average
length. Which one is larger, and why?
"""

STEPS_RANDOM = ...
DISCOUNT_OPTIMAL = ...
V_RANDOM_S0 = ...
