"""Capstone: the learning rate (reference solution)."""

ANSWER = "B"
