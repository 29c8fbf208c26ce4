"""Startup benchmark: how fast ailabor starts, against the targets of the pipeline issue.

Usage: python bench/bench_startup.py [--repeats N] [--no-make]

Prints the median wall time over N runs of:
- ``python -c "import ailabor"`` (and the in-process import time), and which heavy libraries
  the import loaded (target: none of pandas, scipy, statsmodels, matplotlib);
- ``ailabor --help``;
- a no-op ``make all`` after a full build (the first ``make all`` is run untimed to build).
The peer is the target itself: ratio = measured / target (below 1 meets it).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
HEAVY = ("pandas", "scipy", "statsmodels", "matplotlib", "seaborn", "bs4", "numpy")
TARGETS_S = {"import ailabor": 0.3, "ailabor --help": 0.5, "no-op make all": 1.0}


def wall(cmd: list[str], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def import_probe() -> dict:
    code = (
        "import json, sys, time; t0 = time.perf_counter(); import ailabor; "
        "dt = time.perf_counter() - t0; "
        f"print(json.dumps({{'s': dt, 'heavy': [m for m in {HEAVY!r} if m in sys.modules]}}))"
    )
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeats", type=int, default=7)
    ap.add_argument("--no-make", action="store_true", help="skip the make all measurement")
    args = ap.parse_args()
    rows = []
    probe = import_probe()
    rows.append(("import ailabor", wall([sys.executable, "-c", "import ailabor"], args.repeats)))
    rows.append(("ailabor --help", wall([str(BIN / "ailabor"), "--help"], args.repeats)))
    if not args.no_make:
        subprocess.run(["make", "all"], cwd=ROOT, check=True, capture_output=True)
        rows.append(("no-op make all", wall(["make", "all"], args.repeats)))
    print(f"{'measure':<18} {'median s':>9} {'target s':>9} {'ratio':>6}  meets")
    ok = True
    for name, secs in rows:
        target = TARGETS_S[name]
        ok &= secs <= target
        print(
            f"{name:<18} {secs:>9.3f} {target:>9.2f} {secs / target:>6.2f}  {'yes' if secs <= target else 'NO'}"
        )
    print(f"in-process import time: {probe['s']:.3f} s")
    heavy = probe["heavy"]
    print(f"heavy libraries loaded by `import ailabor`: {', '.join(heavy) if heavy else 'none'}")
    ok &= not heavy
    print(f"all startup targets met: {'yes' if ok else 'NO'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
