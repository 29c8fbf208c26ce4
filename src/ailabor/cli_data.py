"""Commands that fetch, check and build the data: sources, fetch, pin, verify, build, summary."""

from __future__ import annotations

import argparse
import os
import sys
import time

from ailabor import config


def cmd_sources(args: argparse.Namespace) -> int:
    from ailabor.fetch import snapshot_status
    from ailabor.sources import registry

    rows = []
    for src in registry().values():
        rows.append(
            (
                src.source_id,
                snapshot_status(src),
                "yes" if src.is_redistributable else "NO",
                src.licence,
            )
        )
    w = max(len(r[0]) for r in rows)
    print(f"{'source_id':<{w}}  {'snapshot':<14}  redistributable  licence")
    for sid, status, redis, lic in rows:
        print(f"{sid:<{w}}  {status:<14}  {redis:<15}  {lic}")
    mirrors = config.mirror_dirs()
    print(f"\nmirror: {', '.join(map(str, mirrors)) if mirrors else '(none; set AILABOR_MIRROR)'}")
    print(f"raw data: {config.raw_dir()}")
    return 0


def _summary_follows() -> bool:
    """`make all` ends with `ailabor summary`, which says the one thing to do: the steps
    before it (run with AILABOR_END_SUMMARY=1) do not repeat it."""
    return os.environ.get("AILABOR_END_SUMMARY", "") == "1"


def cmd_fetch(args: argparse.Namespace) -> int:
    from ailabor.fetch import fetch_sources
    from ailabor.sources import get_source, registry

    ids = args.sources or list(registry())
    sources = [get_source(s) for s in ids]
    t0 = time.monotonic()
    results = fetch_sources(sources, force=args.force, progress=not args.quiet)
    return _report_fetch(results, len(sources), time.monotonic() - t0, args.keep_going)


def _report_fetch(results, n_sources: int, seconds: float, keep_going: bool) -> int:
    """One summary line, one line per source that could not be fetched, one thing to do."""
    from ailabor.http import mirror_hint

    fetched = sum(r.status == "fetched" for r in results)
    unchanged = sum(r.status == "unchanged" for r in results)
    bad = [r for r in results if r.status in ("failed", "not tried")]
    ok_sources = {r.source_id for r in results} - {r.source_id for r in bad}
    print(
        f"fetch: {len(ok_sources)}/{n_sources} sources complete; files: {fetched} fetched, "
        f"{unchanged} unchanged, {len(bad)} not fetched ({seconds:.1f} s) -> {config.raw_dir()}"
    )
    by_source: dict[str, list] = {}
    for r in bad:
        by_source.setdefault(r.source_id, []).append(r)
    for sid, rs in by_source.items():
        n = sum(r.source_id == sid for r in results)
        first = next((r for r in rs if r.status == "failed"), rs[0])
        print(
            f"NOT FETCHED {sid} ({len(rs)}/{n} files): {first.why or first.detail}", file=sys.stderr
        )
    unpinned = sorted({r.source_id for r in results if not r.is_pinned})
    if unpinned:
        print(
            f"warning: no pinned sha256 yet for {', '.join(unpinned)}: their bytes were not "
            f"checked. Record them with `ailabor pin {' '.join(unpinned)}` (or `make pin`) and "
            "commit src/ailabor/sources/pins.csv.",
            file=sys.stderr,
        )
    if bad:
        pin_refused = [r for r in bad if "pinned sha256" in r.why]
        for r in pin_refused:
            print(f"  {r.detail}", file=sys.stderr)
        if len(pin_refused) < len(bad) and not _summary_follows():
            print(f"To get the sources not fetched: {mirror_hint()}", file=sys.stderr)
        return 0 if keep_going else 1
    return 0


