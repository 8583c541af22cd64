"""What reduces the variance of the policy gradient?

REINFORCE estimates the gradient from sampled episodes:

    grad J  ~=  sum over t of  G_t * grad log pi(a_t | s_t)

G_t carries the randomness of everything that happened after step t, so these estimates
are very noisy and learning is slow. Which change reduces the variance of the estimate
(without changing its expected value)?

    A. Increase gamma, so the agent looks further ahead.
    B. Increase the learning rate, so the noise averages out faster.
    C. Leave the value function out entirely, so its errors cannot bias the weights:
       keep weighting each score by G_t.
    D. Subtract a baseline: weight each score by G_t - V(s_t), the advantage, instead
       of G_t.

Your task: set ANSWER to the letter of your choice, e.g. ANSWER = "A".
"""

ANSWER = "?"
