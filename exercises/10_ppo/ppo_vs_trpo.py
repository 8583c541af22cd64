"""Why PPO and not TRPO?

PPO has a predecessor with the same goal. TRPO (Trust Region Policy Optimization) also
keeps each policy update small, but it does so with an explicit constraint: the KL
divergence between the old and the new policy must stay below a threshold. PPO replaced
it as the default algorithm for continuous control and for RLHF in language models.

What is the main reason?

    A) PPO enforces the KL constraint exactly, while TRPO only approximates it.
    B) PPO gets the same effect (no overly large policy updates) with a simple clip in the
       loss and ordinary minibatch SGD. TRPO needs the Fisher information matrix (inverted
       with conjugate gradients) and a line search, which is complex, slow and hard to
       parallelise across GPUs.
    C) PPO does not need advantage estimates, so it avoids training a value function.
    D) PPO is off-policy: it can learn from a large replay buffer of old experience,
       which TRPO cannot.

Your task: set ANSWER to the letter of your choice, e.g. ANSWER = "C".
"""

ANSWER = "?"
