"""The Bellman equation: how valuable is each state?

You are an agent in a tiny world with three states, A, B and C. Each state pays a reward
when you are in it, then you move to a next state at random. The value of a state is not
just its reward: it is the total discounted reward you will collect from there on.

The Bellman equation says a state's value is its reward plus the discounted value of where
you land next:

    V(s) = R(s) + gamma * sum over s' of P(s'|s) * V(s')

The MDP, with gamma = 0.9:

    | State | R(s) | P(A|s) | P(B|s) | P(C|s) |
    |-------|------|--------|--------|--------|
    | A     | 10   | 0.0    | 0.8    | 0.2    |
    | B     | 2    | 0.1    | 0.0    | 0.9    |
    | C     | 5    | 0.6    | 0.3    | 0.1    |

Writing one equation per state gives three linear equations in V(A), V(B), V(C).
Move every V term to the left and you get the system (I - gamma * P) V = R.

Your task: solve that system and assign the three values below. Python is your
calculator (numpy is allowed), but write the numbers themselves: the checker only reads
the three names. Answers within 0.005 of the exact value are accepted (two decimals).
"""

V_A = ...
V_B = ...
V_C = ...
