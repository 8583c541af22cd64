"""What goes wrong with gamma = 1 in a continuing task?

A continuing task never ends: there is no terminal state, the agent acts forever (think
of a server scheduling jobs, or a robot balancing indefinitely). Its return is

    G = r_0 + gamma * r_1 + gamma^2 * r_2 + ...

Someone sets gamma = 1 "so that all rewards count equally". What goes wrong?

    A. Nothing: gamma = 1 is the most faithful choice, since no reward is arbitrarily
       down-weighted.
    B. The agent becomes myopic: it only optimises the immediate reward r_0.
    C. The return can grow without bound: for any steady non-zero reward G and V(s) are
       infinite, and the Bellman backup is no longer a gamma-contraction, so value
       iteration need not converge.
    D. Learning just gets slower: value iteration still converges, only it needs about
       1 / (1 - gamma) times more iterations.

Your task: set ANSWER to the letter of your choice, e.g. ANSWER = "A".
"""

ANSWER = "?"
