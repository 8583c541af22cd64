"""Why does a lower lambda give less noisy advantages?

GAE blends advantage estimates with lambda:

    lambda = 0:  A_t = delta_t = r_t + gamma * V(s_{t+1}) - V(s_t)
    lambda = 1:  A_t = G_t - V(s_t)        (every sampled reward up to the episode's end)

In between, A_t = sum over l of (gamma*lambda)^l * delta_{t+l}. Moving lambda from 1
towards 0 lowers the variance of the advantage estimates. Why?

    A. Lower lambda leans on the learned value function V, a smooth estimate, and less on
       sampled future rewards: at lambda = 0 only one step of real randomness (r_t and
       s_{t+1}) enters the estimate.
    B. Lower lambda discounts future rewards more strongly, so the agent optimises a
       shorter-horizon objective whose returns are smaller numbers.
    C. Lower lambda makes the estimate unbiased, and an unbiased estimate has lower
       variance.
    D. Lower lambda averages the residuals of more future steps, and averaging more
       terms reduces noise.

Your task: set ANSWER to the letter of your choice, e.g. ANSWER = "A".
"""

ANSWER = "?"
