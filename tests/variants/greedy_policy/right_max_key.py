# Pure Python: max with a key that prefers the lowest index among ties; returns a list of ints.


def greedy_policy(Q):
    return [max(range(len(row)), key=lambda a: (row[a], -a)) for row in Q]
