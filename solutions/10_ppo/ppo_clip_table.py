"""PPO's clipped objective, case by case (reference solution).

min(0.65, 0.60), min(-0.65, -0.60), min(0.35, 0.40), min(-0.35, -0.40). The clip holds the
objective down only in cases 1 and 4, where the policy already moved in the good direction.
"""

L_CASE1 = 0.60
L_CASE2 = -0.65
L_CASE3 = 0.35
L_CASE4 = -0.40
