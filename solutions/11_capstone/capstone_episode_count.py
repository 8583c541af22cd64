"""Capstone: episodes in the budget (reference solution). 5,000,000 / 100."""

EPISODES = 50000
