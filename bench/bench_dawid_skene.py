"""Benchmark: ailabor's Dawid-Skene against crowd-kit's (the named peer), run by `make bench`.

Synthetic sets of 100k, 1M and 10M labels with K = 2, 5 and 100 classes (5 labels a
task; one worker per 400 labels, activity log-normal; skewed class priors). Workers
are spread widely: 45% good (accuracy ~ Beta(5, 2)), 15% uniform spammers, 10%
constant spammers, 15% adversarial (mostly a fixed wrong class), 15% confused (a
fixed wrong class some of the time), so EM needs 25-40 iterations, not 4.

Every (implementation, set) runs in a fresh process so its peak RSS
(resource.getrusage) is its own; the data alone is reported as the baseline.
Measures, each the median over repeats (5 unless the peer's time budget ran out;
the table says how many):

- seconds per EM iteration: fixed-iteration runs (tol = -inf; 50 iterations, or 10
  where one iteration takes over ~1 s), the median gap between successive M-steps
  within a run (so set-up is excluded), then the median over runs;
- seconds to convergence (tol 1e-5, including encoding and initialisation) and the
  iterations it took;
- the largest |posterior difference| against crowd-kit on the converged fits.

crowd-kit is skipped where it would take too long (10M labels; K=100 at 1M). The
Dask path (ailabor.quality.dask_em) runs on the 10M-label, 5-class set read from
Parquet on a local in-process cluster (1 worker, 2 threads). Then both fit each
real truth_inference benchmark in the mirror.

Usage: python bench/bench_dawid_skene.py [--quick] [--repeats 5] [--peer-budget 150]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

TOL = 1e-5
SIZES = (100_000, 1_000_000, 10_000_000)
CLASSES = (2, 5, 100)
# AILABOR_MIRROR may name several directories (os.pathsep-separated), as the Makefile sets it.
MIRRORS = [
    Path(p)
    for p in os.environ.get(
        "AILABOR_MIRROR", str(Path(__file__).parents[1] / "../shared/data/mirror")
    ).split(os.pathsep)
    if p
]


def synthetic(n_labels: int, k: int, per_task: int = 5, seed: int = 20171111) -> pd.DataFrame:
    """Seeded labels from workers of five kinds (see the module docstring)."""
    rng = np.random.default_rng(seed + k)
    n_tasks = n_labels // per_task
    n_workers = max(50, n_labels // 400)
    truth = rng.choice(k, n_tasks, p=rng.dirichlet(np.full(k, 2.0)))
    # good, uniform spammer, constant spammer, adversarial, confused
    kind = rng.choice(5, n_workers, p=[0.45, 0.15, 0.10, 0.15, 0.15])
    p_true = np.select(
        [kind == 0, kind == 3, kind == 4],
        [rng.beta(5, 2, n_workers), rng.beta(1, 6, n_workers), rng.beta(3, 3, n_workers)],
        0.0,
    )
    p_shift = np.select([kind == 3, kind == 4], [1 - p_true - 0.05, (1 - p_true) * 0.7], 0.0)
    p_const = np.where(kind == 2, 0.9, 0.0)
    shift = rng.integers(1, k, n_workers)  # the wrong class a worker confuses each class with
    const = rng.integers(0, k, n_workers)
    activity = rng.lognormal(0, 1, n_workers)
    t = np.repeat(np.arange(n_tasks), per_task)
    w = rng.choice(n_workers, len(t), p=activity / activity.sum())
    u = rng.random(len(t))
    c1 = p_true[w]
    c2 = c1 + p_shift[w]
    c3 = c2 + p_const[w]
    y = truth[t]
    label = np.where(
        u < c1,
        y,
        np.where(
            u < c2, (y + shift[w]) % k, np.where(u < c3, const[w], rng.integers(0, k, len(t)))
        ),
    )
    return pd.DataFrame({"task": t, "worker": w, "label": label})


def rss_mb() -> float:
    """Current resident set size (Linux /proc), MB."""
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def make_estimator(impl: str, n_iter: int, tol: float):
    """An estimator that records a timestamp at every M-step (one at set-up, one per
    EM iteration), so the gaps are whole iterations: E-step, M-step and bound."""
    stamps: list[float] = []
    if impl == "ailabor":
        from ailabor.quality import DawidSkene

        class Timed(DawidSkene):
            def _update_errors(self, enc, probas):
                stamps.append(time.perf_counter())
                return super()._update_errors(enc, probas)

        est = Timed(n_iter=n_iter, tol=tol)
    else:
        from crowdkit.aggregation import DawidSkene as CK

        est = CK(n_iter=n_iter, tol=tol)
        m_step = CK._m_step  # a staticmethod

        def timed_m_step(*a, **kw):
            stamps.append(time.perf_counter())
            return m_step(*a, **kw)

        est._m_step = timed_m_step  # instance attribute: shadows the class's
    est.stamps = stamps
    return est


def repeat(fn, repeats: int, budget: float):
    """Run ``fn`` up to ``repeats`` times, stopping early once ``budget`` seconds are spent."""
    out, start = [], time.perf_counter()
    for _ in range(repeats):
        out.append(fn())
        if time.perf_counter() - start > budget:
            break
    return out


def run_case(impl: str, n: int, k: int, repeats: int, budget: float, workdir: Path) -> dict:
    """One implementation on one synthetic set, in this (fresh) process."""
    warnings.simplefilter("ignore")
    data = synthetic(n, k)
    data_rss = rss_mb()
    n_fixed = 50 if n * k <= (50_000_000 if impl == "ailabor" else 1_000_000) else 10

    def fixed():
        est = make_estimator(impl, n_fixed, -np.inf)
        est.fit(data)
        return float(np.median(np.diff(est.stamps)))

    def converge():
        est = make_estimator(impl, 100, TOL)
        t0 = time.perf_counter()
        est.fit(data)
        return time.perf_counter() - t0, est

    per_iter = repeat(fixed, repeats, budget)
    runs = repeat(converge, repeats, budget)
    est = runs[-1][1]
    out = {
        "impl": impl,
        "n": n,
        "k": k,
        "workers": int(data.worker.nunique()),
        "fixed_iters": n_fixed,
        "s_per_iter": float(np.median(per_iter)),
        "n_fixed_runs": len(per_iter),
        "s_converge": float(np.median([r[0] for r in runs])),
        "n_converge_runs": len(runs),
        "iters": len(est.loss_history_),
        "data_rss_mb": data_rss,
        "peak_rss_mb": peak_rss_mb(),
    }
    probas = est.probas_.sort_index()
    probas = probas[sorted(probas.columns)].to_numpy()
    path = workdir / f"probas_{n}_{k}.npy"
    if impl == "ailabor":
        np.save(path, probas)
    elif path.exists():
        ours = np.load(path)
        out["max_diff"] = float(np.abs(ours - probas).max())
        out["same_label"] = float((ours.argmax(1) == probas.argmax(1)).mean())
    return out


def write_parquet(n: int, k: int, workdir: Path, n_files: int = 20) -> Path:
    """The synthetic set as Parquet, one file per block of tasks (so partitioned by task)."""
    data = synthetic(n, k)
    out = workdir / f"labels_{n}_{k}"
    out.mkdir(exist_ok=True)
    bounds = np.linspace(0, data.task.max() + 1, n_files + 1).astype(int)
    starts = np.searchsorted(data.task.to_numpy(), bounds)
    for i in range(n_files):
        data.iloc[starts[i] : starts[i + 1]].to_parquet(out / f"part{i:03d}.parquet", index=False)
    return out


def run_dask(n: int, k: int, repeats: int, workdir: Path) -> dict:
    warnings.simplefilter("ignore")
    import logging

    from dask.distributed import Client, LocalCluster

    from ailabor.quality.dask_em import DaskDawidSkene

    logging.getLogger("distributed").setLevel(logging.ERROR)
    path = workdir / f"labels_{n}_{k}"
    base_rss = rss_mb()
    times = []
    with (
        LocalCluster(
            n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None
        ) as cluster,
        Client(cluster),
    ):
        for _ in range(repeats):
            t0 = time.perf_counter()
            est = DaskDawidSkene(n_iter=100, tol=TOL).fit(str(path), partitioned_by_task=True)
            times.append(time.perf_counter() - t0)
    out = {
        "impl": "ailabor-dask",
        "n": n,
        "k": k,
        "s_converge": float(np.median(times)),
        "n_converge_runs": len(times),
        "iters": est.n_iter_,
        "s_per_iter": float("nan"),
        "data_rss_mb": base_rss,
        "peak_rss_mb": peak_rss_mb(),
    }
    ours_path = workdir / f"probas_{n}_{k}.npy"
    if ours_path.exists():
        out["max_diff"] = float(np.abs(np.load(ours_path) - est.probas_.to_numpy()).max())
    return out


def subprocess_json(args: list[str]) -> dict | None:
    proc = subprocess.run(
        [sys.executable, __file__, *args], capture_output=True, text=True, check=False
    )
    if proc.returncode != 0:
        print(f"  FAILED {' '.join(args)}:\n{proc.stderr[-2000:]}", flush=True)
        return None
    return json.loads(proc.stdout.strip().splitlines()[-1])


def fmt(x, spec=".3g"):
    return "-" if x is None or (isinstance(x, float) and np.isnan(x)) else format(x, spec)


def print_table(rows: list[dict]) -> None:
    by = {(r["impl"], r["n"], r["k"]): r for r in rows}
    head = (
        f"{'labels':>10} {'K':>3} {'impl':<13} {'iters':>5} {'s/iter':>9} {'(runs)':>6} "
        f"{'s to conv':>9} {'(runs)':>6} {'data MB':>8} {'peak MB':>8} "
        f"{'iter x':>7} {'conv x':>7} {'max |dp|':>9}"
    )
    print("\n" + head + "\n" + "-" * len(head))
    for r in rows:
        ck = by.get(("crowd-kit", r["n"], r["k"]))
        it_x = conv_x = None
        if r["impl"] == "ailabor" and ck:
            it_x = ck["s_per_iter"] / r["s_per_iter"]
            conv_x = ck["s_converge"] / r["s_converge"]
        print(
            f"{r['n']:>10,} {r['k']:>3} {r['impl']:<13} {r['iters']:>5} "
            f"{fmt(r['s_per_iter'], '.4f'):>9} {r.get('n_fixed_runs', '-'):>6} "
            f"{r['s_converge']:>9.2f} {r['n_converge_runs']:>6} "
            f"{r['data_rss_mb']:>8.0f} {r['peak_rss_mb']:>8.0f} "
            f"{fmt(it_x, '.1f'):>7} {fmt(conv_x, '.1f'):>7} {fmt(r.get('max_diff'), '.2g'):>9}"
        )
    print(
        "iter x / conv x: crowd-kit seconds / ailabor seconds, same data, same run of this script; "
        "max |dp|: largest posterior difference from ailabor's in-memory fit."
    )


def peer_runs(n: int, k: int) -> bool:
    """Where crowd-kit finishes in reasonable time (see the skip message in main)."""
    return n <= 1_000_000 and not (n >= 1_000_000 and k == 100)


def targets(rows: list[dict]) -> None:
    by = {(r["impl"], r["n"], r["k"]): r for r in rows}
    print("\nTargets")
    for k in CLASSES:
        o, c = by.get(("ailabor", 1_000_000, k)), by.get(("crowd-kit", 1_000_000, k))
        if o and c:
            x = c["s_per_iter"] / o["s_per_iter"]
            print(
                f"  per-iteration speed-up at 1M labels, K={k}: {x:.1f}x (target >= 20x: "
                f"{'met' if x >= 20 else 'NOT met'})"
            )
    for k in CLASSES:
        o = by.get(("ailabor", 10_000_000, k))
        if o:
            ok = o["s_converge"] < 30 and o["peak_rss_mb"] < 4096
            print(
                f"  10M labels, K={k}, to convergence: {o['s_converge']:.1f} s, peak RSS "
                f"{o['peak_rss_mb']:.0f} MB (target < 30 s within 4 GB: {'met' if ok else 'NOT met'})"
            )
    diffs = [r["max_diff"] for r in rows if r["impl"] == "crowd-kit" and "max_diff" in r]
    if diffs:
        print(
            f"  largest posterior difference against crowd-kit: {max(diffs):.2g} "
            f"(target <= 1e-6: {'met' if max(diffs) <= 1e-6 else 'NOT met'})"
        )
    d = [r for r in rows if r["impl"] == "ailabor-dask"]
    for r in d:
        print(
            f"  Dask path, {r['n']:,} labels K={r['k']}: {r['s_converge']:.1f} s to convergence "
            f"({r['iters']} iterations), peak RSS {r['peak_rss_mb']:.0f} MB, max |dp| vs "
            f"in-memory {fmt(r.get('max_diff'), '.2g')}"
        )


def real_datasets(repeats: int, budget: float) -> None:
    """Both implementations on the mirror's truth_inference sets (integer labels)."""
    files = sorted(f for m in MIRRORS for f in m.glob("truth_inference/*/*/label.csv"))
    if not files:
        where = ", ".join(f"{m}/truth_inference" for m in MIRRORS)
        print(f"\nReal datasets: none found under {where} (skipped)")
        return
    warnings.simplefilter("ignore")
    print("\nReal datasets (truth_inference mirror), to convergence, median seconds (runs)")
    head = (
        f"{'dataset':<16} {'labels':>8} {'K':>3} {'iters ail/ck':>12} {'ailabor s':>10} "
        f"{'crowd-kit s':>12} {'conv x':>7} {'s/iter ail':>10} {'s/iter ck':>10} {'iter x':>7} {'max |dp|':>9}"
    )
    print(head + "\n" + "-" * len(head))
    for f in files:
        data = pd.read_csv(f, dtype="int64").rename(columns={"item": "task"})
        k = data.label.nunique()
        res = {}
        for impl in ("ailabor", "crowd-kit"):

            def converge(impl=impl, data=data):
                est = make_estimator(impl, 100, TOL)
                t0 = time.perf_counter()
                est.fit(data)
                return time.perf_counter() - t0, est

            runs = repeat(converge, repeats, budget)
            est = runs[-1][1]
            gaps = np.diff(est.stamps)
            res[impl] = (
                float(np.median([r[0] for r in runs])),
                len(runs),
                est,
                float(np.median(gaps)) if len(gaps) else float("nan"),
            )
        (a_s, a_n, a, a_it), (c_s, c_n, c, c_it) = res["ailabor"], res["crowd-kit"]
        pc = c.probas_.sort_index()
        pa = a.probas_.reindex(index=pc.index, columns=pc.columns)
        diff = float(np.abs(pa.to_numpy() - pc.to_numpy()).max())
        print(
            f"{f.parent.name:<16} {len(data):>8,} {k:>3} "
            f"{f'{a.n_iter_}/{len(c.loss_history_)}':>12} {f'{a_s:.3f} ({a_n})':>10} "
            f"{f'{c_s:.3f} ({c_n})':>12} {c_s / a_s:>7.1f} {a_it:>10.5f} {c_it:>10.5f} "
            f"{c_it / a_it:>7.1f} {diff:>9.2g}",
            flush=True,
        )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument(
        "--peer-budget", type=float, default=150, help="seconds per crowd-kit measurement"
    )
    ap.add_argument("--budget", type=float, default=400, help="seconds per ailabor measurement")
    ap.add_argument("--quick", action="store_true", help="100k and 1M labels only, no Dask")
    ap.add_argument("--sizes", type=int, nargs="+", help="label counts (default 100k 1M 10M)")
    ap.add_argument("--classes", type=int, nargs="+", default=list(CLASSES))
    ap.add_argument("--case", nargs=3, help=argparse.SUPPRESS)  # impl n k, run in a child
    ap.add_argument("--parquet", nargs=2, type=int, help=argparse.SUPPRESS)
    ap.add_argument("--dask", nargs=2, type=int, help=argparse.SUPPRESS)
    ap.add_argument("--workdir", help=argparse.SUPPRESS)
    args = ap.parse_args()

    if args.case:
        impl, n, k = args.case[0], int(args.case[1]), int(args.case[2])
        budget = args.budget if impl == "ailabor" else args.peer_budget
        print(json.dumps(run_case(impl, n, k, args.repeats, budget, Path(args.workdir))))
        return
    if args.parquet:
        write_parquet(*args.parquet, Path(args.workdir))
        print(json.dumps({}))
        return
    if args.dask:
        print(json.dumps(run_dask(*args.dask, min(args.repeats, 3), Path(args.workdir))))
        return

    import crowdkit

    print(
        f"crowd-kit {crowdkit.__version__ if hasattr(crowdkit, '__version__') else ''}; "
        f"{os.cpu_count()} CPUs; tol {TOL:g}; repeats {args.repeats}; crowd-kit budget "
        f"{args.peer_budget:g} s per measurement",
        flush=True,
    )
    sizes = args.sizes or (SIZES[:2] if args.quick else SIZES)
    rows: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="ailabor-bench-") as tmp:
        common = [
            "--repeats",
            str(args.repeats),
            "--budget",
            str(args.budget),
            "--peer-budget",
            str(args.peer_budget),
            "--workdir",
            tmp,
        ]
        for n in sizes:
            for k in args.classes:
                if n >= 10_000_000 and k == 100:
                    print(
                        f"skip {n:,} labels K={k}: 2M tasks x 100 classes in float64 needs "
                        "> 4 GB (several n_tasks x K arrays); not run",
                        flush=True,
                    )
                    continue
                impls = ["ailabor"] + (["crowd-kit"] if peer_runs(n, k) else [])
                if "crowd-kit" not in impls:
                    print(
                        f"skip crowd-kit at {n:,} labels K={k}: too slow (0.2-1.5 s an iteration "
                        "at 1M labels with K <= 5 and 0.4-1.7 s at 100k with K=100, depending on "
                        "load; x10 labels would take 10-30 min a case at 5 repeats)",
                        flush=True,
                    )
                for impl in impls:
                    t0 = time.perf_counter()
                    r = subprocess_json(["--case", impl, str(n), str(k), *common])
                    if r:
                        rows.append(r)
                        print(
                            f"  {impl} {n:,} K={k}: {r['iters']} iterations, "
                            f"{r['s_per_iter']:.4f} s/iter, {r['s_converge']:.2f} s to converge "
                            f"({time.perf_counter() - t0:.0f} s wall)",
                            flush=True,
                        )
        if not args.quick and 10_000_000 in sizes:
            n, k = 10_000_000, 5
            subprocess_json(["--parquet", str(n), str(k), *common])
            r = subprocess_json(["--dask", str(n), str(k), *common])
            if r:
                rows.append(r)
    print_table(rows)
    targets(rows)
    real_datasets(args.repeats, min(args.peer_budget, 60))


if __name__ == "__main__":
    main()
