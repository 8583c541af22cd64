"""Where does an absorbing state's value end up?

Same chain as before (gamma = 0.9, V_0 = 0):

    | State     | Reward | Next state      |
    |-----------|--------|-----------------|
    | S0        | 0      | S1              |
    | S1        | 0      | S2              |
    | S2        | 0      | S3              |
    | S3 (goal) | +1     | S3 (absorbing)  |

S3 only ever leads to itself, so its backup is V_{k+1}(S3) = 1 + 0.9 * V_k(S3), and its
values so far are 1, 1.9, 2.71, 3.439, ... Each sweep adds the next term of a sum:
after k sweeps V_k(S3) = 1 + 0.9 + 0.9**2 + ... + 0.9**(k-1).

Your task: what does V(S3) converge to as k goes to infinity? Hint: it is a geometric
series, or equivalently the fixed point of V = 1 + 0.9 * V. Answers within 0.005 are
accepted (two decimals).

The formula you find is one of the most used in RL: the value of a constant reward
stream under discounting, and the "effective horizon" of an agent with discount gamma.
"""

V_S3_LIMIT = ...
