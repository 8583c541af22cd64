"""The limit of V(S3) (reference solution): 1 / (1 - 0.9)."""

V_S3_LIMIT = 10.0
