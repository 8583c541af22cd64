"""The ``rlcheck`` command line: thin, one function per command, in modules by who uses them.

``cli`` is the typer app (the console script's entry point); ``app`` is always the learner's
:class:`checker.app.App`.
"""

from checker.cli_base import cli

# Importing a module registers its commands; `rlcheck --help` lists them in this order.
import checker.cli_learner  # noqa: E402, F401  (list, run, hint, reset, solution, watch)
import checker.cli_show  # noqa: E402, F401  (show)
import checker.cli_ci  # noqa: E402, F401  (verify, init, gradebook, dev check)

__all__ = ["cli"]
