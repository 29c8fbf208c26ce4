"""Benchmark: ailabor's Dawid-Skene against crowd-kit's (the named peer).

Seeded synthetic data: 1,000,000 labels on 100,000 tasks by 2,000 workers, 5 classes
(10 labels a task from distinct random workers; each worker has a random accuracy and
spreads errors uniformly). Prints seconds per EM iteration, total seconds to the same
tolerance, peak traced memory, and the largest absolute difference between the two
posteriors, with ratios crowd-kit / ailabor.

Usage: python bench/bench_dawid_skene.py [--labels-per-task 10] [--tasks 100000]
"""

from __future__ import annotations

import argparse
import time
import tracemalloc
import warnings

import numpy as np
import pandas as pd


def synthetic(
    n_tasks: int, n_workers: int, k: int, per_task: int, seed: int = 20171111
) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    truth = rng.integers(0, k, n_tasks)
    skill = rng.beta(6, 2, n_workers)  # mean accuracy 0.75
    # Distinct workers per task: a random offset plus per_task distinct steps, mod n_workers.
    start = rng.integers(0, n_workers, n_tasks)[:, None]
    steps = np.cumsum(rng.integers(1, n_workers // per_task, (n_tasks, per_task)), axis=1) - 1
    w = ((start + steps) % n_workers).ravel()
    t = np.repeat(np.arange(n_tasks), per_task)
    right = rng.random(len(w)) < skill[w]
    wrong = (truth[t] + rng.integers(1, k, len(w))) % k
    label = np.where(right, truth[t], wrong)
    return pd.DataFrame({"task": t, "worker": w, "label": label})


def timed(fn):
    """Best of three wall-clock runs (no memory tracing, which slows pandas more than numpy)."""
    best, out = float("inf"), None
    for _ in range(3):
        t0 = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t0)
    return out, best


def peak_memory_mb(fn) -> float:
    tracemalloc.start()
    fn()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 2**20


def per_iteration(make, data, n1=1, n2=4):
    """Seconds per EM iteration: (time with n2 iterations - time with n1) / (n2 - n1), tol=-inf."""
    _, s1 = timed(lambda: make(n1).fit(data))
    _, s2 = timed(lambda: make(n2).fit(data))
    return (s2 - s1) / (n2 - n1)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--tasks", type=int, default=100_000)
    ap.add_argument("--workers", type=int, default=2_000)
    ap.add_argument("--classes", type=int, default=5)
    ap.add_argument("--labels-per-task", type=int, default=10)
    ap.add_argument("--tol", type=float, default=1e-5)
    args = ap.parse_args()

    warnings.simplefilter("ignore")
    from crowdkit.aggregation import DawidSkene as CrowdKitDS

    from ailabor.quality import DawidSkene

    t0 = time.perf_counter()
    data = synthetic(args.tasks, args.workers, args.classes, args.labels_per_task)
    print(
        f"data: {len(data):,} labels, {data.task.nunique():,} tasks, {data.worker.nunique():,} workers, "
        f"{args.classes} classes (made in {time.perf_counter() - t0:.1f} s)"
    )

    ours_iter = per_iteration(lambda n: DawidSkene(n_iter=n, tol=-np.inf), data)
    ck_iter = per_iteration(lambda n: CrowdKitDS(n_iter=n, tol=-np.inf), data)
    ours, ours_s = timed(lambda: DawidSkene(n_iter=100, tol=args.tol).fit(data))
    ck, ck_s = timed(lambda: CrowdKitDS(n_iter=100, tol=args.tol).fit(data))
    ours_mem = peak_memory_mb(lambda: DawidSkene(n_iter=100, tol=args.tol).fit(data))
    ck_mem = peak_memory_mb(lambda: CrowdKitDS(n_iter=100, tol=args.tol).fit(data))

    p_ck = ck.probas_.sort_index()
    p_ours = ours.probas_.reindex(index=p_ck.index, columns=p_ck.columns)
    max_diff = float(np.abs(p_ck.to_numpy() - p_ours.to_numpy()).max())
    same_labels = float((ck.labels_.sort_index() == ours.labels_.reindex(p_ck.index)).mean())

    rows = [
        ("seconds per EM iteration", ck_iter, ours_iter),
        (f"seconds to tol={args.tol:g} (incl. init)", ck_s, ours_s),
        ("EM iterations run", len(ck.loss_history_), ours.n_iter_),
        ("peak traced memory, MB", ck_mem, ours_mem),
    ]
    print(f"\n{'measure':<34} {'crowd-kit':>12} {'ailabor':>12} {'crowd-kit/ailabor':>18}")
    for name, a, b in rows:
        ratio = a / b if b else float("nan")
        print(f"{name:<34} {a:>12.4g} {b:>12.4g} {ratio:>17.1f}x")
    print(
        f"\nlargest |posterior difference|: {max_diff:.3g} (target <= 1e-6: {'met' if max_diff <= 1e-6 else 'NOT met'})"
    )
    print(f"same aggregated label: {same_labels:.4%} of tasks")
    target = ck_iter / ours_iter
    print(
        f"per-iteration speed-up {target:.1f}x (target >= 10x: {'met' if target >= 10 else 'NOT met'})"
    )


if __name__ == "__main__":
    main()
