"""The pipeline's worker processes."""

import time

import pytest

from generator import pipeline


def test_a_failing_run_drops_the_work_its_workers_have_not_started():
    futures = []
    with pytest.raises(KeyboardInterrupt), pipeline.worker_pool(pipeline._remember_editorial, None) as pool:
        futures += [pool.submit(time.sleep, 0.05) for _ in range(200)]
        raise KeyboardInterrupt
    assert futures[-1].cancelled()
    assert all(future.done() for future in futures)
