# A Python loop with a truthiness test on each done flag; returns a list.


def td_residuals(rewards, values, next_values, gamma, dones=None):
    out = []
    for t in range(len(rewards)):
        boot = 0.0 if (dones is not None and dones[t]) else gamma * next_values[t]
        out.append(rewards[t] + boot - values[t])
    return out
