# expect: the target bootstrapped from S0, the state just left
# not: Q(S1, right) in the target
"""td_error: a learner's slip."""

TD_ERROR = 4.0
Q_AFTER = 10.4
