"""The Dask Dawid-Skene equals the in-memory fit (skipped when dask is not installed)."""

import numpy as np
import pandas as pd
import pytest

pytest.importorskip("dask.dataframe", reason="the Dask path is in the optional `dask` extra")
distributed = pytest.importorskip("dask.distributed", reason="needs dask[distributed]")

from ailabor.quality import DawidSkene  # noqa: E402
from ailabor.quality.dask_em import DaskDawidSkene  # noqa: E402


def synthetic(n_tasks=20_000, n_workers=200, k=3, per_task=5, seed=3):
    """100k labels; workers from good to adversarial, so EM runs many iterations."""
    rng = np.random.default_rng(seed)
    truth = rng.integers(0, k, n_tasks)
    skill = rng.beta(2, 2, n_workers)
    flip = rng.random(n_workers) < 0.15  # adversarial: a fixed wrong label
    t = np.repeat(np.arange(n_tasks), per_task)
    w = rng.integers(0, n_workers, len(t))
    right = rng.random(len(t)) < skill[w]
    label = np.where(right, truth[t], rng.integers(0, k, len(t)))
    label = np.where(flip[w] & right, (truth[t] + 1) % k, label)
    return pd.DataFrame({"task": t, "worker": [f"w{i}" for i in w], "label": label})


@pytest.fixture(scope="module")
def client():
    with (
        distributed.LocalCluster(
            n_workers=1,
            threads_per_worker=2,
            processes=False,  # in-process transport: no sockets at all
            dashboard_address=None,
        ) as cluster,
        distributed.Client(cluster) as c,
    ):
        yield c


def test_dask_fit_matches_in_memory_on_parquet(client, tmp_path):
    df = synthetic()
    assert len(df) == 100_000
    # Written in task order, one file per block of tasks: partitioned by task.
    for i, block in enumerate(np.array_split(np.arange(20_000), 7)):
        df[df.task.isin(block)].to_parquet(tmp_path / f"part{i}.parquet")
    mem = DawidSkene().fit(df)
    dsk = DaskDawidSkene().fit(str(tmp_path), partitioned_by_task=True)
    assert mem.n_iter_ >= 10
    assert dsk.n_iter_ == mem.n_iter_
    assert np.abs(dsk.probas_.to_numpy() - mem.probas_.to_numpy()).max() < 1e-8
    assert (dsk.probas_.index == mem.probas_.index).all()
    assert np.abs(dsk.errors_.to_numpy() - mem.errors_.to_numpy()).max() < 1e-8
    assert np.allclose(dsk.loss_history_, mem.loss_history_, rtol=0, atol=1e-10)
    pd.testing.assert_series_equal(dsk.worker_n_labels_, mem.worker_n_labels_, check_dtype=False)
    assert np.abs(dsk.worker_accuracy_ - mem.worker_accuracy_).max() < 1e-8


def test_dask_fit_shuffles_unpartitioned_labels(client):
    import dask.dataframe as dd

    df = (
        synthetic(n_tasks=2_000, n_workers=50).sample(frac=1, random_state=0).reset_index(drop=True)
    )
    ddf = dd.from_pandas(df, npartitions=4)  # tasks spread over partitions
    with pytest.raises(ValueError, match="more than one partition"):
        DaskDawidSkene().fit(ddf, partitioned_by_task=True)
    dsk = DaskDawidSkene().fit(ddf)
    mem = DawidSkene().fit(df)
    assert np.abs(dsk.probas_.to_numpy() - mem.probas_.to_numpy()).max() < 1e-8
