"""What goes wrong with gamma = 1 in a continuing task? (reference solution)

r_0 + r_1 + r_2 + ... diverges for any steady reward, so every V(s) is infinite and
useless for comparing states. (The average-reward formulation handles gamma = 1, with
its own algorithms.)
"""

ANSWER = "C"
