"""The score function: which way to push theta.

Policy gradient methods follow the gradient of log pi(a|s), the *score function*. It
points in the direction of parameter space that makes the action a more likely.

For a softmax policy the score has a simple form. With log pi(a) = theta_a - log(sum over
k of exp(theta_k)), the derivative with respect to the action's own weight is

    d/d theta_1 log pi(a=0) = 1 - pi(a=0)

(and with respect to the other weight it is -pi(a=1)). A rare action (small pi) gets a
large score: taking it and doing well is a strong learning signal. An action that is
already likely gets a small one.

Setup as in softmax_prob: two actions, features [1], theta = [2, 1]
(theta_1 is the weight of action 0).

Your task: compute d/d theta_1 log pi(a=0) and assign it to SCORE. Answers within 0.0005
of the exact value are accepted (three decimals).
"""

SCORE = ...
