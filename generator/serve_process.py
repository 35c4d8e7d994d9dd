"""Under ``mkdocs serve``, the generator runs in a process of its own that lives as long as the server.

Measured at 10,000 articles (dense shape, one outlet edit): the same regeneration took 1.6 s alone and
2.4–3.2 s inside the server's process, every step of it 1.3–1.7 × slower there. That process holds MkDocs'
last build (1.8 GB resident) and runs the watcher's threads; which of the two costs most is not pinned down
(watching the seeds without polling left it at 2.5–2.9 s). In a process of its own the generator runs on the
other core and keeps its cache warm between rebuilds as it did in the server's: 1.9–2.5 s.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import pickle
import signal
import subprocess
import sys
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from .editorial import load_editorial
from .model import InputError, Problem
from .pipeline import build, discover, display_path, make_article
from .render import environment, render_article
from .write import WriteReport


@dataclass(frozen=True)
class Generated:
    """What the plugin reads of a run: the corpus's size and problems, and what was written."""

    articles: int
    problems: list[Problem]
    report: WriteReport


def generate(seeds: Path, out: Path, cache_dir: Path | None) -> Generated:
    """One run of the generator, as the plugin reads it."""
    corpus, report = build(seeds, out, cache_dir=cache_dir)
    return Generated(len(corpus.articles), corpus.problems, report)


class GeneratorStopped(RuntimeError):
    """The generator's process ended, or failed, before answering."""


class GeneratorProcess:
    """A process that runs ``pipeline.build`` on request, one run at a time.

    Started as ``python -m generator.serve_process``, not with ``multiprocessing``: its spawn runs the server's
    main script again in the child, and a fork would copy the locks of the server's threads as they are.
    Requests and replies are pickled over the process's standard input and output.
    """

    def __init__(self) -> None:
        self._process = subprocess.Popen([sys.executable, "-m", __name__], stdin=subprocess.PIPE,
                                         stdout=subprocess.PIPE)
        atexit.register(self.stop)

    @property
    def pid(self) -> int:
        return self._process.pid

    @property
    def exitcode(self) -> int | None:
        return self._process.poll()

    def alive(self) -> bool:
        return self._process.poll() is None

    def build(self, seeds: Path, out: Path, cache_dir: Path | None) -> Generated:
        try:
            pickle.dump((seeds, out, cache_dir), self._process.stdin)
            self._process.stdin.flush()
            outcome, value = pickle.load(self._process.stdout)  # noqa: S301 - our own process's reply
        except (EOFError, OSError, pickle.UnpicklingError) as error:
            self.stop()
            raise GeneratorStopped(f"the generator's process stopped (exit code {self.exitcode})") from error
        if outcome == "input error":
            raise InputError(value)
        if outcome == "failed":
            raise GeneratorStopped(f"the generator failed:\n{value}")
        return value

    def stop(self) -> None:
        """End the process: it ends when its input is closed, after the run it is in."""
        atexit.unregister(self.stop)  # a server that replaced a stopped process keeps no hold on it
        with contextlib.suppress(OSError):
            self._process.stdin.close()
        try:
            self._process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        self._process.stdout.close()


def warm_up(seeds: Path) -> None:
    """Extract and render an article of ``seeds`` and load every page template, throwing the results away.

    The first build of a session finds every article in the cache, so the word lists, patterns and templates
    that reading and rendering an article load on first use are still to load when the editor's first edit
    comes. Loaded now, between that build and the edit, the editor does not wait for them: measured at 1,000
    articles, a first text edit took 0.16–0.23 s without, 0.08–0.15 s with.
    """
    # It only saves time: whatever fails here is met, and shown, in a build.
    with contextlib.suppress(Exception):
        editorial = load_editorial(seeds)
        for path in discover(seeds):
            try:
                render_article(make_article(path, display_path(path, seeds), editorial), editorial, [])
                break
            except (InputError, OSError):
                continue
    with contextlib.suppress(Exception):
        templates = environment()
        for name in templates.list_templates():
            templates.get_template(name)


def serve(requests: BinaryIO, replies: BinaryIO) -> None:
    """Answer each request read from ``requests`` until it is closed; after the first, warm up for the next."""
    warmed = False
    while True:
        try:
            seeds, out, cache_dir = pickle.load(requests)  # noqa: S301 - from the server that started us
        except EOFError:
            return
        try:
            reply: tuple[str, object] = ("built", generate(seeds, out, cache_dir))
        except InputError as error:
            reply = ("input error", str(error))
        except Exception:  # noqa: BLE001 - the server shows it and keeps serving; the next edit tries again
            reply = ("failed", traceback.format_exc())
        try:
            pickle.dump(reply, replies, protocol=pickle.HIGHEST_PROTOCOL)
            replies.flush()
        except OSError:
            return
        if not warmed:
            warm_up(seeds)
            warmed = True


def main() -> None:
    # Ctrl-C in the terminal reaches the whole process group: the server stops and closes our input, and this
    # process ends after the run it is in, rather than with a traceback of its own.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # Replies go to the standard output the server reads; anything else printed goes to the terminal's error.
    replies = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    serve(sys.stdin.buffer, replies)


if __name__ == "__main__":
    # Run as the package's module, not as __main__: replies pickle its classes by their importable names.
    from generator.serve_process import main as serve_main

    serve_main()
