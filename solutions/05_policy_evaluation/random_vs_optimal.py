"""Policy evaluation: why is the random policy worth so little? (reference solution)

P_pi is the 8x8 random-walk matrix over S0..S7 (0.25 per move, wall bumps on the diagonal,
moves into S8 dropped). Then:

    h = solve(I - P_pi, ones)        h(S0) = 27 moves (16 from S5 and S7, next to the goal)
    V = solve(I - 0.9 P_pi, R_pi)    V_pi(S0) = 0.2039

The optimal path has 4 moves, so its +1 is r_3, weighted 0.9**3 = 0.729 = V*(S0): the
random policy keeps less than a third of it. Its walk takes 27 moves on average instead of
4, and every extra move costs a factor 0.9.

Yet V_pi(S0) = 0.204 is about three times 0.9**26 = 0.065, the discount of a walk of
average length. The value averages 0.9**(T-1) over all walk lengths T, and the short walks
that do happen count for far more than the long ones lose: the average of the discounts is
larger than the discount of the average length (gamma**x is convex; Jensen's inequality).
"""

STEPS_RANDOM = 27.0
DISCOUNT_OPTIMAL = 0.729
V_RANDOM_S0 = 0.204
