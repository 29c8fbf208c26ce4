"""Command line: ``ailabor sources | fetch | verify | build | ...``.

Every command prints a short summary and exits non-zero with a one-line reason
on failure.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence

from ailabor import config
from ailabor.errors import AilaborError


def _cmd_sources(args: argparse.Namespace) -> int:
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


def _cmd_fetch(args: argparse.Namespace) -> int:
    from ailabor.fetch import fetch_sources
    from ailabor.http import MIRROR_HINT
    from ailabor.sources import get_source, registry

    ids = args.sources or list(registry())
    sources = [get_source(s) for s in ids]
    t0 = time.monotonic()
    results = fetch_sources(sources, force=args.force, progress=not args.quiet)
    fetched = sum(r.status == "fetched" for r in results)
    unchanged = sum(r.status == "unchanged" for r in results)
    failed = [r for r in results if r.status == "failed"]
    ok_sources = {r.source_id for r in results} - {r.source_id for r in failed}
    print(
        f"fetch: {len(ok_sources)}/{len(sources)} sources complete; files: {fetched} fetched, "
        f"{unchanged} unchanged, {len(failed)} failed ({time.monotonic() - t0:.1f} s) -> {config.raw_dir()}"
    )
    if failed:
        print("could not fetch:", file=sys.stderr)
        for r in failed:
            print(f"  {r.source_id}/{r.name}: {r.detail}", file=sys.stderr)
        failed_ids = sorted({r.source_id for r in failed})
        print(
            f"sources not reached: {', '.join(failed_ids)}. How to get them: {MIRROR_HINT}",
            file=sys.stderr,
        )
        return 0 if args.keep_going else 1
    return 0


def _cmd_verify(args: argparse.Namespace) -> int:
    from ailabor.provenance import iter_snapshots, verify_snapshot

    bad = []
    n = 0
    for path in iter_snapshots(config.raw_dir()):
        n += 1
        res = verify_snapshot(path)
        if not res.ok:
            bad.append(res)
    for res in bad:
        print(f"CORRUPT {res.path}: {res.reason}", file=sys.stderr)
    print(f"verify: {n - len(bad)}/{n} snapshots match their sidecars")
    return 1 if bad else 0


def _cmd_build(args: argparse.Namespace) -> int:
    from ailabor.build import build_all

    t0 = time.monotonic()
    print("build:")
    results = build_all(force=args.force)
    built = [r for r in results if r.status == "built"]
    fresh = [r for r in results if r.status == "up-to-date"]
    skipped = [r for r in results if r.status == "skipped"]
    by_table = {r.table: r.report for r in built + fresh}
    flags = len(by_table.get("country_year", {}).get("min_wage_flagged", []))
    flags += by_table.get("us_state_min_wage", {}).get("suspect_cells", 0)
    quarantined = sum(
        sum(v.values())
        for v in by_table.get("annotations", {}).get("quarantined_responses", {}).values()
    )
    quarantined += len(by_table.get("us_state_min_wage", {}).get("unparsed_cells", []))
    print(
        f"build: {len(built)} built, {len(fresh)} up to date, {len(skipped)} skipped "
        f"({sum(r.rows for r in built + fresh)} rows; {flags} values flagged; {quarantined} rows quarantined; "
        f"{time.monotonic() - t0:.1f} s) -> {config.processed_dir()}"
    )
    for r in skipped:
        stale = " (its previous output was removed: it was stale)" if r.removed_stale else ""
        print(f"NOT BUILT {r.table}: {r.detail}{stale}", file=sys.stderr)
    return 1 if skipped and not args.keep_going else 0


def _cmd_validate_labels(args: argparse.Namespace) -> int:
    import pandas as pd

    from ailabor.catalog import load_table
    from ailabor.quality import TIE_RULE
    from ailabor.quality.validate import MIN_GOLD_LABELS

    t = load_table("label_benchmark")
    acc = t.pivot(index="dataset", columns="method", values="label_accuracy")
    rho = t.pivot(index="dataset", columns="method", values="worker_rank_spearman")
    order = list(dict.fromkeys(t["method"]))
    info = t.groupby("dataset", sort=False)[
        ["n_labels_in_dataset", "n_workers", "n_classes", "n_gold_tasks", "n_workers_ranked"]
    ].first()
    with pd.option_context("display.width", 200, "display.max_columns", 50, "display.precision", 3):
        print("label_benchmark: aggregated labels against gold (share of gold tasks right)")
        print(info.join(acc[order]).loc[info.index].to_string())
        print(
            f"\nSpearman of gold-free worker accuracy with accuracy against gold "
            f"(workers with >= {MIN_GOLD_LABELS} gold-labelled answers; majority vote: agreement)"
        )
        print(rho.loc[info.index, order].to_string())
        secs = t.pivot(index="dataset", columns="method", values="fit_seconds")
        its = t.pivot(index="dataset", columns="method", values="n_iterations")
        print("\nEM iterations (fit seconds: machine-dependent)")
        print(
            its.loc[info.index, order]
            .astype(str)
            .add(" (")
            .add(secs.loc[info.index, order].map(lambda v: f"{v:.2f} s"))
            .add(")")
            .to_string()
        )
    print(f"\nTie rule: {TIE_RULE}.")
    best = acc[order].eq(acc[order].max(axis=1), axis=0).sum()
    print(
        "datasets where the method is the most accurate (ties count for each): "
        + ", ".join(f"{m} {n}" for m, n in best.items())
    )
    return 0


def _cmd_pay_summary(args: argparse.Namespace) -> int:
    from ailabor.pay_summary import summary_lines

    for line in summary_lines():
        print(line)
    return 0


def _cmd_docs(args: argparse.Namespace) -> int:
    from ailabor.docs import data_dictionary_markdown, update_readme

    readme = config.project_root() / "README.md"
    readme.write_text(update_readme(readme.read_text(encoding="utf-8")), encoding="utf-8")
    out = config.project_root() / "docs" / "data_dictionary.md"
    out.parent.mkdir(parents=True, exist_ok=True)
    text = data_dictionary_markdown()
    out.write_text(text, encoding="utf-8")
    from ailabor import schemas

    print(f"docs: {len(schemas.TABLES)} tables, {len(schemas.COLUMNS)} columns -> {out}")
    return 0


def _cmd_release(args: argparse.Namespace) -> int:
    from tqdm.auto import tqdm

    from ailabor.release import write_release

    res = write_release(
        progress=lambda xs: tqdm(xs, desc="release", unit="table", disable=args.quiet)
    )
    print(
        f"release: {res['tables']} tables, {res['rows']} rows, {res['provenance_records']} provenance records, "
        f"{len(res['excluded'])} exclusions ({res['seconds']:.1f} s) -> {res['path']}"
    )
    for e in res["excluded"]:
        what = e.get("columns") or e.get("rows") or "whole table"
        print(f"  left out of {e['table']}: {what}: {e['reason']}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    from ailabor.version import __version__

    p = argparse.ArgumentParser(
        prog="ailabor",
        description="Build and check the ailabor dataset on AI data workers' pay and label quality.",
    )
    p.add_argument("--version", action="version", version=f"ailabor {__version__}")
    sub = p.add_subparsers(dest="command", required=True)

    s = sub.add_parser("sources", help="list registered sources with licence and snapshot status")
    s.set_defaults(func=_cmd_sources)

    s = sub.add_parser("fetch", help="fetch sources into data/raw (mirror first, then network)")
    s.add_argument("sources", nargs="*", help="source ids (default: all)")
    s.add_argument("--force", action="store_true", help="fetch again even if unchanged")
    s.add_argument("--quiet", action="store_true", help="no progress bars")
    s.add_argument(
        "--keep-going",
        action="store_true",
        help="exit 0 when some sources could not be fetched (they are still listed)",
    )
    s.set_defaults(func=_cmd_fetch)

    s = sub.add_parser("verify", help="re-hash every snapshot against its sidecar")
    s.set_defaults(func=_cmd_verify)

    s = sub.add_parser("docs", help="write docs/data_dictionary.md from the schema definitions")
    s.set_defaults(func=_cmd_docs)

    s = sub.add_parser(
        "release", help="write dist/ailabor-data-<version>/ (tables, datapackage.json, provenance)"
    )
    s.add_argument("--quiet", action="store_true", help="no progress bar")
    s.set_defaults(func=_cmd_release)

    s = sub.add_parser(
        "pay-summary", help="Sama Kenya vs minimum wage; MTurk median vs US federal minimum"
    )
    s.set_defaults(func=_cmd_pay_summary)

    s = sub.add_parser(
        "validate-labels",
        help="print label_benchmark: every aggregation method against gold on every dataset",
    )
    s.set_defaults(func=_cmd_validate_labels)

    s = sub.add_parser(
        "build", help="build the tidy tables in data/processed (skips what is up to date)"
    )
    s.add_argument(
        "--force", action="store_true", help="rebuild even if inputs and code are unchanged"
    )
    s.add_argument(
        "--keep-going",
        action="store_true",
        help="exit 0 when some tables could not be built (they are still listed)",
    )
    s.set_defaults(func=_cmd_build)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except AilaborError as exc:
        print(f"ailabor {args.command}: error: {exc}", file=sys.stderr)
        return 1
    except KeyError as exc:
        print(f"ailabor {args.command}: error: {exc.args[0]}", file=sys.stderr)
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
