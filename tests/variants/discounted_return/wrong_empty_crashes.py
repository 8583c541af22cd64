# expect: An empty reward sequence has return 0.0.
def discounted_return(rewards, gamma):
    G = rewards[-1]  # IndexError on an empty list
    for r in reversed(rewards[:-1]):
        G = r + gamma * G
    return G
