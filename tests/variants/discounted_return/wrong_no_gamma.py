# expect: the undiscounted sum of the rewards
def discounted_return(rewards, gamma):
    return float(sum(rewards))
