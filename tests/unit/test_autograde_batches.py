"""How the parallel grader splits a class into nbgrader processes (caiokit.grading.autograde)."""

from __future__ import annotations

import pytest

from caiokit.grading.autograde import MAX_BATCH, MIN_BATCH, _batches


@pytest.mark.parametrize(
    ("learners", "workers", "sizes"),
    [
        (1, 4, [1]),
        (4, 2, [2, 2]),  # halves of 1 are not worth a process start each: one batch per worker
        (6, 2, [3, 3]),
        (2 * 2 * MIN_BATCH, 2, [MIN_BATCH] * 4),  # halves as large as MIN_BATCH: two batches per worker
        (100, 2, [MAX_BATCH] * 4),
        (300, 2, [MAX_BATCH] * 12),
    ],
)
def test_each_worker_gets_two_batches_unless_they_would_be_too_small(learners, workers, sizes):
    names = [f"learner{i:03d}" for i in range(learners)]
    batches = _batches(names, workers)
    assert [len(batch) for batch in batches] == sizes
    assert [name for batch in batches for name in batch] == names
