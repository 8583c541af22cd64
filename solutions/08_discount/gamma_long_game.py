"""Choosing gamma for a long game with a sparse reward (reference solution).

0.999^40 ~= 0.96: the opening move still receives almost the whole terminal reward.
0.9^40 ~= 0.015 and 0.95^40 ~= 0.13 leave the opening nearly unrewarded.
For sparse terminal rewards, the effective horizon should be much longer than the episode.
"""

ANSWER = "D"
