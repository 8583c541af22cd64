"""Capstone: how many episodes is a training budget?

Rule of thumb: simple robotics tasks need about 1M environment steps, complex manipulation
about 10M. You budget 5,000,000 environment steps for the robot arm.

Early in training about 80% of the grasps fail. Either way every episode runs for the full
100 steps (a failed grasp runs until the time limit; a successful one keeps holding the
object until then).

Your task: assign EPISODES, the number of episodes in 5,000,000 steps. Write a whole
number; it must be exact.
"""

EPISODES = ...
