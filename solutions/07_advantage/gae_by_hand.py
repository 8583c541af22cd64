"""GAE by hand (reference solution).

delta = [0.405, -1.58, 0.93, -0.565, -5.5]
lambda = 0:    A_0 = delta_0 = 0.405
lambda = 1:    A_0 = sum of 0.99^l delta_l = -6.0792   (= G_0 - V(s_0) = 3.9208 - 10)
lambda = 0.95: backwards with gamma*lambda = 0.9405:
               A_4 = -5.5, A_3 = -5.7378, A_2 = -4.4664, A_1 = -5.7806, A_0 = -5.0317
"""

ADV0_LAMBDA_0 = 0.405
ADV0_LAMBDA_1 = -6.08
ADV0_LAMBDA_095 = -5.03
