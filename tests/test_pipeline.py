"""The pipeline's worker processes."""

import time
from pathlib import Path

import pytest

from generator import pipeline


def test_a_failing_run_drops_the_work_its_workers_have_not_started():
    futures = []
    with pytest.raises(KeyboardInterrupt), pipeline.worker_pool(pipeline._remember_editorial, None) as pool:
        futures += [pool.submit(time.sleep, 0.05) for _ in range(200)]
        raise KeyboardInterrupt
    assert futures[-1].cancelled()
    assert all(future.done() for future in futures)


@pytest.mark.parametrize("name", ["a.txt", "a.b.txt", ".hidden", "noext", "x.", "a..", ".a.b", "..txt"])
def test_a_record_is_named_as_its_article_without_its_last_suffix(name):
    # meta_name is read 10,000 times per run without making a Path: it must agree with Path.stem.
    assert pipeline.meta_name(name) == Path(name).stem + ".meta.yml"
    assert pipeline.meta_path(Path("seeds") / name) == Path("seeds") / (Path(name).stem + ".meta.yml")