def cmd_pin(args: argparse.Namespace) -> int:
    from ailabor.fetch import fetch_sources, find_in_mirror
    from ailabor.provenance import read_meta, verify_snapshot
    from ailabor.sources import get_source, registry
    from ailabor.sources.pins import Pin, pins_path, write_pins
    from ailabor.storage import sha256_file

    sources = [get_source(s) for s in (args.sources or list(registry()))]
    if args.refresh:
        results = fetch_sources(
            sources, force=True, progress=False, use_pins=False, use_mirror=False
        )
        if _report_fetch(results, len(sources), 0.0, keep_going=False):
            print(
                "ailabor pin: nothing pinned: the refresh did not fetch every file", file=sys.stderr
            )
            return 1
    pins, missing, changed = [], [], 0
    from ailabor.sources.pins import pin_for

    for src in sources:
        for f in src.files:
            snap = src.raw_dir / f.name
            copy = None if args.refresh else find_in_mirror(src, f)
            if copy is not None:
                digest, size = sha256_file(copy), copy.stat().st_size
            elif snap.exists() and verify_snapshot(snap).ok:
                meta = read_meta(snap)
                digest, size = meta.sha256, meta.bytes
            else:
                missing.append(f"{src.source_id}/{f.name}")
                continue
            old = pin_for(src.source_id, f.name)
            changed += old is None or old.sha256 != digest
            pins.append(Pin(src.source_id, f.name, digest, size))
    if missing:
        print(
            f"ailabor pin: error: no mirror copy or intact snapshot of {', '.join(missing)}; "
            "nothing pinned. Fetch them first (`ailabor fetch`), or use --refresh for a live page.",
            file=sys.stderr,
        )
        return 1
    path = write_pins(pins, {s.source_id for s in sources})
    print(
        f"pin: {len(pins)} files of {len(sources)} sources pinned, {changed} new or changed -> {path}"
    )
    if changed:
        print(f"Review and commit {pins_path().name} (git diff shows what changed).")
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    from ailabor.provenance import iter_snapshots, read_meta, verify_snapshot
    from ailabor.sources.pins import pin_for

    bad = []
    n = 0
    raw = config.raw_dir()
    for path in iter_snapshots(raw):
        n += 1
        res = verify_snapshot(path)
        if not res.ok:
            bad.append((path, res.reason))
            continue
        rel = path.relative_to(raw).as_posix().split("/", 1)
        pin = pin_for(rel[0], rel[1]) if len(rel) == 2 else None
        meta = read_meta(path)
        if pin is not None and meta is not None and meta.sha256 != pin.sha256:
            bad.append((path, f"sha256 {meta.sha256} differs from the pinned {pin.sha256}"))
    for path, reason in bad:
        print(f"CORRUPT {path}: {reason}", file=sys.stderr)
    print(f"verify: {n - len(bad)}/{n} snapshots match their sidecars and pins")
    if bad:
        print(
            "To replace them: `ailabor fetch --force` (from the mirror or the network).",
            file=sys.stderr,
        )
    return 1 if bad else 0


def cmd_build(args: argparse.Namespace) -> int:
    from ailabor.build import build_all

    t0 = time.monotonic()
    if not args.quiet:
        print("build:")
    results = build_all(force=args.force, quiet=args.quiet)
    built = [r for r in results if r.status == "built"]
    fresh = [r for r in results if r.status == "up-to-date"]
    not_built = [r for r in results if r.status in ("skipped", "failed")]
    by_table = {r.table: r.report for r in built + fresh}
    flags = len(by_table.get("country_year", {}).get("min_wage_flagged", []))
    flags += by_table.get("us_state_min_wage", {}).get("suspect_cells", 0)
    quarantined = sum(
        sum(v.values())
        for v in by_table.get("annotations", {}).get("quarantined_responses", {}).values()
    )
    quarantined += len(by_table.get("us_state_min_wage", {}).get("unparsed_cells", []))
    print(
        f"build: {len(built)} built, {len(fresh)} up to date, {len(not_built)} not built "
        f"({sum(r.rows for r in built + fresh)} rows; {flags} values flagged; {quarantined} rows quarantined; "
        f"{time.monotonic() - t0:.1f} s) -> {config.processed_dir()}"
    )
    rebuilt = {r.table for r in built}
    return _report_not_built(not_built, args.keep_going, rebuilt)


