"""Addition. Write add(a, b) so that it returns the sum of a and b; numbers may be ints or floats."""


def add(a, b):
    raise NotImplementedError
