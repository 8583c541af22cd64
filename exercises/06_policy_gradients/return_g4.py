"""The return from the last step.

Same trajectory as before, gamma = 0.99:

    | t   | 0 | 1 | 2 | 3 | 4 |
    |-----|---|---|---|---|---|
    | r_t | 1 | 0 | 1 | 0 | 1 |

    G_t = r_t + gamma * r_{t+1} + gamma^2 * r_{t+2} + ...

Step 4 is the last step of the episode: no rewards come after it.

Your task: compute G_4, the return from step 4, and assign it to G4. Answers within
0.0005 of the exact value are accepted (three decimals).

Looking ahead: the last return is where the backward recursion G_t = r_t + gamma * G_{t+1}
starts, which is how REINFORCE computes every return in one pass.
"""

G4 = ...
