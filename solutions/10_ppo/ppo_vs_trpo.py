"""Why PPO and not TRPO? (reference solution)"""

ANSWER = "B"
