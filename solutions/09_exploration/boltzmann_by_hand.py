"""Boltzmann (softmax) exploration (reference solution).

tau = 2:   exp(2.5) / (exp(1.5) + exp(2.5) + exp(0.5)) = 12.18 / 18.31 = 0.665.
tau = 0.1: exp(50) / (exp(30) + exp(50) + exp(10)) = 1 / (1 + e^-20 + e^-40), about 1 - 2e-9.
"""

PI_1 = 0.67
PI_1_COLD = 1.00
