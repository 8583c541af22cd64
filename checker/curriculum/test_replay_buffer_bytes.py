"""Hidden tests for replay_buffer_bytes(n_transitions, image_shape, proprio_dim, action_dim)."""

import numpy as np
import pytest

from checker.curriculum.checks import call, expect_whole_number


def _state(image_shape, proprio_dim: int, image_bytes: int = 1) -> int:
    pixels = 1
    for side in image_shape:
        pixels *= int(side)
    return pixels * image_bytes + 4 * proprio_dim


def _per_transition(image_shape, proprio_dim, action_dim, image_bytes=1, states=2, done_bytes=1) -> int:
    return states * _state(image_shape, proprio_dim, image_bytes) + 4 * action_dim + 4 + done_bytes


def _check(learner, n: int, image_shape, proprio_dim: int, action_dim: int) -> None:
    got, what = call(learner, "replay_buffer_bytes", n, image_shape, proprio_dim, action_dim)
    args = (image_shape, proprio_dim, action_dim)
    expect_whole_number(got, n * _per_transition(*args), what=what, mistakes=[
        ("next_state forgotten: each transition stores the state AND the next state.",
         n * _per_transition(*args, states=1)),
        ("images counted as float32 (4 bytes per value); they are uint8, 1 byte.",
         n * _per_transition(*args, image_bytes=4)),
        ("bits, not bytes: return the number of bytes.", 8 * n * _per_transition(*args)),
        ("the done flag counted as 4 bytes; it takes 1 byte.", n * _per_transition(*args, done_bytes=4)),
        ("the reward forgotten: it is one float32, 4 bytes.", n * (_per_transition(*args) - 4)),
    ])


def test_workbook_buffer(learner):
    """1M transitions of the robot arm"""
    _check(learner, 1_000_000, (128, 128, 3), 6, 6)


def test_single_transition(learner):
    """a single transition"""
    _check(learner, 1, (128, 128, 3), 6, 6)


def test_empty_buffer(learner):
    """an empty buffer"""
    _check(learner, 0, (84, 84, 3), 7, 2)


def test_grayscale_without_joints(learner):
    """grayscale images without joint angles"""
    _check(learner, 1000, [84, 84, 1], 0, 1)


@pytest.mark.parametrize("seed", range(5))
def test_random_sensor_setup(learner, seed):
    """random sensor setup, seed {seed}"""
    rng = np.random.default_rng(seed)
    shape = tuple(int(x) for x in rng.integers(8, 160, size=2)) + (int(rng.choice([1, 3, 4])),)
    _check(learner, int(rng.integers(1, 2_000_000)), shape, int(rng.integers(0, 20)), int(rng.integers(1, 12)))