def _report_not_built(not_built, keep_going: bool, rebuilt: set[str] = frozenset()) -> int:
    """Each table not built, once, with why; stale outputs removed; the one thing to do."""
    from ailabor.http import mirror_hint

    if not not_built:
        return 0
    for r in not_built:
        print(f"NOT BUILT {r.table}: {r.detail}", file=sys.stderr)
    removed = sorted({t for r in not_built for t in r.removed} - set(rebuilt))
    if removed:
        print(
            f"removed stale output of {', '.join(removed)} (built from inputs that are now "
            "missing or corrupt)",
            file=sys.stderr,
        )
    missing = sorted({s for r in not_built for s in r.missing_sources})
    corrupt = sorted({s for r in not_built for s in r.corrupt_sources})
    if corrupt:
        print(
            f"To repair {', '.join(corrupt)}: `ailabor fetch --force {' '.join(corrupt)}`",
            file=sys.stderr,
        )
    if missing and not _summary_follows():
        print(f"To get {', '.join(missing)}: {mirror_hint()}", file=sys.stderr)
    if keep_going:
        return 0
    print(
        "ailabor build: exit 1 because tables were not built (--keep-going to exit 0)",
        file=sys.stderr,
    )
    return 1


def cmd_summary(args: argparse.Namespace) -> int:
    """The end-of-run summary of `make all`: what was built, what was not, the one thing to do.

    Cheap when everything is there (it reads the declarations and the sidecars only); it
    looks at the snapshots only for the tables that are missing.
    """
    from pathlib import Path

    from ailabor import schemas, storage

    built = [t for t in schemas.TABLES if storage.read_meta(t) is not None]
    built = [t for t in built if storage.table_paths(t)["parquet"].exists()]
    not_built = [t for t in schemas.TABLES if t not in built]
    figures = config.project_root() / "paper" / "figures"
    pdf = config.project_root() / "paper" / "ailabor.pdf"
    # Every figure an analysis script draws (analysis/fig_<name>.py), drawn or not.
    scripts = sorted((config.project_root() / "analysis").glob("fig_*.py"))
    expected = [figures / f"{p.stem.removeprefix('fig_')}.png" for p in scripts]
    outputs = [Path(o) for o in args.outputs] or [*expected, pdf]
    made = [o for o in outputs if o.exists()]
    line = f"summary: {len(built)}/{len(schemas.TABLES)} tables built"
    line += f", {len(made)}/{len(outputs)} figures and paper made"
    print(line + ".")
    if len(made) < len(outputs):
        root = config.project_root()
        gone = [
            o.relative_to(root) if o.is_relative_to(root) else o for o in outputs if not o.exists()
        ]
        print(f"  not made: {', '.join(map(str, gone))}")
    missing, corrupt = set(), set()
    if not_built:
        from ailabor.build import producer, unusable_sources
        from ailabor.http import mirror_hint

        print(f"  not built: {', '.join(not_built)}")
        for mod in {producer(t) for t in not_built}:
            miss, bad = unusable_sources(mod)
            missing.update(m.split(" ")[0] for m in miss)
            corrupt.update(bad)
        if missing:
            print(f"  sources missing: {', '.join(sorted(missing))}")
        if corrupt:
            print(f"  sources corrupt: {', '.join(sorted(corrupt))}")
            print(
                f"  to do: `ailabor fetch --force {' '.join(sorted(corrupt))}` (corrupt snapshots)"
            )
        elif missing:
            print(f"  to do: {mirror_hint()}")
    complete = not not_built and len(made) == len(outputs)
    if args.strict and not complete:
        print("STRICT=1: exit 1 because not everything was built", file=sys.stderr)
        return 1
    return 0
