"""Hidden tests for lambda_variance: lower lambda trades sampled randomness for V (and bias)."""

from checker.curriculum.checks import expect_choice


def test_lower_lambda_relies_on_the_value_function(learner):
    """what a lower lambda does"""
    expect_choice(
        learner, "ANSWER", "A", ("A", "B", "C", "D"),
        why_not={
            "B": "Lambda does not change which rewards the agent cares about: that is gamma's job. "
                 "Lambda only changes how the advantage is estimated from the same trajectory.",
            "C": "It is the other way round: lambda = 1 (G_t - V) is unbiased; lower lambda trusts V "
                 "and is biased whenever V is wrong. It buys lower variance with that bias.",
            "D": "Lower lambda shrinks the weights (gamma*lambda)^l, so FEWER future residuals "
                 "contribute; at lambda = 0 only delta_t is left.",
        },
    )
