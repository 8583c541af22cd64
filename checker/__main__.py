"""``python -m checker`` is the same as the ``rlcheck`` command."""

from checker.cli import cli

cli(prog_name="rlcheck")
