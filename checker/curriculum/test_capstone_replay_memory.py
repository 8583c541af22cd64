"""Hidden test for capstone_replay_memory: 1M image transitions, in decimal GB."""

from checker.curriculum.checks import Answer, Mistake, check_answer, rounding_slips

N = 1_000_000
IMAGE = 128 * 128 * 3
JOINTS, ACTIONS = 6, 6
GB, GIB, MB = 1e9, 2.0**30, 1e6
SLIPPED_FIGURE = 93.7  # a figure that circulates for this buffer; it does not follow from the sizes


def _bytes(image_bytes_per_value: int = 1, states: int = 2) -> int:
    state = IMAGE * image_bytes_per_value + JOINTS * 4
    return N * (states * state + ACTIONS * 4 + 4 + 1)


def _answer() -> Answer:
    exact = _bytes() / GB
    slips = [
        Mistake("GiB (2^30 bytes); this exercise uses decimal GB = 10^9 bytes.", _bytes() / GIB),
        Mistake("megabytes (10^6 bytes); the answer is asked in GB = 10^9 bytes.", _bytes() / MB),
        Mistake("next_state forgotten: each transition stores two full states.", _bytes(states=1) / GB),
        Mistake("images stored as float32; they are uint8, 1 byte per value.", _bytes(image_bytes_per_value=4) / GB),
        Mistake("bits instead of bytes.", 8 * _bytes() / GB),
        Mistake("the often-quoted 93.7 GB, which does not follow from these sizes. "
                "Recount byte by byte.", SLIPPED_FIGURE),
        *rounding_slips(exact, 1),
    ]
    return Answer(exact, decimals=1, slips=slips)


ANSWERS = {"REPLAY_GB": _answer()}


def test_replay_buffer_gigabytes(learner):
    """REPLAY_GB, the size of the buffer in GB"""
    check_answer(learner, "REPLAY_GB", ANSWERS["REPLAY_GB"])
