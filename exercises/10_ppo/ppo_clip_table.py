"""PPO's clipped objective, case by case.

REINFORCE uses each trajectory once and throws it away. PPO (Proximal Policy Optimization)
takes several gradient steps on the same batch, and keeps the new policy close to the old
one that collected the data. For a sample (state s_t, action a_t) it compares the two
policies with the probability ratio

    r_t = pi_new(a_t | s_t) / pi_old(a_t | s_t)        (r_t = 1: no change)

and, with advantage A_t (how much better than usual the action was), maximises

    L_CLIP = min( r_t * A_t ,  clip(r_t, 1 - eps, 1 + eps) * A_t )
                  term 1        term 2

clip(r, lo, hi) limits r to the range [lo, hi]. Here eps = 0.2, so the range is [0.8, 1.2].

Complete the table:

    | case | r_t | A_t  | term 1 | clip(r) | term 2 | L_CLIP = min |
    |------|-----|------|--------|---------|--------|--------------|
    | 1    | 1.3 | +0.5 |  0.65  |  1.2    |  0.60  |      ?       |
    | 2    | 1.3 | -0.5 | -0.65  |  1.2    | -0.60  |      ?       |
    | 3    | 0.7 | +0.5 |  0.35  |  0.8    |  0.40  |      ?       |
    | 4    | 0.7 | -0.5 | -0.35  |  0.8    | -0.40  |      ?       |

Your task: assign L_CASE1 ... L_CASE4, the L_CLIP of each row. Answers within 0.005 are
accepted (two decimals).

Then look at which term each row selects. The min is pessimistic: in which rows does the
clip actually hold the objective down?
"""

L_CASE1 = ...
L_CASE2 = ...
L_CASE3 = ...
L_CASE4 = ...
