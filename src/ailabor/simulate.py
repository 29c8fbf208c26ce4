"""Simulate the W241 experiment as it ran, to check every interval and test the paper reports.

The simulated experiment keeps what the real one had:

- the real schedule: 2 weeks x 4 slots (Saturday/Sunday, night/day), with the real pay
  in each slot (data/curated/w241_postings.csv), not a random pay order;
- a shock per posting on accuracy and on completion (who is online, time of day), its
  spread calibrated to the observed between-posting spread (:func:`calibrate`), plus an
  optional systematic night effect;
- workers with a latent ability (logit accuracy), its spread calibrated to the observed
  spread of finishers' accuracy;
- first-page abandonment that depends on pay and on the latent ability, so pay can
  change who finishes (the selection that Lee bounds address); quitters save no answers;
- finishers answer all 48 questions.

For each run :func:`evaluate_run` computes, for accuracy and completion pooled over the
two weeks, whether each interval covers the target and whether each test rejects at
ALPHA; :func:`check_estimators` averages over runs and reports Monte Carlo standard
errors. The target of the odds-ratio methods is the population logistic slope of the
outcome on pay among finishers (accuracy) or starters (completion), without posting
shocks; of the linear methods, the weighted least-squares slope of the same means.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ailabor.models.inference import (
    ALPHA,
    Z,
    binomial_irls,
    design_matrix,
    wild_cluster_bootstrap,
)
from ailabor.models.permutation import (
    assignment_matrix,
    batched_binomial_slopes,
    linked_assignment_matrix,
)

QUESTIONS = 48
STEP = 0.10
# Defaults for a run without data (tests); the paper's run uses calibrate(workers).
DEFAULTS = {
    "base_accuracy": 0.65,
    "base_completion": 0.62,
    "accuracy_logodds_per_step": 0.13,
    "completion_logodds_per_step": 0.37,
    "posting_sd_accuracy": 0.45,
    "posting_sd_completion": 0.9,
    "worker_sd": 1.0,
    "selection_on_ability": 0.5,
    "night_accuracy_logodds": 0.0,
    "night_completion_logodds": 0.0,
    "starters_per_posting": 166,
}


def schedule() -> pd.DataFrame:
    """The 8 main postings: replication, slot, night, pay (from the curated design file)."""
    from ailabor.sources.w241 import POSTINGS

    p = POSTINGS[POSTINGS["is_main_design"]]
    return pd.DataFrame(
        {
            "posting_id": p["posting_id"].to_numpy(),
            "replication": p["replication"].to_numpy(),
            "slot": p["slot"].to_numpy(),
            "night": (p["time_of_day"] == "night").to_numpy(float),
            "pay_per_task_usd": p["pay_per_task_usd"].to_numpy(float),
        }
    )


def _logit(p):
    return np.log(p / (1 - p))


def _expit(x):
    return 1 / (1 + np.exp(-x))


def simulate_w241(seed: int, plan: pd.DataFrame | None = None, **params) -> pd.DataFrame:
    """One simulated experiment on the real schedule; one row per starter with the
    columns the models read. Effects are on the log-odds scale per +$0.10 per HIT,
    counted from the lowest pay."""
    prm = {**DEFAULTS, **params}
    plan = schedule() if plan is None else plan
    rng = np.random.default_rng(seed)
    low = plan["pay_per_task_usd"].min()
    rows = []
    for _, p in plan.iterrows():
        steps = (p["pay_per_task_usd"] - low) / STEP
        n = rng.poisson(prm["starters_per_posting"])
        ability = rng.normal(0, prm["worker_sd"], n)
        eta_c = (
            _logit(prm["base_completion"])
            + prm["completion_logodds_per_step"] * steps
            + prm["night_completion_logodds"] * p["night"]
            + rng.normal(0, prm["posting_sd_completion"])
            + prm["selection_on_ability"] * ability
        )
        eta_a = (
            _logit(prm["base_accuracy"])
            + prm["accuracy_logodds_per_step"] * steps
            + prm["night_accuracy_logodds"] * p["night"]
            + rng.normal(0, prm["posting_sd_accuracy"])
            + ability
        )
        completed = rng.random(n) < _expit(eta_c)
        answered = np.where(completed, QUESTIONS, 0)
        correct = rng.binomial(answered, _expit(eta_a))
        rows.append(
            pd.DataFrame(
                {
                    "dataset": "w241",
                    "posting_id": p["posting_id"],
                    "replication": p["replication"],
                    "slot": p["slot"],
                    "night": p["night"],
                    "is_main_design": True,
                    "pay_per_task_usd": p["pay_per_task_usd"],
                    "completed": completed.astype(float),
                    "one": 1.0,
                    "n_gold_labels": answered.astype(float),
                    "n_correct": correct.astype(float),
                }
            )
        )
    return pd.concat(rows, ignore_index=True)


def targets(plan: pd.DataFrame | None = None, **params) -> dict:
    """The estimands: population slopes (no posting shocks) of accuracy among finishers and
    of completion among starters on pay, by Gauss-Hermite integration over ability."""
    prm = {**DEFAULTS, **params}
    plan = schedule() if plan is None else plan
    pays = np.sort(plan["pay_per_task_usd"].unique())
    steps = (pays - pays.min()) / STEP
    x, wq = np.polynomial.hermite_e.hermegauss(60)
    wq = wq / wq.sum()
    a = prm["worker_sd"] * x
    pc = _expit(
        _logit(prm["base_completion"])
        + prm["completion_logodds_per_step"] * steps[:, None]
        + prm["selection_on_ability"] * a[None]
    )
    pa = _expit(
        _logit(prm["base_accuracy"]) + prm["accuracy_logodds_per_step"] * steps[:, None] + a
    )
    comp = pc @ wq
    acc = (pc * pa) @ wq / comp
    X = np.column_stack([np.ones_like(pays), pays])
    out = {}
    for name, rate, wt in (
        ("accuracy", acc, comp * QUESTIONS),
        ("completion", comp, np.ones_like(comp)),
    ):
        beta = binomial_irls(X, rate * wt * 1e4, wt * 1e4)
        lin = np.linalg.lstsq(X * np.sqrt(wt)[:, None], rate * np.sqrt(wt), rcond=None)[0]
        out[name] = {"logodds_per_unit": float(beta[1]), "linear_per_unit": float(lin[1])}
    return out


OUTCOME_COLUMNS = {"accuracy": ("n_correct", "n_gold_labels"), "completion": ("completed", "one")}


def _glm_cluster_z(tot, succ, trials, n_obs, covariates=()):
    """Posting-level logistic fit and its CR1 cluster-robust (posting) standard error, as
    statsmodels computes it for the response-level GLM (same scores, same correction)."""
    X = design_matrix(tot, "pay_per_task_usd", "replication", covariates).to_numpy(float)
    s, n = tot[succ].to_numpy(float), tot[trials].to_numpy(float)
    beta = binomial_irls(X, s, n)
    mu = _expit(X @ beta)
    bread = np.linalg.inv(X.T @ (X * (n * mu * (1 - mu))[:, None]))
    scores = X * (s - n * mu)[:, None]
    G, k = X.shape
    adj = G / (G - 1) * (n_obs - 1) / (n_obs - k)
    cov = adj * bread @ (scores.T @ scores) @ bread
    return float(beta[1]), float(np.sqrt(cov[1, 1]))


def _perm_p(X0, s, n, assign, b0):
    """Permutation p-value of H0: slope = b0 (binomial, offset), for a fixed design X0."""
    est = binomial_irls(X0, s, n)[1]
    Xb = np.repeat(X0[None], len(assign), axis=0)
    Xb[:, :, 1] = assign
    st = batched_binomial_slopes(Xb, s, n, b0 * X0[:, 1], 1)
    st = st[np.isfinite(st)]
    return float(np.mean(np.abs(st) >= abs(est - b0) - 1e-9))


METHODS = (
    "glm_cluster_z",
    "permutation",
    "permutation_linked",
    "permutation_night",
    "glm_night_cluster_z",
    "wild_bootstrap_wcr",
    "wild_bootstrap_wcr_one_week",
)


def evaluate_run(d: pd.DataFrame, truth: dict, wcb_draws: int = 999, seed: int = 0) -> list:
    """Coverage of the truth and rejection of 0 for every method, for one simulated run."""
    out = []
    for outcome, (succ, trials) in OUTCOME_COLUMNS.items():
        dd = d[d[trials] > 0].reset_index(drop=True)
        tot = (
            dd.groupby(
                ["posting_id", "pay_per_task_usd", "replication", "slot", "night"], as_index=False
            )[[succ, trials]]
            .sum()
            .reset_index(drop=True)
        )
        b_true = truth[outcome]["logodds_per_unit"]
        lin_true = truth[outcome]["linear_per_unit"]
        within = assignment_matrix(tot, "pay_per_task_usd", "replication")
        linked = linked_assignment_matrix(tot, "pay_per_task_usd", "slot", "replication")
        rec = {"outcome": outcome}
        b, se = _glm_cluster_z(tot, succ, trials, len(dd))
        rec["estimate"] = b * STEP
        rec["glm_cluster_z_cover"] = b - Z * se <= b_true <= b + Z * se
        rec["glm_cluster_z_reject"] = abs(b / se) > Z
        bn, sen = _glm_cluster_z(tot, succ, trials, len(dd), ("night",))
        rec["estimate_night"] = bn * STEP
        rec["glm_night_cluster_z_cover"] = bn - Z * sen <= b_true <= bn + Z * sen
        rec["glm_night_cluster_z_reject"] = abs(bn / sen) > Z
        s, n = tot[succ].to_numpy(float), tot[trials].to_numpy(float)
        for name, assign, cov in (
            ("permutation", within, ()),
            ("permutation_linked", linked, ()),
            ("permutation_night", within, ("night",)),
        ):
            X0 = design_matrix(tot, "pay_per_task_usd", "replication", cov).to_numpy(float)
            rec[f"{name}_cover"] = _perm_p(X0, s, n, assign, b_true) > ALPHA
            rec[f"{name}_reject"] = _perm_p(X0, s, n, assign, 0.0) <= ALPHA
        X = design_matrix(dd, "pay_per_task_usd", "replication").to_numpy(float)
        y = (dd[succ] / dd[trials]).to_numpy(float)
        w = dd[trials].to_numpy(float)
        g = dd["posting_id"].to_numpy()
        for key, b0 in (("cover", lin_true), ("reject", 0.0)):
            p = wild_cluster_bootstrap(y, X, w, g, 1, wcb_draws, seed, null_value=b0).p_value
            rec[f"wild_bootstrap_wcr_{key}"] = p > ALPHA if key == "cover" else p <= ALPHA
        # One week alone (4 clusters: all 6^4 Webb draws enumerated).
        wk = (dd["replication"] == dd["replication"].iloc[0]).to_numpy()
        X1 = design_matrix(dd[wk], "pay_per_task_usd", None).to_numpy(float)
        for key, b0 in (("cover", lin_true), ("reject", 0.0)):
            p = wild_cluster_bootstrap(
                y[wk], X1, w[wk], g[wk], 1, 6**4, seed, null_value=b0
            ).p_value
            rec[f"wild_bootstrap_wcr_one_week_{key}"] = p > ALPHA if key == "cover" else p <= ALPHA
        out.append(rec)
    return out


def check_estimators(n_sims: int = 200, seed: int = 1, wcb_draws: int = 999, **params) -> dict:
    """Run ``n_sims`` simulated experiments and report, per outcome and method, the
    coverage of the target by the 95% interval and the rejection rate of H0: no effect at
    ALPHA, each with its Monte Carlo standard error; and the mean estimate against the
    target (log-odds per +$0.10)."""
    prm = {**DEFAULTS, **params}
    plan = schedule()
    truth = targets(plan, **prm)
    recs = []
    for i in range(n_sims):
        d = simulate_w241(seed * 100_003 + i, plan, **prm)
        recs.extend(evaluate_run(d, truth, wcb_draws, seed=i))
    df = pd.DataFrame(recs)
    res = {"n_sims": n_sims, "params": prm, "outcomes": {}}
    for outcome, g in df.groupby("outcome"):
        r = {
            "target_logodds_per_step": truth[outcome]["logodds_per_unit"] * STEP,
            "target_pp_per_step": 100 * truth[outcome]["linear_per_unit"] * STEP,
            "structural_logodds_per_step": prm[f"{outcome}_logodds_per_step"],
            "mean_estimate": float(g["estimate"].mean()),
            "mean_estimate_mcse": float(g["estimate"].std(ddof=1) / np.sqrt(len(g))),
            "mean_estimate_night": float(g["estimate_night"].mean()),
            "sd_estimate": float(g["estimate"].std(ddof=1)),
        }
        for m in METHODS:
            for key in ("cover", "reject"):
                v = g[f"{m}_{key}"].astype(float)
                r[f"{m}_{key}"] = float(v.mean())
                r[f"{m}_{key}_mcse"] = float(np.sqrt(v.mean() * (1 - v.mean()) / len(v)))
        res["outcomes"][outcome] = r
    return res


def calibrate(workers: pd.DataFrame) -> dict:
    """Simulation parameters from the data: base rates at the lowest pay, the spread of
    posting shocks (between-posting variance of empirical logits beyond binomial noise,
    after pay and week), the pay and night effects of the night-adjusted posting-level
    logistic fit, the worker spread (finishers' accuracy variance beyond binomial noise,
    on the logit scale), and the mean number of starters per posting. The caller
    decides which effects a scenario keeps (see analysis/simulation.py)."""
    from ailabor.models.w241 import main_design

    d = main_design(workers)
    out = {"starters_per_posting": int(round(d.groupby("posting_id").size().mean()))}
    for outcome, (succ, trials) in OUTCOME_COLUMNS.items():
        dd = d[d[trials] > 0]
        tot = dd.groupby(["posting_id", "pay_per_task_usd", "replication"], as_index=False)[
            [succ, trials]
        ].sum()
        p = tot[succ] / tot[trials]
        elogit = _logit(p.to_numpy(float))
        X = design_matrix(tot, "pay_per_task_usd", "replication").to_numpy(float)
        resid = elogit - X @ np.linalg.lstsq(X, elogit, rcond=None)[0]
        G, k = X.shape
        sampling = np.mean(1 / (tot[trials] * p * (1 - p)))
        var = max(float(resid @ resid / (G - k)) - sampling, 0.0)
        out[f"posting_sd_{outcome}"] = float(np.sqrt(var))
        low = tot["pay_per_task_usd"] == tot["pay_per_task_usd"].min()
        out[f"base_{outcome}"] = float(tot.loc[low, succ].sum() / tot.loc[low, trials].sum())
    for outcome, (succ, trials) in OUTCOME_COLUMNS.items():
        dd = d[d[trials] > 0]
        tot = dd.groupby(
            ["posting_id", "pay_per_task_usd", "replication", "night"], as_index=False
        )[[succ, trials]].sum()
        X = design_matrix(tot, "pay_per_task_usd", "replication", ("night",))
        beta = binomial_irls(
            X.to_numpy(float), tot[succ].to_numpy(float), tot[trials].to_numpy(float)
        )
        cols = list(X.columns)
        out[f"{outcome}_logodds_per_step"] = float(beta[cols.index("pay_per_task_usd")] * STEP)
        out[f"night_{outcome}_logodds"] = float(beta[cols.index("night")])
    fin = d[d["completed"] == 1]
    acc = fin["n_correct"] / fin["n_gold_labels"]
    pbar = float(acc.mean())
    within = float(acc.var() - np.mean(acc * (1 - acc) / fin["n_gold_labels"]))
    out["worker_sd"] = float(np.sqrt(max(within, 0.0)) / (pbar * (1 - pbar)))
    return out
