# %% [markdown]
# # ailabor quickstart
#
# Load every published table and draw one figure. Open this file as a notebook with
# jupytext (`jupytext --to notebook examples/quickstart.py`) or run it as a script after
# `make all`. A test runs it, so it cannot rot.

# %%
import os

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

import ailabor  # noqa: E402

# %% [markdown]
# ## What is there

# %%
datasets = ailabor.list_datasets()
print(datasets[["name", "rows", "is_built"]].to_string(index=False))

# %% [markdown]
# ## Load each table (typed pandas frames)

# %%
tables = {name: ailabor.load(name) for name in datasets.loc[datasets["is_built"], "name"]}
for name, df in tables.items():
    print(f"{name:<18} {len(df):>7} rows x {df.shape[1]:>2} columns")

# %% [markdown]
# ## Published pay, hourly, against the local minimum wage

# %%
pay = ailabor.load_pay()
cols = [
    "platform",
    "country_iso3",
    "period",
    "hourly_pay_low_usd",
    "hourly_pay_high_usd",
    "ratio_low_to_min_wage",
    "verification",
]
print(pay[pay["country_iso3"] == "KEN"][cols].to_string(index=False))

# %% [markdown]
# ## One figure: completion and accuracy by pay in the W241 experiment

# %%
workers = ailabor.load_workers()
main = workers[workers["is_main_design"].fillna(False).astype(bool)]
by_pay = main.groupby("pay_per_task_usd").agg(
    completion=("is_completed", "mean"),
    accuracy=("accuracy", "mean"),
)
ax = by_pay.plot(marker="o", figsize=(5, 3))
ax.set(xlabel="Pay per HIT (US$)", ylabel="Share", ylim=(0, 1))
out = os.environ.get("QUICKSTART_FIGURE", "quickstart.png")
plt.savefig(out, dpi=100, bbox_inches="tight")
print("wrote", out)
