"""The return G_t (reference solution).

G_0 = 1 + 0.99^2 + 0.99^4 = 1 + 0.9801 + 0.96059601 = 2.94069601
"""

G0 = 2.941
