"""Squares. Write square(x) so that it returns x times x."""


def square(x):
    return x * x
