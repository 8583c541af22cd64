"""When does a PPO sample stop pushing the policy?

With eps = 0.2, PPO maximises L_CLIP = min(r * A, clip(r, 0.8, 1.2) * A) for every sample.
The gradient flows through r = pi_new / pi_old. When the min selects the clipped term and r
is outside [0.8, 1.2], that term is a constant times A: its gradient with respect to the
policy parameters theta is zero, so the sample stops contributing to the update.

Which of these samples contributes EXACTLY ZERO gradient to the update?

    A) r = 1.8, A = +0.5
    B) r = 1.3, A = -0.5
    C) r = 0.7, A = +0.5
    D) r = 1.0, A = +0.5

Your task: set ANSWER to the letter of your choice, e.g. ANSWER = "B".
"""

ANSWER = "?"
