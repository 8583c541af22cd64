"""The discounted return of a reward sequence.

The return from the start of an episode weighs the reward k steps ahead by gamma^k:

    G_0 = r_0 + gamma * r_1 + gamma^2 * r_2 + ... + gamma^(T-1) * r_{T-1}

The first reward counts in full (gamma^0 = 1).

Your task: write `discounted_return(rewards, gamma)`.

    rewards  r_0 .. r_{T-1}: a list or 1-D numpy array of T numbers (T may be 0)
    gamma    the discount factor, 0 <= gamma <= 1

Return G_0 as a single float. An empty reward sequence has return 0.0. Do not modify
`rewards`.

Examples:

    discounted_return([1.0, 1.0, 1.0], 0.5)  ->  1.75     (1 + 0.5 + 0.25)
    discounted_return([0.0, 0.0, 10.0], 0.9) ->  8.1      (0.9^2 * 10)
"""


def discounted_return(rewards, gamma):
    raise NotImplementedError
