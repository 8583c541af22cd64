# expect: is not a whole number
# not: failure rate
"""capstone_episode_count: a learner's slip."""

EPISODES = 50000.5
