# Powers of gamma written out, forward.


def discounted_return(rewards, gamma):
    return float(sum(float(r) * gamma ** k for k, r in enumerate(rewards)))
