"""A softmax policy: turning scores into probabilities.

Q-learning learns values and derives a policy from them. Policy gradient methods work the
other way round: the policy itself has parameters theta, and we adjust theta directly by
gradient ascent on the expected return.

The simplest such policy gives every action a score (a *logit*) and turns the scores into
probabilities with a softmax. Here state s has features [1] and there are two actions;
theta = [theta_1, theta_2] holds one weight per action, so the logits are theta_1 * 1 and
theta_2 * 1:

    pi(a=0|s) = exp(theta_1) / (exp(theta_1) + exp(theta_2))
    pi(a=1|s) = exp(theta_2) / (exp(theta_1) + exp(theta_2))

The exponentials make every probability positive; dividing by their sum makes the
probabilities add up to 1. Only the difference of the logits matters: equal logits give
a 50/50 split.

Your task: with theta = [2, 1], compute pi(a=0|s) and assign it to PI_A0. Python is your
calculator (math.exp is fine), but write the number itself. Answers within 0.0005 of the
exact value are accepted (three decimals).
"""

PI_A0 = ...
