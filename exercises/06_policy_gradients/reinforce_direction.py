"""Which way does a negative return push?

The two-action softmax policy again: theta = [2, 1], so action 0 is the likelier one. The
agent took action 0, and the return that followed was G_t = -2. REINFORCE updates

    theta <- theta + alpha * G_t * grad log pi(a=0),
    grad log pi(a=0) = [1 - pi(a=0), -pi(a=1)]      (positive, then negative: the score
                                                     of score_function and its mirror)

with a small learning rate alpha > 0. What happens to pi(a=0)?

    A. It increases: grad log pi(a=0) always points towards making action 0 more
       likely, so any update on a step with action 0 raises its probability.
    B. It stays the same: REINFORCE only learns from positive returns.
    C. It decreases: G_t < 0 flips the direction of the step, so theta_1 goes down,
       theta_2 goes up, and action 0 becomes less likely.
    D. It increases twice as fast as for G_t = 1: only the size |G_t| = 2 matters,
       and it scales the step.

Your task: set ANSWER to the letter of your choice, e.g. ANSWER = "A".
"""

ANSWER = "?"
