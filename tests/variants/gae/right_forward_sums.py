# No recursion: each A_t summed forwards over the residuals, stopping at the episode end;
# plain lists in and out.


def gae(rewards, values, last_value, gamma, lam, dones=None):
    T = len(rewards)
    done = [False] * T if dones is None else [bool(x) for x in dones]
    v = list(values) + [last_value]
    deltas = [rewards[t] + (0.0 if done[t] else gamma * v[t + 1]) - v[t] for t in range(T)]
    out = []
    for t in range(T):
        weight, total = 1.0, 0.0
        for k in range(t, T):
            total += weight * deltas[k]
            if done[k]:
                break
            weight *= gamma * lam
        out.append(total)
    return out
