"""GAE: between the one-step and the Monte Carlo advantage.

The TD residual delta_t trusts V for everything after one step: low variance, but biased
whenever V is wrong. The Monte Carlo advantage G_t - V(s_t) uses every sampled reward:
unbiased, but noisy. Generalized Advantage Estimation (GAE) blends the two with a
parameter lambda in [0, 1]:

    A_t = delta_t + (gamma*lambda) * delta_{t+1} + (gamma*lambda)^2 * delta_{t+2} + ...

Computed backwards, from the last step of the episode (where A_4 = delta_4):

    A_t = delta_t + gamma * lambda * A_{t+1}

lambda = 0 gives A_t = delta_t; lambda = 1 gives A_t = G_t - V(s_t).

The trajectory of td_residual_values, gamma = 0.99, episode ends after step 4
(V(s_5) = 0):

    | t | r_t | V(s_t) | V(s_{t+1}) |
    |---|-----|--------|------------|
    | 0 | 1   | 10.0   | 9.5        |
    | 1 | 0   | 9.5    | 8.0        |
    | 2 | 2   | 8.0    | 7.0        |
    | 3 | 0   | 7.0    | 6.5        |
    | 4 | 1   | 6.5    | 0.0        |

Your task: compute all five TD residuals delta_0 .. delta_4 yourself from the table, then
A_0 for three values of lambda, and assign them below. Answers within 0.005 of the exact
value are accepted (two decimals).
"""

ADV0_LAMBDA_0 = ...      # A_0 with lambda = 0
ADV0_LAMBDA_1 = ...      # A_0 with lambda = 1
ADV0_LAMBDA_095 = ...    # A_0 with lambda = 0.95 (gamma * lambda = 0.9405)
