"""Capstone: replay buffer memory (reference solution).

state = 128*128*3 * 1 + 6 * 4 = 49,176 bytes; next_state the same; action 24; reward 4;
done 1. Per transition 98,381 bytes; 1M transitions = 98.381e9 bytes = 98.38 GB (91.6 GiB).
"""

REPLAY_GB = 98.4
