"""Capstone: how much memory does a replay buffer of camera images take?

Off-policy methods (SAC, DQN) keep past transitions in a replay buffer. For the robot arm
the buffer holds 1,000,000 transitions, each stored as:

    | field      | content                                        | type    |
    |------------|------------------------------------------------|---------|
    | state      | 128 x 128 x 3 camera image                     | uint8   |
    |            | + 6 joint angles                               | float32 |
    | action     | 6 joint commands                               | float32 |
    | reward     | 1 number                                       | float32 |
    | next_state | same as state (image + 6 joint angles)         | as state|
    | done       | 1 flag                                         | 1 byte  |

uint8 takes 1 byte per value, float32 takes 4 bytes. Ignore any overhead.

Your task: assign REPLAY_GB, the size of the buffer in gigabytes, where 1 GB = 10^9 bytes
(decimal gigabytes, not GiB = 2^30 bytes). Answers within 0.05 GB are accepted (one
decimal).
"""

REPLAY_GB = ...
