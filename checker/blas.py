"""One BLAS thread for every process of the checker.

The arrays of a check are small: a BLAS thread pool gains them nothing, costs about 0.1 s of CPU
to start in every process that imports numpy, and a pool's threads make ``fork`` unsafe.
"""

ONE_BLAS_THREAD = {
    "OPENBLAS_NUM_THREADS": "1",
    "OMP_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
    "NUMEXPR_NUM_THREADS": "1",
    "VECLIB_MAXIMUM_THREADS": "1",
}
