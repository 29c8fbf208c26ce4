"""Simulate the W241 design with a known pay effect, to check the estimators.

Two replications x four pay levels ($0.10, $0.25, $0.40, $0.55), pay randomised to
the four time slots of each replication, a random shock per posting (time of day,
who is online) on both accuracy and completion, and a random skill per worker.
The output has the columns of ``load_workers()`` that the models read.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

PAY_LEVELS = (0.10, 0.25, 0.40, 0.55)
QUESTIONS = 48


def simulate_w241(
    seed: int,
    accuracy_logodds_per_step: float = 0.2,
    completion_logodds_per_step: float = 0.3,
    base_accuracy: float = 0.65,
    base_completion: float = 0.6,
    posting_sd: float = 0.3,
    worker_sd: float = 1.0,
    starters_per_posting: int = 150,
    replications: tuple[str, ...] = ("order1", "order2"),
) -> pd.DataFrame:
    """One simulated experiment; effects are on the log-odds scale per +$0.10 per HIT."""
    rng = np.random.default_rng(seed)
    logit = lambda p: np.log(p / (1 - p))  # noqa: E731
    rows = []
    for rep in replications:
        pays = rng.permutation(PAY_LEVELS)
        for slot, pay in enumerate(pays):
            posting = f"{rep}_slot{slot}"
            shock_acc, shock_comp = rng.normal(0, posting_sd, 2)
            steps = (pay - PAY_LEVELS[0]) / 0.10
            n = rng.poisson(starters_per_posting)
            skill = rng.normal(0, worker_sd, n)
            p_acc = 1 / (
                1
                + np.exp(
                    -(logit(base_accuracy) + accuracy_logodds_per_step * steps + shock_acc + skill)
                )
            )
            p_comp = 1 / (
                1
                + np.exp(
                    -(logit(base_completion) + completion_logodds_per_step * steps + shock_comp)
                )
            )
            completed = rng.random(n) < p_comp
            answered = np.where(completed, QUESTIONS, rng.integers(0, QUESTIONS, n))
            correct = rng.binomial(answered, p_acc)
            progress = np.where(completed, 100.0, np.round(100 * answered / (QUESTIONS + 2)))
            rows.append(
                pd.DataFrame(
                    {
                        "dataset": "w241",
                        "posting_id": posting,
                        "replication": rep,
                        "is_main_design": True,
                        "pay_per_task_usd": pay,
                        "worker": [f"sim{rep}{slot}_{i}" for i in range(n)],
                        "is_completed": completed,
                        "is_submitted": completed,
                        "is_worker_id_known": True,
                        "n_gold_labels": answered,
                        "n_labels": answered,
                        "n_correct": correct,
                        "ds_error": np.where(
                            answered > 0, 1 - correct / np.maximum(answered, 1), np.nan
                        ),
                        "progress_pct": progress,
                        "last_question_position": answered,
                        "questions_shown": QUESTIONS + 2,
                        "n_postings_by_worker": 1,
                        "pay_per_hour_usd": np.nan,
                        "started_at": pd.NaT,
                    }
                )
            )
    return pd.concat(rows, ignore_index=True)


def check_estimators(n_sims: int = 200, seed: int = 1, **kwargs) -> dict:
    """Recovery and few-cluster coverage over ``n_sims`` simulated experiments (pooled design).

    Returns the mean estimate of the posting-level GLM slope (log-odds per +$0.10),
    the coverage of the 95% cluster-robust GLM (z) interval and of the t(G-k) linear
    interval for the true linear slope, and the rejection rates at 5% of
    randomisation inference and the wild cluster bootstrap (under the null when the
    effect is 0).
    """
    import warnings

    import statsmodels.api as sm

    from ailabor.models.inference import (
        ALPHA,
        Z,
        cluster_t_interval,
        design_matrix,
        randomisation_test,
        wild_cluster_bootstrap,
    )

    true = kwargs.get("accuracy_logodds_per_step", 0.2)
    # The GLM estimates the population-averaged slope; with a normal worker effect of sd s
    # it is about true / sqrt(1 + 0.346 s^2) (Zeger, Liang & Albert 1988).
    true_pa = true / np.sqrt(1 + 0.346 * kwargs.get("worker_sd", 1.0) ** 2)
    est, cover_glm, cover_t, rej_ri, rej_wcb = [], [], [], [], []
    for i in range(n_sims):
        d = simulate_w241(seed * 100_003 + i, **kwargs)
        d = d[d["n_gold_labels"] > 0].copy()
        d["n_correct"] = d["n_correct"].astype(float)
        d["n_gold_labels"] = d["n_gold_labels"].astype(float)
        X = design_matrix(d, "pay_per_task_usd", "replication")
        y = (d["n_correct"] / d["n_gold_labels"]).to_numpy(float)
        w = d["n_gold_labels"].to_numpy(float)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            res = sm.GLM(y, X, family=sm.families.Binomial(), var_weights=w).fit(
                cov_type="cluster", cov_kwds={"groups": pd.factorize(d["posting_id"])[0]}
            )
        b = res.params["pay_per_task_usd"] * 0.10
        se = res.bse["pay_per_task_usd"] * 0.10
        est.append(b)
        cover_glm.append(b - Z * se <= true_pa <= b + Z * se)
        _, _, lo, hi = cluster_t_interval(y, X.to_numpy(), w, d["posting_id"].to_numpy(), 1)
        # The linear slope implied by the truth: true log-odds slope times the mean of p(1-p).
        p = y.mean()
        true_linear = true_pa / 0.10 * p * (1 - p)
        cover_t.append(lo <= true_linear <= hi)
        rej_ri.append(randomisation_test(d, "n_correct", "n_gold_labels").p_value <= ALPHA)
        rej_wcb.append(
            wild_cluster_bootstrap(
                y, X.to_numpy(), w, d["posting_id"].to_numpy(), 1, max_draws=999, seed=i
            ).p_value
            <= ALPHA
        )
    return {
        "n_sims": n_sims,
        "true_logodds_per_step": true,
        "true_population_averaged": float(true_pa),
        "mean_estimate": float(np.mean(est)),
        "sd_estimate": float(np.std(est)),
        "coverage_glm_cluster_z": float(np.mean(cover_glm)),
        "coverage_linear_cluster_t": float(np.mean(cover_t)),
        "rejection_ri": float(np.mean(rej_ri)),
        "rejection_wcb": float(np.mean(rej_wcb)),
    }
