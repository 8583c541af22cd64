"""How much of the future does gamma keep? (reference solution)

(1 - 0.9^10) / (1 - 0.9)   = 6.5132   (65% of the undiscounted 10)
(1 - 0.99^10) / (1 - 0.99) = 9.5618   (96%)
"""

G0_GAMMA_09 = 6.51
G0_GAMMA_099 = 9.56
