# expect: every reward discounted one step too many
def discounted_return(rewards, gamma):
    return sum(r * gamma ** (k + 1) for k, r in enumerate(rewards))
