"""Average reward of the optimal cycle (reference solution): (5 + 2) / 2."""

AVG_REWARD_PER_STEP = 3.5
