"""`make fuzz`: >= 10,000 hypothesis-generated inputs at every parser and public loader.

Prints one row per entry point: inputs, the package's own errors, inputs read
without error, and foreign exceptions (the target is 0), then the first example
of each foreign exception type. Exits 1 when any foreign exception was seen.

    python tests/fuzz/run_fuzz.py [--per-entry N] [--seed S]
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # `tests` as a package

from tests.fuzz.harness import entry_points, fuzz_all  # noqa: E402

TOTAL_TARGET = 10_000


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--per-entry", type=int, default=None, help="inputs per entry point")
    p.add_argument("--seed", type=int, default=11)
    args = p.parse_args(argv)
    n = args.per_entry or math.ceil(TOTAL_TARGET / len(entry_points()))
    t0 = time.monotonic()
    print(
        f"{'entry point':<40} {'inputs':>7} {'own errors':>10} {'read ok':>8} {'foreign':>8} {'s':>6}"
    )

    def row(name, t, secs):
        print(
            f"{name:<40} {t.inputs:>7} {t.own_errors:>10} {t.ok:>8} {t.n_foreign:>8} {secs:>6.1f}"
        )
        sys.stdout.flush()

    results = fuzz_all(n, seed=args.seed, report=row)
    total = sum(t.inputs for t in results.values())
    foreign = sum(t.n_foreign for t in results.values())
    print(f"{'TOTAL':<40} {total:>7} {'':>10} {'':>8} {foreign:>8} {time.monotonic() - t0:>6.1f}")
    for name, t in results.items():
        for key, n_exc in t.foreign.most_common():
            print(f"  {name}: {n_exc} x {key}; first: {t.examples[key]}")
    return 1 if foreign else 0


if __name__ == "__main__":
    sys.exit(main())
