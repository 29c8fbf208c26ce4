"""Commands that report on or publish the built data: validate-labels, pay-summary, docs, release."""

from __future__ import annotations

import argparse

from ailabor import config


def cmd_validate_labels(args: argparse.Namespace) -> int:
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


def cmd_pay_summary(args: argparse.Namespace) -> int:
    from ailabor.pay_summary import summary_lines

    for line in summary_lines():
        print(line)
    return 0


def cmd_docs(args: argparse.Namespace) -> int:
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


def cmd_release(args: argparse.Namespace) -> int:
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
