# Pure Python per sample, with a scalar branch; returns a list (or a float).


def ppo_clip_objective(ratio, advantage, epsilon):
    def one(r, a):
        clipped = max(1 - epsilon, min(r, 1 + epsilon))
        return min(r * a, clipped * a)

    if isinstance(ratio, (int, float)):
        return one(ratio, advantage)
    return [one(r, a) for r, a in zip(ratio, advantage)]
