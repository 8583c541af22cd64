"""Iterative policy evaluation.

Given an MDP and a policy, policy evaluation computes V^pi, the expected discounted return
of following the policy from each state. Start from V_0 = 0 and sweep:

    V_{k+1}(s) = sum over a of pi[s, a] * ( R[s, a] + gamma * sum over s' of P[s, a, s'] * V_k(s') )

Each sweep is synchronous: every V_{k+1}(s) is computed from the old V_k. Do not write
new values into V during a sweep. This is an expectation over the policy's actions (pi
weights them); value iteration would take the max over actions instead.

Your task: write `policy_evaluation(P, R, pi, gamma, iterations)`.

    P           array of shape (S, A, S): P[s, a, s'] = probability of s -> s' under action a
    R           array of shape (S, A): expected reward of action a in state s
    pi          array of shape (S, A): pi[s, a] = probability the policy picks a in s
    gamma       discount factor, 0 <= gamma <= 1
    iterations  number of sweeps to run (0 means: return V_0, all zeros)

Return V after exactly `iterations` sweeps, as a numpy array of length S. Inputs may be
nested lists or numpy arrays; do not modify them. A terminal state has all-zero rows in
P and R, so its value stays 0.

Example: the 3x3 gridworld of gridworld_3x3 (P, R = gridworld_3x3()) with the
uniform random policy pi = np.full((9, 4), 0.25) and gamma = 0.9:

    policy_evaluation(P, R, pi, 0.9, 1)  ->  [0, 0, 0, 0, 0, 0.25, 0, 0.25, 0]
"""

import numpy as np


def policy_evaluation(P, R, pi, gamma, iterations):
    raise NotImplementedError
