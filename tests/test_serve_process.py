"""The process `mkdocs serve` runs the generator in: the same pages as a run in the server's own process."""

import filecmp
import os
import shutil

import pytest

from generator import render
from generator.model import InputError
from generator.pipeline import build
from generator.plugin import BriefingPlugin
from generator.serve_process import GeneratorProcess, GeneratorStopped, warm_up


@pytest.fixture
def generator_process():
    process = GeneratorProcess()
    yield process
    process.stop()


@pytest.fixture
def seeds(tmp_path, seeds_dir):
    return shutil.copytree(seeds_dir, tmp_path / "seeds")


def same_tree(left, right) -> bool:
    comparison = filecmp.dircmp(left, right)
    pending = [comparison]
    while pending:
        current = pending.pop()
        if current.left_only or current.right_only or current.diff_files or current.funny_files:
            return False
        pending.extend(current.subdirs.values())
    return True


def test_it_writes_the_pages_a_run_in_this_process_writes(generator_process, seeds, tmp_path):
    generated = generator_process.build(seeds, tmp_path / "there", tmp_path / "cache-there")
    corpus, report = build(seeds, tmp_path / "here", cache_dir=tmp_path / "cache-here")
    assert generator_process.pid != os.getpid()
    assert generated.articles == len(corpus.articles) > 0
    assert generated.problems == corpus.problems
    assert sorted(generated.report.written) == sorted(report.written)
    assert same_tree(tmp_path / "there", tmp_path / "here")


def test_it_keeps_its_cache_between_runs_and_rewrites_only_what_an_edit_changed(generator_process, seeds, tmp_path):
    out, cache = tmp_path / "pages", tmp_path / "cache"
    generator_process.build(seeds, out, cache)
    assert generator_process.build(seeds, out, cache).report.written == []
    edited = next(seeds.glob("001_*.txt"))
    edited.write_text(edited.read_text(encoding="utf-8") + "\nAn editor's added sentence.\n", encoding="utf-8")
    written = generator_process.build(seeds, out, cache).report.written
    assert written and all(path.startswith("articles/") for path in written)


def test_bad_input_is_the_error_a_run_here_raises(generator_process, tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        generator_process.build(tmp_path / "no-seeds", tmp_path / "pages", None)
    # ... and the process goes on serving runs after it.
    assert generator_process.alive()


def test_a_process_that_stopped_is_reported_and_replaced(seeds, tmp_path):
    plugin = BriefingPlugin()
    plugin.on_startup(command="serve", dirty=True)
    first = plugin.generator_process()
    first._process.kill()
    first._process.wait()
    with pytest.raises(GeneratorStopped, match="stopped"):
        first.build(seeds, tmp_path / "pages", None)
    second = plugin.generator_process()
    assert second is not first and second.alive()
    plugin.on_shutdown()
    assert not second.alive() and second.exitcode == 0


def test_warming_up_loads_every_template_and_gets_past_what_it_cannot_read(seeds, tmp_path):
    render.environment.cache_clear()
    warm_up(seeds)
    templates = render.environment()
    assert len(templates.cache) == len(templates.list_templates()) > 0
    # No editorial data and no readable article: no error, and the templates are loaded all the same.
    unreadable = tmp_path / "unreadable"
    unreadable.mkdir()
    (unreadable / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (unreadable / "notes.docx").write_bytes(b"PK")
    render.environment.cache_clear()
    warm_up(unreadable)
    templates = render.environment()
    assert len(templates.cache) == len(templates.list_templates())
