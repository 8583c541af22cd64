"""Watch mode: file events and keys in, checks run, one screen out.

One job per module:
- ``events``: the typed events, and the threads that report them (files, keys);
- ``machine``: the state and its pure transitions, ``step(model, event) -> (model, effects)``;
- ``screen``: the model laid out as rows that fit the terminal (``checker.verdict_view`` lays
  out a verdict), and ``picker``: the exercise list and check-all's grid;
- ``checks``: the thread that runs one check at a time, cancelling the stale one;
- ``loop``: the one reader of events, which performs effects and draws.
"""

from checker.watch.events import FileChanged, KeyPressed, start_observer
from checker.watch.loop import run_watch

__all__ = ["FileChanged", "KeyPressed", "run_watch", "start_observer"]
