# expect: the discount applied backwards
def discounted_return(rewards, gamma):
    G = 0.0
    for r in rewards:  # forwards: the LAST reward ends up undiscounted
        G = r + gamma * G
    return G
