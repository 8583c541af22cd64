# expect: Q(S1, right) in the target
# not: the state just left
"""td_error: a learner's slip."""

TD_ERROR = 0.4
Q_AFTER = 10.04
