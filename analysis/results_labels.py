"""Label aggregation against gold (label_benchmark) and the coverage of the worker-error
intervals in simulations shaped like the data: the numbers the labels section prints.

Usage: python analysis/results_labels.py OUT_DIR
Writes labels_results.json (raw), labels.json (formatted) and label_benchmark_table.csv
(the paper's table, formatted) to OUT_DIR. Fit seconds are machine-dependent and not used.
"""

import sys
from pathlib import Path

import pandas as pd

import ailabor
from ailabor.figures.labels import DATASET_NAMES
from ailabor.paper_format import f as _f
from ailabor.paper_format import pct, write_numbers, write_paper_csv, write_results
from ailabor.quality import TIE_RULE, OneCoinDawidSkene
from ailabor.quality.uncertainty import interval_coverage
from ailabor.quality.validate import METHOD_NAMES, MIN_GOLD_LABELS

out = Path(sys.argv[1])


def f(x: float, d: int = 2) -> str:
    """Fixed decimals with a true minus sign (U+2212), as print wants."""
    return _f(x, d).replace("-", "\u2212")


# Load inputs.
bench = ailabor.load_table("label_benchmark")
annotations = ailabor.load_table("annotations")

# Process data.
methods = list(dict.fromkeys(bench["method"]))
acc = bench.pivot(index="dataset", columns="method", values="label_accuracy")[methods]
rho = bench.pivot(index="dataset", columns="method", values="worker_rank_spearman")[methods]
info = bench.groupby("dataset").first()
# The two RTE copies are one dataset: count it once in the summaries.
distinct = [d for d in acc.index if d != "ti_rte"]
a, r = acc.loc[distinct], rho.loc[distinct]
best = a.eq(a.max(axis=1), axis=0).sum()
worst = a.eq(a.min(axis=1), axis=0).sum()
gain = a.sub(a["majority_vote"], axis=0)

n = {
    "lb_n_datasets": str(len(distinct)),
    "lb_n_rows": str(len(bench)),
    "lb_n_labels": f"{int(info.loc[distinct, 'n_labels_in_dataset'].sum()):,}",
    "lb_min_gold": str(MIN_GOLD_LABELS),
    "lb_ci_level": pct(0.95),
    "lb_tie_rule": TIE_RULE,
    "lb_rte_labels": f"{int(info.loc['ti_rte', 'n_labels_in_dataset']):,}",
    "lb_rte_items": f"{int(info.loc['ti_rte', 'n_tasks']):,}",
    "lb_rte_workers": f"{int(info.loc['ti_rte', 'n_workers']):,}",
    "lb_w241_gold_tasks": f"{int(info.loc['w241', 'n_gold_tasks']):,}",
    "lb_zen_dup_us": f"{int(info.loc['zencrowd_us', 'n_duplicate_pairs']):,}",
    "lb_zen_dup_in": f"{int(info.loc['zencrowd_in', 'n_duplicate_pairs']):,}",
}
for m in methods:
    n[f"lb_best_{m}"] = str(int(best[m]))
    n[f"lb_worst_{m}"] = str(int(worst[m]))
    n[f"lb_rho_median_{m}"] = f(r[m].median())
    if m != "majority_vote":
        n[f"lb_gain_median_{m}"] = f(100 * gain[m].median(), 1)
        n[f"lb_gain_min_{m}"] = f(100 * gain[m].min(), 1)
        n[f"lb_gain_max_{m}"] = f(100 * gain[m].max(), 1)
        n[f"lb_worse_{m}"] = str(int((gain[m] < 0).sum()))
for d in acc.index:
    n[f"lb_{d}_acc_min"], n[f"lb_{d}_acc_max"] = pct(acc.loc[d].min(), 1), pct(acc.loc[d].max(), 1)
    n[f"lb_{d}_rho_min"], n[f"lb_{d}_rho_max"] = f(rho.loc[d].min(), 3), f(rho.loc[d].max(), 3)
    for m in methods:
        n[f"lb_{d}_{m}_acc"] = pct(acc.loc[d, m], 1)
        n[f"lb_{d}_{m}_rho"] = f(rho.loc[d, m])

# Coverage of the worker-error intervals (one-coin Dawid-Skene) in data simulated on the real
# designs of Snow RTE and ZenCrowd US, from the one-coin model fitted to each.
real = {
    ds: annotations[annotations["dataset"] == ds][["task", "worker", "label"]]
    for ds in ("snow2008_rte", "zencrowd_us")
}
coverage = {
    "snow2008_rte_jeffreys": interval_coverage(real["snow2008_rte"], OneCoinDawidSkene, n_sim=50),
    "zencrowd_us_jeffreys": interval_coverage(real["zencrowd_us"], OneCoinDawidSkene, n_sim=50),
    "snow2008_rte_bootstrap": interval_coverage(
        real["snow2008_rte"], OneCoinDawidSkene, n_sim=10, method="bootstrap", n_boot=50
    ),
}
jeffreys_cov = [c["coverage"] for k, c in coverage.items() if k.endswith("jeffreys")]
n["lb_cov_near_nominal"] = "yes" if all(0.93 <= c <= 0.97 for c in jeffreys_cov) else "no"
for key, c in coverage.items():
    n[f"lb_cov_{key}"] = pct(c["coverage"], 1)
    n[f"lb_cov_{key}_width"] = f(c["mean_width"])
    n[f"lb_cov_{key}_nsim"] = str(c["n_sim"])

# The paper's table: accuracy (Spearman) per dataset x method, datasets in the figure's order.
order = [d for d in DATASET_NAMES if d in acc.index]
rows = []
for d in order:
    row = {
        "Dataset": DATASET_NAMES[d],
        "Labels": f"{int(info.loc[d, 'n_labels_in_dataset']):,}",
        "Gold tasks": f"{int(info.loc[d, 'n_gold_tasks']):,}",
        "K": str(int(info.loc[d, "n_classes"])),
    }
    top = acc.loc[d].max()
    for m in methods:
        mark = "*" if acc.loc[d, m] == top else ""
        row[METHOD_NAMES[m]] = f"{pct(acc.loc[d, m], 1)}{mark} ({f(rho.loc[d, m])})"
    rows.append(row)
table = pd.DataFrame(rows)

res = {
    "label_benchmark": bench.drop(columns="fit_seconds").to_dict("records"),
    "best_counts": best.to_dict(),
    "gain_over_majority_vote": gain.to_dict(),
    "interval_coverage": coverage,
}

# Save outputs.
write_results(res, out / "labels_results.json")
write_numbers(n, out / "labels.json")
write_paper_csv(table, out / "label_benchmark_table.csv")
print(f"wrote {len(table)} rows to {out / 'label_benchmark_table.csv'}")
