"""Seven. Set SEVEN to three plus four."""

SEVEN = 3 + 4
