"""Choosing gamma for a long game with a sparse reward.

A board game lasts about 40 moves. The only reward comes at the very end: +1 for a win,
-1 for a loss, 0 for every move before that. The opening move's share of the final
reward is weighted by gamma^40. Which gamma should you pick?

Work out gamma^40 for each option (Python is your calculator) before you choose.

    A. gamma = 0.5: a short horizon makes learning fast, and the endgame is what decides
       the result anyway.
    B. gamma = 0.9: the textbook default.
    C. gamma = 0.95: an effective horizon of 20 steps, half the game, is enough.
    D. gamma = 0.999: an effective horizon of 1000 steps.

Your task: set ANSWER to the letter of your choice, e.g. ANSWER = "A".
"""

ANSWER = "?"
