"""rlcheck: exercises for the math of reinforcement learning, checked on every save."""

__version__ = "0.1.0"
