"""Issue 11, item 5: a seeded, small run of the `make fuzz` harness (a few hundred inputs).

Every parser this package owns and the public loaders raise only the package's own
errors. ``read_annotations`` is fuzzed by `make fuzz` too (its strict reader is issue 13).
"""

from __future__ import annotations

import time

from tests.fuzz.harness import fuzz_all


def test_seeded_fuzz_finds_no_foreign_exceptions():
    t0 = time.monotonic()
    results = fuzz_all(n_per_entry=40, seed=20261123, only_owned=True)
    assert time.monotonic() - t0 < 30
    assert sum(t.inputs for t in results.values()) >= 400
    foreign = {name: dict(t.foreign) for name, t in results.items() if t.n_foreign}
    examples = {name: t.examples for name, t in results.items() if t.n_foreign}
    assert foreign == {}, examples
    # The harness is not vacuous: it reaches both outcomes for every parser.
    for name, t in results.items():
        assert t.own_errors > 0, name
        if not name.startswith("ailabor.load"):
            assert t.ok > 0, name
