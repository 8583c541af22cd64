"""When do we stop? The largest change of a sweep.

Value iteration never reaches the fixed point exactly, so it stops when a sweep hardly
changes anything. The usual test is the *max norm* (infinity norm) of the change:

    ||V_{k+1} - V_k||_inf = max over s of |V_{k+1}(s) - V_k(s)|

and we stop once it drops below a small epsilon. Because the backup is a
gamma-contraction, each sweep shrinks this change by a factor of at most gamma.

The chain (gamma = 0.9):

    | State     | Reward | Next state      |
    |-----------|--------|-----------------|
    | S0        | 0      | S1              |
    | S1        | 0      | S2              |
    | S2        | 0      | S3              |
    | S3 (goal) | +1     | S3 (absorbing)  |

Two consecutive iterates, after sweeps 5 and 6:

    V_5 = [1.3851,  2.1951,  3.0951,  4.0951 ]
    V_6 = [1.97559, 2.78559, 3.68559, 4.68559]

Your task: compute ||V_6 - V_5||_inf. Answers within 0.0005 are accepted (three decimals).
"""

MAX_CHANGE = ...
