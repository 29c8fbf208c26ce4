"""Simulation check of every W241 interval and test the paper reports, on the real schedule.

Usage: python analysis/simulation.py OUT_JSON [N_SIMS]

Three scenarios, all calibrated to the data (ailabor.simulate.calibrate): "effect" (pay
effects of the size estimated, no systematic night effect), "null" (no pay effect on
either outcome: the size of every test) and "night" (no pay effect, but the estimated
night effect on both outcomes). N_SIMS runs each for effect and null, half as many for
night; the default keeps `make all` under about three minutes on one core.
"""

import json
import sys
import time
from pathlib import Path

import ailabor
from ailabor.simulate import calibrate, check_estimators

# Load inputs.
n = int(sys.argv[2]) if len(sys.argv) > 2 else 200
cal = calibrate(ailabor.load_table("workers"))

# Process data.
no_night = {"night_accuracy_logodds": 0.0, "night_completion_logodds": 0.0}
no_pay = {"accuracy_logodds_per_step": 0.0, "completion_logodds_per_step": 0.0}
scenarios = {
    "effect": (n, {**cal, **no_night}),
    "null": (n, {**cal, **no_night, **no_pay}),
    "night": (max(n // 2, 2), {**cal, **no_pay}),
}
res = {"calibration": cal}
t0 = time.time()
for seed, (name, (runs, prm)) in enumerate(scenarios.items(), start=1):
    res[name] = check_estimators(runs, seed=seed, **prm)
res["seconds"] = round(time.time() - t0, 1)

# Save outputs.
Path(sys.argv[1]).parent.mkdir(parents=True, exist_ok=True)
Path(sys.argv[1]).write_text(json.dumps(res, indent=2) + "\n")
print(f"simulation: {sum(r[0] for r in scenarios.values())} runs in {res['seconds']} s")
