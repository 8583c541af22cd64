"""Capstone: what network reads the robot's observations?

The policy sees two kinds of input: a 128 x 128 x 3 camera image (where the objects are)
and 6 joint angles (proprioception: where the arm is). PPO needs two outputs from it:
the policy (action distribution) and the value estimate V(s).

Which architecture is the standard choice?

    A) Flatten the image (49,152 numbers), append the 6 joint angles, and feed everything
       to one large MLP.
    B) A shared CNN encoder for the image (3-4 conv layers with stride 2, then a linear
       layer to ~256 features), concatenated with the joint angles, then separate MLP heads
       for the policy and the value.
    C) A Vision Transformer over image patches, with the joint angles as an extra token.
    D) Drop the image and use an MLP on the 6 joint angles only: they fully describe the
       arm.

Your task: set ANSWER to the letter of your choice, e.g. ANSWER = "D".
"""

ANSWER = "?"
