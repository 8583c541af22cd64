"""``python -m checker`` is the same as the ``rlcheck`` command."""

from checker.cli import app

app(prog_name="rlcheck")
