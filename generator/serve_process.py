"""Under ``mkdocs serve``, the generator runs in a process of its own that lives as long as the server.

Measured at 10,000 articles (dense shape, one outlet edit): the same regeneration took 1.6 s alone and
2.4–3.2 s inside the server's process, every step of it 1.3–1.7 × slower there. That process holds MkDocs'
last build (1.8 GB resident) and runs the watcher's threads, which look at every seed file twice a second.
In a process of its own the generator runs on the other core, at its own speed, and keeps its cache warm
between rebuilds as it did in the server's.
"""

from __future__ import annotations

import atexit
import multiprocessing
import signal
import traceback
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path

from .model import InputError, Problem
from .pipeline import build
from .write import WriteReport


@dataclass(frozen=True)
class Generated:
    """What the plugin reads of a run: the corpus's size and problems, and what was written."""

    articles: int
    problems: list[Problem]
    report: WriteReport


class GeneratorStopped(RuntimeError):
    """The generator's process ended, or failed, before answering."""


class GeneratorProcess:
    """A process that runs ``pipeline.build`` on request, one run at a time."""

    def __init__(self) -> None:
        # Spawned, not forked: the server has threads, and a fork copies their locks in whatever state they are.
        context = multiprocessing.get_context("spawn")
        self._connection, theirs = context.Pipe()
        self._process = context.Process(target=_serve, args=(theirs,), name="briefing generator")
        self._process.start()
        theirs.close()
        atexit.register(self.stop)

    @property
    def pid(self) -> int | None:
        return self._process.pid

    def alive(self) -> bool:
        return self._process.is_alive()

    def build(self, seeds: Path, out: Path, cache_dir: Path | None) -> Generated:
        try:
            self._connection.send((seeds, out, cache_dir))
            outcome, value = self._connection.recv()
        except (EOFError, OSError) as error:
            self.stop()
            raise GeneratorStopped(f"the generator's process stopped (exit code {self._process.exitcode})") from error
        if outcome == "input error":
            raise InputError(value)
        if outcome == "failed":
            raise GeneratorStopped(f"the generator failed:\n{value}")
        return value

    def stop(self) -> None:
        """Ask the process to end (it ends when its end of the pipe is closed), and wait for it."""
        self._connection.close()
        self._process.join(timeout=30)
        if self._process.is_alive():
            self._process.terminate()
            self._process.join()


def _serve(connection: Connection) -> None:
    # Ctrl-C in the terminal reaches the whole process group: the server stops, closes the pipe, and this
    # process ends after the run it is in, rather than with a traceback of its own.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    while True:
        try:
            seeds, out, cache_dir = connection.recv()
        except EOFError:
            return
        try:
            corpus, report = build(seeds, out, cache_dir=cache_dir)
            reply: tuple[str, object] = ("built", Generated(len(corpus.articles), corpus.problems, report))
        except InputError as error:
            reply = ("input error", str(error))
        except Exception:  # noqa: BLE001 - the server shows it and keeps serving; the next edit tries again
            reply = ("failed", traceback.format_exc())
        try:
            connection.send(reply)
        except (BrokenPipeError, OSError):
            return
