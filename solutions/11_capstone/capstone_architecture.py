"""Capstone: the network architecture (reference solution)."""

ANSWER = "B"
